import { memo } from 'react';
import type { BackupTarget } from '../../../api/domain';
import { CellLink, CellStack, CellText } from '../../../components/cells';
import { LightBadge } from '../../../components/light-badge';
import { scheduleZoneText, scheduleZoneTitle } from '../../../components/schedule-zone';
import { mayDoAny, usePageAccess } from '../../../components/page-access';
import { configurationHref } from '../../../components/run-links';
import { StatusBadge } from '../../../components/status-badge';
import type { Column, SortState } from '../../../components/virtual-table';
import { VirtualTable } from '../../../components/virtual-table';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { CONFIGURATION_COMMANDS, ConfigurationActions, runningBackupId } from './configuration-actions';
import type { ListSort } from '../../../components/list-view';
import type { ConfigurationSortKey } from './configurations-filter';

function rowStatus(c: BackupTarget): string {
  if (runningBackupId(c)) return 'running';
  return c.lastRun?.state ?? 'never';
}

/**
 * The configurations as a virtualized table: only rows in view are rendered. Memoised: typing in the
 * search box re-renders it only once the filtered rows change.
 */
export const ConfigurationsTable = memo(function ConfigurationsTable({
  rows,
  sort,
  onSort,
}: {
  rows: BackupTarget[];
  sort: ListSort<ConfigurationSortKey>;
  onSort: (sort: ListSort<ConfigurationSortKey>) => void;
}) {
  const { label, signedIn, allow } = usePageAccess();
  const withActions = mayDoAny(signedIn, allow, CONFIGURATION_COMMANDS);
  const columns: Column<BackupTarget>[] = [
    {
      key: 'name',
      header: 'Configuration',
      stateless: true,
      sortable: true,
      // The one column without a width: it takes what the others leave.
      cell: (c) => (
        <CellStack>
          <CellLink to={configurationHref(c.connectionId, c.id)}>{c.name}</CellLink>
          <CellText sub>
            {c.machine?.name} · {label(c.connectionId)}
          </CellText>
        </CellStack>
      ),
    },
    {
      key: 'schedule',
      header: 'Schedule',
      stateless: true,
      // Room for "Weekly on Wednesday at 11:30 PM" and its zone on two lines each.
      width: 190,
      optional: true,
      cell: (c) => {
        const zone = scheduleZoneText(c.schedule, c.nextRunAt);
        return (
          <CellStack>
            <CellText>{c.schedule.description}</CellText>
            {zone && (
              <CellText sub title={scheduleZoneTitle(c.schedule)}>
                {zone}
              </CellText>
            )}
          </CellStack>
        );
      },
    },
    {
      key: 'enabled',
      header: 'Enabled',
      stateless: true,
      width: 110,
      optional: true,
      cell: (c) => (
        <LightBadge variant="outline" color={c.enabled ? 'green' : 'gray'} data-enabled={c.enabled}>
          {c.enabled ? 'Enabled' : 'Disabled'}
        </LightBadge>
      ),
    },
    {
      key: 'lastRun',
      header: 'Last run',
      stateless: true,
      sortable: true,
      width: 160,
      cell: (c) =>
        c.lastRun ? (
          <CellStack>
            <StatusBadge
              state={runningBackupId(c) ? 'running' : c.lastRun.state}
              vendorState={c.lastRun.vendorState}
            />
            <CellText sub title={formatDateTime(c.lastRun.at)}>
              {formatRelative(c.lastRun.at)}
            </CellText>
          </CellStack>
        ) : (
          <CellText sub>Never run</CellText>
        ),
    },
    {
      key: 'nextRun',
      header: 'Next run',
      stateless: true,
      sortable: true,
      width: 130,
      optional: true,
      cell: (c) => (
        <CellText title={formatDateTime(c.nextRunAt)}>
          {c.nextRunAt ? formatRelative(c.nextRunAt) : c.schedule.manual ? 'Manual only' : '—'}
        </CellText>
      ),
    },
  ];
  if (withActions)
    columns.push({
      key: 'actions',
      header: 'Actions',
      width: 200,
      optional: true,
      cell: (c) => <ConfigurationActions configuration={c} />,
    });
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
});
