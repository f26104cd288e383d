import '@mantine/core/styles/Badge.css';
import { Badge, Text } from '@mantine/core';
import type { Run } from '../../../api/domain';
import { EmptyState } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import type { Column } from '../../../components/virtual-table';
import { VirtualTable } from '../../../components/virtual-table';
import {
  formatBytes,
  formatCount,
  formatDateTime,
  formatDuration,
  secondsBetween,
} from '../../../lib/format';

const columns: Column<Run>[] = [
  {
    key: 'started',
    header: 'Started',
    width: 200,
    cell: (r) => <Text size="sm">{formatDateTime(r.startedAt)}</Text>,
  },
  {
    key: 'state',
    header: 'Result',
    width: 130,
    cell: (r) => <StatusBadge state={r.state} vendorState={r.vendorState} />,
  },
  {
    key: 'duration',
    header: 'Duration',
    width: 110,
    cell: (r) => <Text size="sm">{formatDuration(secondsBetween(r.startedAt, r.endedAt))}</Text>,
  },
  {
    key: 'bytes',
    header: 'Backed up',
    width: 110,
    cell: (r) => <Text size="sm">{formatBytes(r.progress.bytesDone)}</Text>,
  },
  {
    key: 'files',
    header: 'Files',
    width: 90,
    cell: (r) => <Text size="sm">{formatCount(r.progress.filesDone)}</Text>,
  },
  {
    key: 'errors',
    header: 'Errors',
    width: 80,
    cell: (r) => (
      <Text size="sm" c={r.errorCount > 0 ? 'var(--mantine-color-error)' : undefined}>
        {formatCount(r.errorCount)}
      </Text>
    ),
  },
  {
    key: 'restorable',
    header: 'Restorable',
    width: 120,
    cell: (r) =>
      r.restorable ? (
        <Badge color="teal" variant="light" data-restorable="true">
          Restorable
        </Badge>
      ) : (
        <Text size="sm" c="dimmed" data-restorable="false">
          No
        </Text>
      ),
  },
];

/** A configuration's backups, newest first, the restorable ones marked. */
export function BackupHistory({ runs }: { runs: Run[] }) {
  if (runs.length === 0)
    return <EmptyState title="No backups yet">Start one, or wait for the schedule.</EmptyState>;
  return (
    <VirtualTable
      label="Backup history"
      rows={runs}
      columns={columns}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ 'data-status': r.state })}
      rowHeight={44}
      maxHeight={420}
      minWidth={840}
    />
  );
}
