/* Tests only: the rows of a made-up list page, for the tests of the shared list pieces. */
import { createListIndex } from '../../lib/list-index';
import type { ListFilter, ListViewSpec } from '../list-view';

export interface Thing {
  connectionId: string;
  id: string;
  name: string;
  enabled: boolean;
}

/** A list of things: searched and sorted by name, filtered by `filters` besides the connection. */
export function thingsSpec(filters: readonly ListFilter<Thing>[] = []): ListViewSpec<Thing, 'name'> {
  return {
    one: 'thing',
    many: 'things',
    search: { label: 'Search things', placeholder: 'Name' },
    index: createListIndex<Thing, 'name'>({
      text: (t) => t.name,
      sortValue: (t) => t.name,
      tieBreak: (t) => t.id,
    }),
    sortKeys: ['name'],
    defaultSort: { key: 'name', dir: 'asc' },
    filters,
  };
}

export const thing = (connectionId: string, id: string, name: string, enabled = true): Thing => ({
  connectionId,
  id,
  name,
  enabled,
});
