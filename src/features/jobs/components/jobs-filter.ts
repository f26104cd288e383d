import type { BackupTarget } from '../../../api/domain';
import type { ListViewSpec } from '../../../components/list-view';
import { choiceFilter, enabledFilter, stateOptions } from '../../../components/list-view';
import { createListIndex } from '../../../lib/list-index';

export type JobSortKey = 'name' | 'organization' | 'status' | 'lastRun' | 'nextRun';

/** The Jobs list's view, kept in the URL so that it can be shared by link (the list frame's). */
export const JOBS_LIST: ListViewSpec<BackupTarget, JobSortKey> = {
  one: 'job',
  many: 'jobs',
  search: { label: 'Search jobs', placeholder: 'Name or organization' },
  index: createListIndex<BackupTarget, JobSortKey>({
    text: (job) =>
      `${job.name}\u0000${job.organization?.name ?? ''}\u0000${job.type ?? ''}\u0000${job.description}`,
    sortValue: (job, key) => {
      switch (key) {
        case 'name':
          return job.name;
        case 'organization':
          return job.organization?.name ?? '';
        case 'status':
          return job.lastRun?.state ?? '';
        case 'lastRun':
          return job.lastRun?.at ? Date.parse(job.lastRun.at) : 0;
        case 'nextRun':
          // Jobs with no next run go last when ascending: "what runs next" first.
          return job.nextRunAt ? Date.parse(job.nextRunAt) : Number.MAX_SAFE_INTEGER;
      }
    },
    // Ties fall back to the name, then the id, so that the order is stable between polls.
    tieBreak: (job) => `${job.name}\u0000${job.id}`,
  }),
  sortKeys: ['name', 'organization', 'status', 'lastRun', 'nextRun'],
  defaultSort: { key: 'name', dir: 'asc' },
  filters: [
    choiceFilter<BackupTarget>(
      'status',
      'Last status',
      'Any last status',
      [
        ...stateOptions(['running', 'queued', 'succeeded', 'warning', 'failed', 'stopped']),
        { value: 'none', label: 'Never run' },
      ],
      (job, value) => (job.lastRun?.state ?? 'none') === value,
    ),
    enabledFilter<BackupTarget>(),
  ],
};
