import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/Button.css';
import { Badge, Button, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Run } from '../../../api/domain';
import { isInFlight } from '../../../api/domain';
import { CellLink } from '../../../components/cells';
import { newRestoreHref } from '../../../components/run-links';
import { EmptyState } from '../../../components/states';
import { STATE_COLUMN_WIDTH, StatusBadge } from '../../../components/status-badge';
import type { Column } from '../../../components/virtual-table';
import { VirtualTable } from '../../../components/virtual-table';
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatStartOrEnd,
  secondsBetween,
} from '../../../lib/format';

/** The columns; the start time links to the backup's report (?backup=, so that it can be shared). */
const columnsFor = (selectedId: string | null): Column<Run>[] => [
  {
    key: 'started',
    header: 'Started',
    width: 200,
    cell: (r) => (
      <CellLink to={`?backup=${encodeURIComponent(r.id)}`} replace current={r.id === selectedId}>
        {formatStartOrEnd(r.startedAt, r.endedAt, `Backup ${r.id}`)}
      </CellLink>
    ),
  },
  {
    key: 'state',
    header: 'Result',
    width: STATE_COLUMN_WIDTH,
    cell: (r) => <StatusBadge state={r.state} vendorState={r.vendorState} />,
  },
  {
    key: 'duration',
    header: 'Duration',
    width: 110,
    optional: true,
    cell: (r) => <Text size="sm">{formatDuration(secondsBetween(r.startedAt, r.endedAt))}</Text>,
  },
  {
    key: 'bytes',
    header: 'Backed up',
    width: 110,
    optional: true,
    cell: (r) => <Text size="sm">{formatBytes(r.progress.bytesDone)}</Text>,
  },
  {
    key: 'files',
    header: 'Files',
    width: 90,
    optional: true,
    cell: (r) => <Text size="sm">{formatCount(r.progress.filesDone)}</Text>,
  },
  {
    key: 'errors',
    header: 'Errors',
    width: 80,
    optional: true,
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
    optional: true,
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

/**
 * "Restore…" on a backup of this configuration: the restore wizard with both already chosen. Only for
 * a backup that has ended and that the vendor says is restorable; the caller checks the role.
 */
export function RestoreFromBackup({
  configurationId,
  run,
  size = 'xs',
}: {
  configurationId: string;
  run: Pick<Run, 'connectionId' | 'id' | 'restorable' | 'state'>;
  size?: 'xs' | 'sm';
}) {
  if (run.restorable !== true || isInFlight(run.state)) return null;
  return (
    <Button
      component={Link}
      to={newRestoreHref(run.connectionId, configurationId, run.id)}
      size={size}
      variant="light"
      aria-label={`Restore from backup ${run.id}`}
    >
      Restore…
    </Button>
  );
}

const restoreColumn = (configurationId: string): Column<Run> => ({
  key: 'restore',
  header: 'Restore',
  width: 110,
  optional: true,
  cell: (r) => <RestoreFromBackup configurationId={configurationId} run={r} />,
});

/**
 * A configuration's backups, newest first, the restorable ones marked; each opens its report. With
 * `restoreFrom` (the configuration's id, given when the person may restore on this connection) a
 * restorable backup offers "Restore…".
 */
export function BackupHistory({
  runs,
  selectedId = null,
  restoreFrom = null,
}: {
  runs: Run[];
  selectedId?: string | null;
  restoreFrom?: string | null;
}) {
  if (runs.length === 0)
    return <EmptyState title="No backups yet">Start one, or wait for the schedule.</EmptyState>;
  return (
    <VirtualTable
      label="Backup history"
      rows={runs}
      columns={
        restoreFrom === null
          ? columnsFor(selectedId)
          : [...columnsFor(selectedId), restoreColumn(restoreFrom)]
      }
      rowKey={(r) => r.id}
      rowProps={(r) => ({ 'data-status': r.state })}
      rowHeight={44}
      maxHeight={420}
      minWidth={restoreFrom === null ? 840 : 950}
    />
  );
}
