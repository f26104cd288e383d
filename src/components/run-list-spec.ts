import type { Run, RunState } from '../api/domain';
import { runTimeOf } from '../api/run-parts';
import { createListIndex } from '../lib/list-index';
import type { FilterOption, ListViewSpec } from './list-view';
import { choiceFilter, stateOptions } from './list-view';

export type RunSortKey = 'name' | 'state' | 'time';

/**
 * The view of a list of runs (Restores, Restore sessions): searched in `text`, filtered by state,
 * sorted by name, state or — the default — newest first by when each last changed, the order of
 * every run list (Activity, the Overview). Ties keep the order the connections answered in.
 */
export function runListSpec<T extends Run>(o: {
  one: string;
  many: string;
  search: { label: string; placeholder: string };
  text: (row: T) => (string | null)[];
  name: (row: T) => string;
  /** The state as the row's badge and `data-status` say it. */
  status: (row: T) => string;
  /** Choices that stand for several states ("In flight", "Ended"), before the states themselves. */
  groups: readonly (FilterOption & { keep: (row: T) => boolean })[];
  states: readonly RunState[];
}): ListViewSpec<T, RunSortKey> {
  return {
    one: o.one,
    many: o.many,
    search: o.search,
    index: createListIndex<T, RunSortKey>({
      text: (r) => o.text(r).join('\n'),
      sortValue: (r, key) => (key === 'name' ? o.name(r) : key === 'state' ? o.status(r) : runTimeOf(r)),
      tieBreak: () => '',
    }),
    sortKeys: ['name', 'state', 'time'],
    defaultSort: { key: 'time', dir: 'desc' },
    filters: [
      choiceFilter<T>(
        'state',
        'State',
        'Any state',
        [...o.groups.map(({ value, label }) => ({ value, label })), ...stateOptions(o.states)],
        (r, value) => o.groups.find((g) => g.value === value)?.keep(r) ?? o.status(r) === value,
      ),
    ],
  };
}
