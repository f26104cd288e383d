import { useContext, useMemo } from 'react';
import { UNSAFE_DataRouterContext, useLocation, useNavigation, useSearchParams } from 'react-router';
import type { Connection } from '../api/domain';
import { RUN_STATES } from '../api/domain';
import type { RunState } from '../api/domain';
import type { ListIndex } from '../lib/list-index';
import { filterIndexed } from '../lib/list-index';
import { runStateLabel } from './status-badge';
import { useSearchText } from './use-search-text';
import { useStableCallback } from './use-stable-callback';

export interface ListSort<K extends string = string> {
  key: K;
  dir: 'asc' | 'desc';
}

export interface FilterOption {
  value: string;
  label: string;
}

/** One filter of a list: a choice kept in the URL under `param`. */
export interface ListFilter<T> {
  param: string;
  label: string;
  /** The choices; the first is the default (everything), which the URL leaves out. */
  options: readonly FilterOption[];
  /** Whether a row passes the filter set to `value` (never asked for the default). */
  keep: (row: T, value: string) => boolean;
}

/**
 * What one list page searches, sorts and filters. Every list also filters by connection (the
 * `connection` parameter); the rest is the page's. Module-level constants: the page's memos key on them.
 */
export interface ListViewSpec<T, K extends string> {
  /** What one row is and what several are: "job", "jobs". */
  one: string;
  many: string;
  search: { label: string; placeholder: string };
  index: ListIndex<T, K>;
  sortKeys: readonly K[];
  defaultSort: ListSort<K>;
  filters: readonly ListFilter<T>[];
}

/** The view in the URL: search text, the value of each filter (by param), the sort. */
export interface ListParams<K extends string> {
  q: string;
  values: Record<string, string>;
  sort: ListSort<K>;
}

export const ALL = 'all';

/** The connection filter every list has: all, or one of the connections the page reads. */
export function connectionFilter<T extends { connectionId: string }>(
  connections: readonly Pick<Connection, 'id' | 'label'>[],
): ListFilter<T> {
  return {
    param: 'connection',
    label: 'Connection',
    options: [
      { value: ALL, label: 'All connections' },
      ...connections.map((c) => ({ value: c.id, label: c.label })),
    ],
    keep: (row, value) => row.connectionId === value,
  };
}

/** A filter of `choices` after the default, "everything", which reads `any`. */
export function choiceFilter<T>(
  param: string,
  label: string,
  any: string,
  choices: readonly FilterOption[],
  keep: ListFilter<T>['keep'],
): ListFilter<T> {
  return { param, label, options: [{ value: ALL, label: any }, ...choices], keep };
}

/** "Enabled": the one kind of enabled filter (Configurations and Jobs). */
export function enabledFilter<T extends { enabled: boolean }>(): ListFilter<T> {
  const choices = [
    { value: 'enabled', label: 'Enabled' },
    { value: 'disabled', label: 'Disabled' },
  ];
  return choiceFilter(
    'enabled',
    'Enabled',
    'Enabled or not',
    choices,
    (row, v) => row.enabled === (v === 'enabled'),
  );
}

/** The states a run list offers to filter by, in the order of a run's life, in people's words. */
export function stateOptions(states: readonly RunState[] = RUN_STATES): FilterOption[] {
  return states.map((s) => ({ value: s, label: runStateLabel(s) }));
}

/** The filters of a page: the connection's first, then the page's own. */
export function filtersOf<T extends { connectionId: string }, K extends string>(
  spec: ListViewSpec<T, K>,
  connections: readonly Pick<Connection, 'id' | 'label'>[],
): ListFilter<T>[] {
  return [connectionFilter<T>(connections), ...spec.filters];
}

/** Reads the view from the URL; anything it does not know reads as the default. */
export function readListParams<T, K extends string>(
  spec: Pick<ListViewSpec<T, K>, 'sortKeys' | 'defaultSort'>,
  filters: readonly ListFilter<T>[],
  params: URLSearchParams,
): ListParams<K> {
  const values: Record<string, string> = {};
  for (const f of filters) {
    const raw = params.get(f.param);
    values[f.param] = f.options.some((o) => o.value === raw) ? (raw as string) : (f.options[0]?.value ?? ALL);
  }
  const [key = '', dir] = (params.get('sort') ?? '').split(':');
  const sort = spec.sortKeys.includes(key as K)
    ? { key: key as K, dir: dir === 'desc' ? ('desc' as const) : ('asc' as const) }
    : spec.defaultSort;
  return { q: params.get('q') ?? '', values, sort };
}

