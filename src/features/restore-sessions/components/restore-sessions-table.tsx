import '@mantine/core/styles/Anchor.css';
import { Anchor, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { RestoreSession } from '../../../api/domain';
import { runHref } from '../../../components/run-links';
import { StatusBadge } from '../../../components/status-badge';
import type { Column } from '../../../components/virtual-table';
import { VirtualTable } from '../../../components/virtual-table';
import { NONE, formatDateTime } from '../../../lib/format';
import { exploreTypeLabel } from './explore-types';

export function restoreSessionPath(s: Pick<RestoreSession, 'connectionId' | 'id'>): string {
  return (
    runHref({ connectionId: s.connectionId, id: s.id, kind: 'restore-session', parentId: null }) ??
    '/restore-sessions'
  );
}

/** Veeam restore sessions: state, type, organization, who started it, created and ended. */
export function RestoreSessionsTable({
  sessions,
  actions,
}: {
  sessions: readonly RestoreSession[];
  actions?: (session: RestoreSession) => ReactNode;
}) {
  const columns: Column<RestoreSession>[] = [
    {
      key: 'name',
      header: 'Restore session',
      width: '26%',
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
      width: 120,
      cell: (s) => <StatusBadge state={s.state} vendorState={s.vendorState} />,
    },
    { key: 'type', header: 'Type', width: 110, cell: (s) => exploreTypeLabel(s.sessionType) },
    { key: 'organization', header: 'Organization', cell: (s) => s.organizationName || NONE },
    { key: 'by', header: 'Started by', cell: (s) => s.initiatedBy ?? NONE },
    {
      key: 'times',
      header: 'Created / ended',
      width: 230,
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
  if (actions) columns.push({ key: 'actions', header: 'Actions', width: 110, cell: actions });
  return (
    <VirtualTable
      label="Restore sessions"
      rows={sessions}
      columns={columns}
      rowKey={(s) => `${s.connectionId}/${s.id}`}
      rowProps={(s) => ({ 'data-status': s.state })}
      rowHeight={60}
    />
  );
}
