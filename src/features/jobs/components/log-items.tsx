import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/Table.css';
import { Badge, Table } from '@mantine/core';
import type { LogItem } from '../../../api/domain';
import { formatDateTime, formatDuration, secondsBetween } from '../../../lib/format';

const LEVEL_COLOR: Record<LogItem['level'], string> = {
  info: 'gray',
  success: 'green',
  warning: 'yellow',
  error: 'red',
};

/** A session's log, oldest first as it was written; the level reads from the "[Success] …" title. */
export function LogItems({ items, label }: { items: readonly LogItem[]; label: string }) {
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table aria-label={label} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={200}>Time</Table.Th>
            <Table.Th w={100}>Level</Table.Th>
            <Table.Th>Message</Table.Th>
            <Table.Th w={110}>Took</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} data-level={item.level}>
              <Table.Td>{formatDateTime(item.at)}</Table.Td>
              <Table.Td>
                <Badge color={LEVEL_COLOR[item.level]} variant="dot">
                  {item.level}
                </Badge>
              </Table.Td>
              <Table.Td style={{ wordBreak: 'break-word' }}>{item.title}</Table.Td>
              <Table.Td>{item.endedAt ? formatDuration(secondsBetween(item.at, item.endedAt)) : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
