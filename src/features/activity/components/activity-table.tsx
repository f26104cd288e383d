import '@mantine/core/styles/Anchor.css';
import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Run } from '../../../api/domain';
import { usePageAccess } from '../../../components/page-access';
import { RUN_KIND_LABEL, runHref } from '../../../components/run-links';
import { RunProgress } from '../../../components/run-progress';
import { STATE_COLUMN_WIDTH, StatusBadge } from '../../../components/status-badge';
import type { Column } from '../../../components/virtual-table';
import { VirtualTable } from '../../../components/virtual-table';
import { formatDateTime, formatRelative } from '../../../lib/format';

/** Every run across connections, virtualized; progress moves with the polls. */
export function ActivityTable({ runs }: { runs: Run[] }) {
  const { label } = usePageAccess();
  const columns: Column<Run>[] = [
    {
      key: 'run',
      header: 'Run',
      width: '26%',
      cell: (r) => {
        const href = runHref(r);
        return (
          <Stack gap={0} style={{ minWidth: 0 }}>
            {href ? (
              <Anchor component={Link} to={href} size="sm">
                {r.parentName}
              </Anchor>
            ) : (
              <Text size="sm">{r.parentName}</Text>
            )}
            <Text size="xs" c="dimmed">
              {[r.machineName, label(r.connectionId)].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
        );
      },
    },
    {
      key: 'kind',
      header: 'Kind',
      width: 130,
      optional: true,
      cell: (r) => <Text size="sm">{RUN_KIND_LABEL[r.kind]}</Text>,
    },
    {
      key: 'state',
      header: 'State',
      width: STATE_COLUMN_WIDTH,
      cell: (r) => <StatusBadge state={r.state} vendorState={r.vendorState} />,
    },
    { key: 'progress', header: 'Progress', optional: true, cell: (r) => <RunProgress run={r} compact /> },
    {
      key: 'started',
      header: 'Started',
      width: 210,
      optional: true,
      cell: (r) => (
        <Stack gap={0}>
          <Text size="sm">{formatDateTime(r.startedAt)}</Text>
          {r.initiatedBy && (
            <Text size="xs" c="dimmed">
              by {r.initiatedBy}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'updated',
      header: 'Last change',
      width: 130,
      optional: true,
      cell: (r) => (
        <Text size="sm" title={formatDateTime(r.updatedAt ?? r.endedAt)}>
          {formatRelative(r.updatedAt ?? r.endedAt ?? r.startedAt)}
        </Text>
      ),
    },
  ];
  return (
    <VirtualTable
      label="Activity"
      rows={runs}
      columns={columns}
      rowKey={(r) => `${r.connectionId}:${r.kind}:${r.id}`}
      rowProps={(r) => ({ 'data-status': r.state, 'data-kind': r.kind })}
      rowHeight={60}
      minWidth={960}
    />
  );
}
