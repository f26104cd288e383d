import type { BackupTarget, RunState } from '../../../api/domain';
import type { ListViewSpec } from '../../../components/list-view';
import { choiceFilter, enabledFilter, stateOptions } from '../../../components/list-view';
import { createListIndex } from '../../../lib/list-index';

export type ConfigurationSortKey = 'name' | 'machine' | 'lastRun' | 'nextRun' | 'state';

/** What the list shows as a configuration's state: running while a run is in flight, else its last. */
export function configurationState(c: BackupTarget): RunState | 'never' {
  return c.currentRunId ? 'running' : (c.lastRun?.state ?? 'never');
}

/** The Configurations list's view, kept in the URL so that it can be shared by link (the list frame's). */
export const CONFIGURATIONS_LIST: ListViewSpec<BackupTarget, ConfigurationSortKey> = {
  one: 'configuration',
  many: 'configurations',
  search: { label: 'Search configurations', placeholder: 'Name, machine or schedule' },
  index: createListIndex<BackupTarget, ConfigurationSortKey>({
    text: (c) => `${c.name}\n${c.machine?.name ?? ''}\n${c.schedule.description}`,
    sortValue: (c, key) => {
      switch (key) {
        case 'name':
          return c.name;
        case 'machine':
          return c.machine?.name ?? '';
        case 'lastRun':
          return c.lastRun?.at ? Date.parse(c.lastRun.at) : 0;
        case 'nextRun':
          return c.nextRunAt ? Date.parse(c.nextRunAt) : Number.MAX_SAFE_INTEGER;
        case 'state':
          return configurationState(c);
      }
    },
    tieBreak: (c) => `${c.name}\u0000${c.connectionId}\u0000${c.id}`,
  }),
  sortKeys: ['name', 'machine', 'lastRun', 'nextRun', 'state'],
  defaultSort: { key: 'name', dir: 'asc' },
  filters: [
    choiceFilter<BackupTarget>(
      'state',
      'Last run',
      'Any result',
      [...stateOptions(), { value: 'never', label: 'Never run' }],
      (c, value) => configurationState(c) === value,
    ),
    enabledFilter<BackupTarget>(),
  ],
};
