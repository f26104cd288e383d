import '@mantine/core/styles/Anchor.css';
import '@mantine/core/styles/Badge.css';
import { Anchor, Badge, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Configuration } from '../../../api/domain';
import { usePageAccess } from '../../../components/page-access';
import { configurationHref } from '../../../components/run-links';
import { StatusBadge } from '../../../components/status-badge';
import type { Column, SortState } from '../../../components/virtual-table';
import { VirtualTable } from '../../../components/virtual-table';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { ConfigurationActions, runningBackupId } from './configuration-actions';
import type { ConfigurationFilters, ConfigurationSortKey } from './configurations-filter';

function rowStatus(c: Configuration): string {
  if (runningBackupId(c)) return 'running';
  return c.lastRun?.state ?? 'never';
}

/** The configurations as a virtualized table: only rows in view are rendered. */
export function ConfigurationsTable({
  rows,
  sort,
  onSort,
}: {
  rows: Configuration[];
  sort: ConfigurationFilters['sort'];
  onSort: (sort: ConfigurationFilters['sort']) => void;
}) {
  const { label } = usePageAccess();
  const columns: Column<Configuration>[] = [
    {
      key: 'name',
      header: 'Configuration',
      sortable: true,
      width: '28%',
      cell: (c) => (
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={configurationHref(c.connectionId, c.id)} size="sm" truncate>
            {c.name}
          </Anchor>
          <Text size="xs" c="dimmed" truncate>
            {c.machineName} · {label(c.connectionId)}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'schedule',
      header: 'Schedule',
      cell: (c) => (
        <Text size="sm" truncate>
          {c.schedule.description}
        </Text>
      ),
    },
    {
      key: 'enabled',
      header: 'Enabled',
      width: 120,
      cell: (c) => (
        <Badge
          variant="outline"
          style={{ overflow: 'visible' }}
          color={c.enabled ? 'green' : 'gray'}
          data-enabled={c.enabled}
        >
          {c.enabled ? 'Enabled' : 'Disabled'}
        </Badge>
      ),
    },
    {
      key: 'lastRun',
      header: 'Last run',
      sortable: true,
      width: 190,
      cell: (c) =>
        c.lastRun ? (
          <Stack gap={2} align="flex-start">
            <StatusBadge
              state={runningBackupId(c) ? 'running' : c.lastRun.state}
              vendorState={c.lastRun.vendorState}
            />
            <Text size="xs" c="dimmed" title={formatDateTime(c.lastRun.at)}>
              {formatRelative(c.lastRun.at)}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            Never run
          </Text>
        ),
    },
    {
      key: 'nextRun',
      header: 'Next run',
      sortable: true,
      width: 150,
      cell: (c) => (
        <Text size="sm" title={formatDateTime(c.nextRunAt)}>
          {c.nextRunAt ? formatRelative(c.nextRunAt) : c.schedule.manual ? 'Manual only' : '—'}
        </Text>
      ),
    },
    {
      key: 'actions',
      header: 'Actions',
      width: 200,
      cell: (c) => <ConfigurationActions configuration={c} />,
    },
  ];
  return (
    <VirtualTable
      label="Configurations"
      rows={rows}
      columns={columns}
      rowKey={(c) => `${c.connectionId}:${c.id}`}
      rowProps={(c) => ({ 'data-status': rowStatus(c), 'data-configuration': c.name })}
      rowHeight={64}
      minWidth={1000}
      sort={sort}
      onSortChange={(s: SortState) => onSort({ key: s.key as ConfigurationSortKey, dir: s.dir })}
    />
  );
}
