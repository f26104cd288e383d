import '@mantine/core/styles/Anchor.css';
import '@mantine/core/styles/Badge.css';
import { Anchor, Badge, Stack, Text } from '@mantine/core';
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
      <Text size="xs" c="dimmed">
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
      width: '20%',
      cell: (job) => (
        <Anchor component={Link} to={jobHref(job.connectionId, job.id)} size="sm" fw={500}>
          {job.name}
        </Anchor>
      ),
    },
    {
      key: 'organization',
      header: 'Organization',
      sortable: true,
      cell: (job) => job.organizationName || NONE,
    },
    { key: 'type', header: 'Type', cell: (job) => jobTypeLabel(job.type) },
    { key: 'schedule', header: 'Schedule', cell: (job) => job.schedule.description },
    {
      key: 'enabled',
      header: 'Enabled',
      width: 100,
      cell: (job) => (
        <Badge variant="outline" color={job.enabled ? 'teal' : 'gray'}>
          {job.enabled ? 'Enabled' : 'Disabled'}
        </Badge>
      ),
    },
    {
      key: 'status',
      header: 'Last status',
      sortable: true,
      width: 120,
      cell: (job) =>
        job.lastStatus ? (
          <StatusBadge state={job.lastStatus} vendorState={job.lastVendorStatus} />
        ) : (
          'Never run'
        ),
    },
    { key: 'lastRun', header: 'Last run', sortable: true, cell: (job) => <When iso={job.lastRunAt} /> },
    { key: 'nextRun', header: 'Next run', sortable: true, cell: (job) => <When iso={job.nextRunAt} /> },
  ];
  if (actions) columns.push({ key: 'actions', header: 'Actions', width: 250, cell: actions });

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
      rowHeight={60}
      sort={sort}
      onSortChange={(s: SortState) => onSortChange({ key: s.key as JobSortKey, dir: s.dir })}
    />
  );
}
