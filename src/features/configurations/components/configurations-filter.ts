import { RUN_STATES } from '../../../api/domain';
import type { Configuration, RunState } from '../../../api/domain';

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

/** A configuration with what filtering and sorting read, computed once per answer, not per keystroke. */
export interface IndexedConfiguration {
  item: Configuration;
  text: string;
  state: RunState | 'never';
  lastAt: number;
  nextAt: number;
}

export function indexConfigurations(list: readonly Configuration[]): IndexedConfiguration[] {
  return list.map((item) => ({
    item,
    text: `${item.name}\n${item.machineName}\n${item.schedule.description}`.toLowerCase(),
    state: item.currentRunId ? 'running' : (item.lastRun?.state ?? 'never'),
    lastAt: item.lastRun?.at ? Date.parse(item.lastRun.at) : 0,
    nextAt: item.nextRunAt ? Date.parse(item.nextRunAt) : Number.MAX_SAFE_INTEGER,
  }));
}

const compare: Record<ConfigurationSortKey, (a: IndexedConfiguration, b: IndexedConfiguration) => number> = {
  name: (a, b) => a.item.name.localeCompare(b.item.name),
  machine: (a, b) => a.item.machineName.localeCompare(b.item.machineName),
  lastRun: (a, b) => a.lastAt - b.lastAt,
  nextRun: (a, b) => a.nextAt - b.nextAt,
  state: (a, b) => a.state.localeCompare(b.state),
};

/** One pass to filter, one sort; the cost grows with the rows, never with what is rendered. */
export function applyConfigurationFilters(
  rows: readonly IndexedConfiguration[],
  f: ConfigurationFilters,
): Configuration[] {
  const q = f.q.trim().toLowerCase();
  const kept = rows.filter(
    (r) =>
      (f.connection === 'all' || r.item.connectionId === f.connection) &&
      (f.enabled === 'all' || r.item.enabled === (f.enabled === 'enabled')) &&
      (f.state === 'all' || r.state === f.state) &&
      (q === '' || r.text.includes(q)),
  );
  const cmp = compare[f.sort.key];
  const sign = f.sort.dir === 'asc' ? 1 : -1;
  kept.sort((a, b) => sign * cmp(a, b) || a.item.name.localeCompare(b.item.name));
  return kept.map((r) => r.item);
}
