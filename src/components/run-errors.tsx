import '@mantine/core/styles/Table.css';
import { Table, Text } from '@mantine/core';
import type { RunDetail, RunError } from '../api/domain';
import { NONE } from '../lib/format';
import { VendorWord } from './vendor-word';

/** What a run's report says of why it ended as it did: the vendor's reason and its diagnostics. */
export function RunNotes({ run }: { run: Pick<RunDetail, 'reason' | 'diagnostics'> }) {
  return (
    <>
      {run.reason && (
        <Text size="sm">
          Reason: <VendorWord word={run.reason} detail />
        </Text>
      )}
      {run.diagnostics && (
        <Text size="sm" c="dimmed">
          {run.diagnostics}
        </Text>
      )}
    </>
  );
}

/** A run's error list (path, type, description), as its report gives it; `labelledBy` names the table. */
export function RunErrors({
  errors,
  running,
  labelledBy,
}: {
  errors: readonly RunError[];
  running: boolean;
  labelledBy: string;
}) {
  if (errors.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {running ? 'No errors so far.' : 'No errors.'}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table aria-labelledby={labelledBy} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Path</Table.Th>
            <Table.Th w={180}>Type</Table.Th>
            <Table.Th>Description</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e, i) => (
            <Table.Tr key={`${i}-${e.path ?? ''}`}>
              <Table.Td style={{ wordBreak: 'break-all' }}>{e.path ?? NONE}</Table.Td>
              <Table.Td>
                <VendorWord word={e.type} />
              </Table.Td>
              <Table.Td>{e.description}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
