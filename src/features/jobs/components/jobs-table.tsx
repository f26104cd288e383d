import '@mantine/core/styles/Anchor.css';
import { Anchor, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Job } from '../../../api/domain';
import { jobHref } from '../../../components/run-links';
import { StatusBadge } from '../../../components/status-badge';
import type { Column, SortState } from '../../../components/virtual-table';
import { VirtualTable } from '../../../components/virtual-table';
import { NONE, formatDateTime, formatRelative } from '../../../lib/format';
import type { JobSort, JobSortKey } from './jobs-filter';

/** "EntireOrganization" → "Entire organization": the vendor's enum in people's words. */
export function jobTypeLabel(type: string): string {
  const words = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function When({ iso }: { iso: string | null }) {
  if (!iso) return <Text size="sm">{NONE}</Text>;
  return (
    <Stack gap={0}>
      <Text size="sm">{formatRelative(iso)}</Text>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(iso)}
      </Text>
    </Stack>
  );
}

/** The Jobs list: only the rows in view are rendered, so 10,000 jobs scroll as smoothly as ten. */
export function JobsTable({
  jobs,
  sort,
  onSortChange,
  actions,
}: {
  jobs: readonly Job[];
  sort: JobSort;
  onSortChange: (sort: JobSort) => void;
  /** The buttons of one row; the page decides what the person's role may do. */
  actions?: (job: Job) => ReactNode;
}) {
  const columns: Column<Job>[] = [
    {
      key: 'name',
      header: 'Job',
      sortable: true,
      cell: (job) => (
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={jobHref(job.connectionId, job.id)} size="sm" fw={500} truncate>
            {job.name}
          </Anchor>
          <Text size="xs" c="dimmed" truncate title={job.organizationName}>
            {job.organizationName || NONE}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'schedule',
      header: 'Schedule',
      width: 140,
      cell: (job) => (
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="sm" truncate title={job.schedule.description}>
            {job.schedule.description}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {jobTypeLabel(job.type)}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'status',
      header: 'Last status',
      sortable: true,
      width: 130,
      cell: (job) => (
        <Stack gap={2} align="flex-start">
          {job.lastStatus ? (
            <StatusBadge state={job.lastStatus} vendorState={job.lastVendorStatus} />
          ) : (
            <Text size="sm">Never run</Text>
          )}
          <Text size="xs" c={job.enabled ? 'dimmed' : undefined} fw={job.enabled ? undefined : 600}>
            {job.enabled ? 'Enabled' : 'Disabled'}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'lastRun',
      header: 'Last run',
      sortable: true,
      width: 170,
      cell: (job) => <When iso={job.lastRunAt} />,
    },
    {
      key: 'nextRun',
      header: 'Next run',
      sortable: true,
      width: 170,
      cell: (job) => <When iso={job.nextRunAt} />,
    },
  ];
  if (actions) columns.push({ key: 'actions', header: 'Actions', width: 262, cell: actions });

  return (
    <VirtualTable
      label="Jobs"
      rows={jobs}
      columns={columns}
      rowKey={(job) => `${job.connectionId}/${job.id}`}
      rowProps={(job) => ({
        'data-status': job.lastStatus ?? 'none',
        'data-enabled': String(job.enabled),
      })}
      rowHeight={64}
      minWidth={1080}
      sort={sort}
      onSortChange={(s: SortState) => onSortChange({ key: s.key as JobSortKey, dir: s.dir })}
    />
  );
}