/** One change into the params; defaults are left out so that links stay short. */
export function writeListParams<T, K extends string>(
  spec: Pick<ListViewSpec<T, K>, 'defaultSort'>,
  filters: readonly ListFilter<T>[],
  params: URLSearchParams,
  change: Partial<Omit<ListParams<K>, 'values'>> & { values?: Record<string, string> },
): URLSearchParams {
  const next = new URLSearchParams(params);
  const put = (name: string, value: string, fallback: string) =>
    value === fallback ? next.delete(name) : next.set(name, value);
  if (change.q !== undefined) put('q', change.q, '');
  for (const [param, value] of Object.entries(change.values ?? {})) {
    const filter = filters.find((f) => f.param === param);
    if (filter) put(param, value, filter.options[0]?.value ?? ALL);
  }
  if (change.sort !== undefined) {
    const { key, dir } = spec.defaultSort;
    put('sort', `${change.sort.key}:${change.sort.dir}`, `${key}:${dir}`);
  }
  return next;
}

/** A row test for the filters not at their default, or null when none is set. */
export function rowFilter<T>(
  filters: readonly ListFilter<T>[],
  values: readonly string[],
): ((row: T) => boolean) | null {
  const active = filters.flatMap((f, i) => {
    const value = values[i] ?? ALL;
    return value === (f.options[0]?.value ?? ALL) ? [] : [{ f, value }];
  });
  if (active.length === 0) return null;
  return (row) => active.every(({ f, value }) => f.keep(row, value));
}

export interface ListView<T, K extends string> {
  spec: ListViewSpec<T, K>;
  filters: readonly ListFilter<T>[];
  /** The value of each of `filters`, in order. */
  values: readonly string[];
  /** The search box's text: it filters at once and reaches the URL when typing pauses. */
  search: string;
  setSearch: (text: string) => void;
  /** Sets one filter (by its param) in the URL. */
  setFilter: (param: string, value: string) => void;
  sort: ListSort<K>;
  /** Stable: the memoised tables do not re-render while only the search box changes. */
  onSort: (sort: ListSort<K>) => void;
  /** The rows that pass, in the order of the sort. */
  shown: T[];
  total: number;
}

/** Whether the router is at, or on its way to, another page than the list's. */
function movedOn(
  state: { location: { pathname: string }; navigation: { location?: { pathname: string } } },
  pathname: string,
): boolean {
  const { location, navigation } = state;
  return (
    location.pathname !== pathname ||
    (navigation.location !== undefined && navigation.location.pathname !== pathname)
  );
}

/**
 * A list's view of its rows, kept in the URL (so that a link opens the same view): search, the
 * connection and the page's filters, the sort. The rows are sorted when they or the sort change; a
 * keystroke only filters rows already in order, in the same render as the box (no deferred render:
 * it put the table a frame behind, `npm run bench`).
 */
export function useListView<T extends { connectionId: string }, K extends string>(
  spec: ListViewSpec<T, K>,
  rows: readonly T[],
  connections: readonly Pick<Connection, 'id' | 'label'>[],
): ListView<T, K> {
  const [params, setParams] = useSearchParams();
  // Keyed on the connections' ids and labels, so that a new array of the same connections changes nothing.
  const connectionKey = connections.map((c) => `${c.id}\u0001${c.label}`).join('\u0002');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- connectionKey stands for the connections
  const filters = useMemo(() => filtersOf(spec, connections), [spec, connectionKey]);
  const view = readListParams(spec, filters, params);
  // Primitive keys: the memos below re-run when a value changes, not when the URL is rewritten.
  const valueKey = filters.map((f) => view.values[f.param]).join('\u0001');
  const values = useMemo(() => valueKey.split('\u0001'), [valueKey]);
  const { key, dir } = view.sort;
  const sort = useMemo(() => ({ key, dir }), [key, dir]);
  const sorted = useMemo(() => spec.index.sort(rows, key, dir), [spec, rows, key, dir]);
  const keep = useMemo(() => rowFilter(filters, values), [filters, values]);
  // A link followed from the list wins: the search text reaching the URL then would be a navigation of
  // its own, relative to this list, and would cancel the one under way or undo the one just made. The
  // router's own state is asked when the timer fires: what this page last rendered may lag it by a
  // transition (the next page rendering on a busy machine), and the link would be lost (e2e: jobs).
  const location = useLocation();
  const rendered = { location, navigation: useNavigation() };
  const router = useContext(UNSAFE_DataRouterContext)?.router;
  const [search, setSearch] = useSearchText(view.q, (q) => {
    if (movedOn(router?.state ?? rendered, location.pathname)) return;
    setParams((old) => writeListParams(spec, filters, old, { q }), { replace: true });
  });
  const shown = useMemo(() => filterIndexed(sorted, search, keep ?? undefined), [sorted, search, keep]);
  const write = (change: Parameters<typeof writeListParams<T, K>>[3]) =>
    setParams((old) => writeListParams(spec, filters, old, change), { replace: true });
  const setFilter = useStableCallback((param: string, value: string) =>
    write({ values: { [param]: value } }),
  );
  const onSort = useStableCallback((next: ListSort<K>) => write({ sort: next }));
  return { spec, filters, values, search, setSearch, setFilter, sort, onSort, shown, total: rows.length };
}
