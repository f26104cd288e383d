import type { ReactNode } from 'react';
import { memo } from 'react';
import type { BackupTarget } from '../../../api/domain';
import { CellLink, CellStack, CellText } from '../../../components/cells';
import { scheduleZoneText } from '../../../components/schedule-zone';
import { jobHref } from '../../../components/run-links';
import { STATE_COLUMN_WIDTH, StatusBadge } from '../../../components/status-badge';
import type { Column, SortState } from '../../../components/virtual-table';
import { VirtualTable } from '../../../components/virtual-table';
import { NONE, formatDateTime, formatRelative } from '../../../lib/format';
import type { ListSort } from '../../../components/list-view';
import type { JobSortKey } from './jobs-filter';

type JobSort = ListSort<JobSortKey>;

/** "EntireOrganization" → "Entire organization": the vendor's enum in people's words. */
export function jobTypeLabel(type: string | null): string {
  if (!type) return '';
  const words = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function When({ iso }: { iso: string | null }) {
  if (!iso) return <CellText>{NONE}</CellText>;
  return (
    <CellStack>
      <CellText>{formatRelative(iso)}</CellText>
      <CellText sub>{formatDateTime(iso)}</CellText>
    </CellStack>
  );
}

/**
 * The Jobs list: only the rows in view are rendered, so 10,000 jobs scroll as smoothly as ten.
 * Memoised: typing in the search box re-renders it only once the filtered rows change.
 */
export const JobsTable = memo(function JobsTable({
  jobs,
  sort,
  onSortChange,
  actions,
}: {
  jobs: readonly BackupTarget[];
  sort: JobSort;
  onSortChange: (sort: JobSort) => void;
  /** The buttons of one row; the page decides what the person's role may do. */
  actions?: (job: BackupTarget) => ReactNode;
}) {
  const columns: Column<BackupTarget>[] = [
    {
      key: 'name',
      header: 'Job',
      stateless: true,
      sortable: true,
      cell: (job) => (
        <CellStack>
          <CellLink to={jobHref(job.connectionId, job.id)}>{job.name}</CellLink>
          <CellText sub>{job.organization?.name || NONE}</CellText>
        </CellStack>
      ),
    },
    {
      key: 'schedule',
      header: 'Schedule',
      stateless: true,
      width: 160,
      optional: true,
      cell: (job) => {
        const zone = scheduleZoneText(job.schedule, job.nextRunAt);
        return (
          <CellStack>
            <CellText>{job.schedule.description}</CellText>
            {zone && <CellText sub>{zone}</CellText>}
            <CellText sub>{jobTypeLabel(job.type)}</CellText>
          </CellStack>
        );
      },
    },
    {
      key: 'status',
      header: 'Last status',
      stateless: true,
      sortable: true,
      width: STATE_COLUMN_WIDTH,
      cell: (job) => (
        <CellStack>
          {job.lastRun?.state ? (
            <StatusBadge state={job.lastRun?.state} vendorState={job.lastRun?.vendorState} />
          ) : (
            <CellText>Never run</CellText>
          )}
          <CellText sub strong={!job.enabled}>
            {job.enabled ? 'Enabled' : 'Disabled'}
          </CellText>
        </CellStack>
      ),
    },
    {
      key: 'lastRun',
      header: 'Last run',
      stateless: true,
      sortable: true,
      width: 170,
      optional: true,
      cell: (job) => <When iso={job.lastRun?.at ?? null} />,
    },
    {
      key: 'nextRun',
      header: 'Next run',
      stateless: true,
      sortable: true,
      width: 170,
      optional: true,
      cell: (job) => <When iso={job.nextRunAt} />,
    },
  ];
  if (actions) columns.push({ key: 'actions', header: 'Actions', width: 262, optional: true, cell: actions });

  return (
    <VirtualTable
      label="Jobs"
      rows={jobs}
      columns={columns}
      rowKey={(job) => `${job.connectionId}/${job.id}`}
      rowProps={(job) => ({
        'data-status': job.lastRun?.state ?? 'none',
        'data-enabled': String(job.enabled),
      })}
      rowHeight={64}
      minWidth={1080}
      sort={sort}
      onSortChange={(s: SortState) => onSortChange({ key: s.key as JobSortKey, dir: s.dir })}
    />
  );
});
