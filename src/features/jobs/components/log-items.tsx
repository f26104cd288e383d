import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/Table.css';
import { Badge, Stack, Table, Text } from '@mantine/core';
import type { LogItem } from '../../../api/domain';
import { formatDateTime, formatDuration, secondsBetween } from '../../../lib/format';

const LEVEL_COLOR: Record<LogItem['level'], string> = {
  info: 'gray',
  success: 'green',
  warning: 'yellow',
  error: 'red',
};

/**
 * A session's log, oldest first as it was written; the level reads from the "[Success] …" title. On a
 * phone the time, level and duration share one column, so that the message keeps the width to read.
 */
export function LogItems({ items, label }: { items: readonly LogItem[]; label: string }) {
  const level = (item: LogItem) => (
    <Badge color={LEVEL_COLOR[item.level]} variant="dot">
      {item.level}
    </Badge>
  );
  const took = (item: LogItem) => (item.endedAt ? formatDuration(secondsBetween(item.at, item.endedAt)) : '');
  return (
    <Table.ScrollContainer minWidth={280}>
      <Table aria-label={label} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th hiddenFrom="sm" w={128}>
              When
            </Table.Th>
            <Table.Th visibleFrom="sm" w={200}>
              Time
            </Table.Th>
            <Table.Th visibleFrom="sm" w={100}>
              Level
            </Table.Th>
            <Table.Th>Message</Table.Th>
            <Table.Th visibleFrom="sm" w={110}>
              Took
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} data-level={item.level}>
              <Table.Td hiddenFrom="sm">
                <Stack gap={4} align="flex-start">
                  <Text size="xs">{formatDateTime(item.at)}</Text>
                  {level(item)}
                  {took(item) && <Text size="xs">took {took(item)}</Text>}
                </Stack>
              </Table.Td>
              <Table.Td visibleFrom="sm">{formatDateTime(item.at)}</Table.Td>
              <Table.Td visibleFrom="sm">{level(item)}</Table.Td>
              <Table.Td data-message style={{ wordBreak: 'break-word' }}>
                {item.title}
              </Table.Td>
              <Table.Td visibleFrom="sm">{took(item)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
