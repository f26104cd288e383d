import '@mantine/core/styles/Anchor.css';
import { Anchor, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { memo } from 'react';
import { Link } from 'react-router';
import type { Restore } from '../../../api/domain';
import { RunProgress } from '../../../components/run-progress';
import { runHref } from '../../../components/run-links';
import type { ListSort } from '../../../components/list-view';
import type { Column, SortState } from '../../../components/virtual-table';
import { VirtualTable } from '../../../components/virtual-table';
import { STATE_COLUMN_WIDTH } from '../../../components/status-badge';
import { NONE, formatStartOrEnd } from '../../../lib/format';
import { RestoreStateBadge, restoreStatus } from './restore-state-badge';
import type { RunSortKey } from '../../../components/run-list-spec';

export function restorePath(restore: Pick<Restore, 'connectionId' | 'id'>): string {
  return (
    runHref({ connectionId: restore.connectionId, id: restore.id, kind: 'restore', parentId: null }) ??
    '/restores'
  );
}

export function destinationText(restore: Restore): string {
  const machine =
    restore.destinationMachineName ?? restore.machineName ?? `agent ${restore.destinationAgentId}`;
  return `${machine}: ${destinationPathText(restore.destinationPath).toLowerCase()}`;
}

/** A restore's destination path in words: null is the original place, undefined not known. */
export function destinationPathText(path: Restore['destinationPath']): string {
  return path === undefined ? 'Path not known' : (path ?? 'Original location');
}

/**
 * Rackspace restores with their live state and progress; the page decides which actions a row has.
 * Memoised: typing in the search box re-renders it only once the filtered rows change.
 */
export const RestoresTable = memo(function RestoresTable({
  restores,
  connectionLabel,
  actions,
  now,
  sort,
  onSortChange,
}: {
  restores: readonly Restore[];
  connectionLabel: (connectionId: string) => string;
  actions?: (restore: Restore) => ReactNode;
  now?: number;
  sort?: ListSort<RunSortKey>;
  onSortChange?: (sort: ListSort<RunSortKey>) => void;
}) {
  const columns: Column<Restore>[] = [
    {
      key: 'name',
      header: 'Restore',
      sortable: true,
      width: '22%',
      cell: (r) => (
        <Stack gap={0}>
          <Anchor component={Link} to={restorePath(r)} size="sm" fw={500}>
            {r.parentName || `Restore ${r.id}`}
          </Anchor>
          <Text size="xs" c="dimmed">
            {connectionLabel(r.connectionId)} · #{r.id}
          </Text>
        </Stack>
      ),
    },
    { key: 'source', header: 'From machine', optional: true, cell: (r) => r.sourceMachineName ?? NONE },
    { key: 'destination', header: 'To', optional: true, cell: (r) => destinationText(r) },
    {
      key: 'state',
      header: 'State',
      sortable: true,
      width: STATE_COLUMN_WIDTH,
      cell: (r) => <RestoreStateBadge restore={r} />,
    },
    {
      key: 'progress',
      header: 'Progress',
      width: 220,
      optional: true,
      // A draft has done nothing yet: no progress to show, its badge says why.
      cell: (r) => (r.draft ? NONE : <RunProgress run={r} compact now={now} />),
    },
    {
      key: 'time',
      header: 'Started',
      sortable: true,
      optional: true,
      // A draft never started: its activity time is when it was created, not a start or an end.
      cell: (r) => (r.draft ? 'Not started' : formatStartOrEnd(r.startedAt, r.endedAt)),
    },
  ];
  if (actions) columns.push({ key: 'actions', header: 'Actions', width: 110, optional: true, cell: actions });
  return (
    <VirtualTable
      label="Restores"
      rows={restores}
      columns={columns}
      rowKey={(r) => `${r.connectionId}/${r.id}`}
      rowProps={(r) => ({ 'data-status': restoreStatus(r) })}
      rowHeight={64}
      sort={sort}
      onSortChange={onSortChange && ((s: SortState) => onSortChange(s as ListSort<RunSortKey>))}
    />
  );
});
