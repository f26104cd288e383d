import '@mantine/core/styles/Anchor.css';
import { Anchor, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { memo } from 'react';
import { Link } from 'react-router';
import type { RestoreSession } from '../../../api/domain';
import { CellStack, CellText } from '../../../components/cells';
import { runHref } from '../../../components/run-links';
import { STATE_COLUMN_WIDTH, StatusBadge } from '../../../components/status-badge';
import type { ListSort } from '../../../components/list-view';
import type { Column, SortState } from '../../../components/virtual-table';
import { VirtualTable } from '../../../components/virtual-table';
import { NONE, formatDateTime } from '../../../lib/format';
import { exploreTypeLabel } from './explore-types';
import type { RunSortKey } from '../../../components/run-list-spec';

export function restoreSessionPath(s: Pick<RestoreSession, 'connectionId' | 'id'>): string {
  return (
    runHref({ connectionId: s.connectionId, id: s.id, kind: 'restore-session', parentId: null }) ??
    '/restore-sessions'
  );
}

/**
 * Veeam restore sessions: state, type, organization, who started it, created and ended. Memoised:
 * typing in the search box re-renders it only once the filtered rows change.
 */
export const RestoreSessionsTable = memo(function RestoreSessionsTable({
  sessions,
  actions,
  sort,
  onSortChange,
}: {
  sessions: readonly RestoreSession[];
  actions?: (session: RestoreSession) => ReactNode;
  sort?: ListSort<RunSortKey>;
  onSortChange?: (sort: ListSort<RunSortKey>) => void;
}) {
  const columns: Column<RestoreSession>[] = [
    {
      key: 'name',
      header: 'Restore session',
      sortable: true,
      width: '24%',
      cell: (s) => (
        <Anchor
          component={Link}
          to={restoreSessionPath(s)}
          size="sm"
          fw={500}
          style={{ wordBreak: 'break-word' }}
        >
          {s.parentName || s.id}
        </Anchor>
      ),
    },
    {
      key: 'state',
      header: 'State',
      sortable: true,
      width: STATE_COLUMN_WIDTH,
      cell: (s) => <StatusBadge state={s.state} vendorState={s.vendorState} />,
    },
    { key: 'type', header: 'Type', width: 100, optional: true, cell: (s) => exploreTypeLabel(s.sessionType) },
    {
      key: 'organization',
      header: 'Organization',
      optional: true,
      // Who started it sits under the organization: two narrow columns of domain names and user
      // names squeezed each other into letters.
      cell: (s) => (
        <CellStack>
          <CellText>{s.organizationName || NONE}</CellText>
          <CellText sub>started by {s.initiatedBy ?? NONE}</CellText>
        </CellStack>
      ),
    },
    {
      key: 'time',
      header: 'Created / ended',
      sortable: true,
      width: 210,
      optional: true,
      cell: (s) => (
        <Stack gap={0}>
          <Text size="sm">{formatDateTime(s.startedAt)}</Text>
          <Text size="xs" c="dimmed">
            {s.endedAt ? `ended ${formatDateTime(s.endedAt)}` : 'still open'}
          </Text>
        </Stack>
      ),
    },
  ];
  if (actions) columns.push({ key: 'actions', header: 'Actions', width: 110, optional: true, cell: actions });
  return (
    <VirtualTable
      label="Restore sessions"
      rows={sessions}
      columns={columns}
      rowKey={(s) => `${s.connectionId}/${s.id}`}
      rowProps={(s) => ({ 'data-status': s.state })}
      rowHeight={60}
      sort={sort}
      onSortChange={onSortChange && ((s: SortState) => onSortChange(s as ListSort<RunSortKey>))}
    />
  );
});
