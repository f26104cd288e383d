import { RUN_STATES } from '../../../api/domain';
import type { Configuration, RunState } from '../../../api/domain';
import type { Indexed } from '../../../lib/list-index';
import { createListIndex, filterIndexed } from '../../../lib/list-index';

/** The Configurations list's view, kept in the URL's search params so that it can be shared by link. */
export interface ConfigurationFilters {
  q: string;
  connection: string;
  enabled: 'all' | 'enabled' | 'disabled';
  state: RunState | 'never' | 'all';
  sort: { key: ConfigurationSortKey; dir: 'asc' | 'desc' };
}

export type ConfigurationSortKey = 'name' | 'machine' | 'lastRun' | 'nextRun' | 'state';
const SORT_KEYS: readonly string[] = ['name', 'machine', 'lastRun', 'nextRun', 'state'];
const STATES: readonly string[] = [...RUN_STATES, 'never'];
const DEFAULTS = { q: '', connection: 'all', enabled: 'all', state: 'all', sort: 'name:asc' };

export function readConfigurationFilters(params: URLSearchParams): ConfigurationFilters {
  const enabled = params.get('enabled');
  const state = params.get('state') ?? 'all';
  const [key = '', dir] = (params.get('sort') ?? DEFAULTS.sort).split(':');
  return {
    q: params.get('q') ?? '',
    connection: params.get('connection') ?? 'all',
    enabled: enabled === 'enabled' || enabled === 'disabled' ? enabled : 'all',
    state: STATES.includes(state) ? (state as ConfigurationFilters['state']) : 'all',
    sort: {
      key: SORT_KEYS.includes(key) ? (key as ConfigurationSortKey) : 'name',
      dir: dir === 'desc' ? 'desc' : 'asc',
    },
  };
}

/** One change into the params; defaults are left out so that links stay short. */
export function writeConfigurationFilters(
  params: URLSearchParams,
  change: Partial<ConfigurationFilters>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const put = (name: keyof typeof DEFAULTS, value: string) =>
    value === DEFAULTS[name] ? next.delete(name) : next.set(name, value);
  if (change.q !== undefined) put('q', change.q);
  if (change.connection !== undefined) put('connection', change.connection);
  if (change.enabled !== undefined) put('enabled', change.enabled);
  if (change.state !== undefined) put('state', change.state);
  if (change.sort !== undefined) put('sort', `${change.sort.key}:${change.sort.dir}`);
  return next;
}

/** What the list shows as a configuration's state: running while a run is in flight, else its last. */
export function configurationState(c: Configuration): RunState | 'never' {
  return c.currentRunId ? 'running' : (c.lastRun?.state ?? 'never');
}

const configurationIndex = createListIndex<Configuration, ConfigurationSortKey>({
  text: (c) => `${c.name}\n${c.machineName}\n${c.schedule.description}`,
  sortValue: (c, key) => {
    switch (key) {
      case 'name':
        return c.name;
      case 'machine':
        return c.machineName;
      case 'lastRun':
        return c.lastRun?.at ? Date.parse(c.lastRun.at) : 0;
      case 'nextRun':
        return c.nextRunAt ? Date.parse(c.nextRunAt) : Number.MAX_SAFE_INTEGER;
      case 'state':
        return configurationState(c);
    }
  },
  tieBreak: (c) => `${c.name}\u0000${c.connectionId}\u0000${c.id}`,
});

/** In the order of the sort: done when the rows or the sort change, never on a keystroke. */
export function sortConfigurations(
  rows: readonly Configuration[],
  sort: ConfigurationFilters['sort'],
): Indexed<Configuration>[] {
  return configurationIndex.sort(rows, sort.key, sort.dir);
}

/** One pass over the sorted rows: search, connection, enabled and state. */
export function filterConfigurations(
  sorted: readonly Indexed<Configuration>[],
  f: Omit<ConfigurationFilters, 'sort'>,
): Configuration[] {
  return filterIndexed(
    sorted,
    f.q,
    (c) =>
      (f.connection === 'all' || c.connectionId === f.connection) &&
      (f.enabled === 'all' || c.enabled === (f.enabled === 'enabled')) &&
      (f.state === 'all' || configurationState(c) === f.state),
  );
}
