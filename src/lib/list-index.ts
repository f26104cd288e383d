/**
 * Sorting and filtering for lists of 10,000 rows, cheap enough for a keystroke:
 * - what a row is searched and sorted by is read once per row object and kept in a WeakMap, so a poll
 *   whose answer keeps most rows (TanStack Query's structural sharing) re-reads only the changed ones;
 * - text sorts on a collation key made once per row (lower case, accents off, numbers padded so that
 *   "Job 9" < "Job 10"), compared with `<` rather than `Intl.Collator` on every comparison;
 * - the list is sorted when the rows or the sort change, never on a keystroke: a keystroke is one
 *   pass of `includes` over rows already in order;
 * - a poll whose answer moves no row (a run's state changes, the list is sorted by name) keeps the last
 *   order instead of sorting again: one pass that compares each changed row's keys with the row it
 *   replaces. A run feed answers every 1.25 s while a backup runs, and each sort of 10,000 rows was a
 *   hitch in the search box that happened to be typed in then (`npm run bench`).
 */

export type SortKeyValue = string | number;

export interface ListSpec<T, K extends string> {
  /** The text a search looks in (lowered here). */
  text: (row: T) => string;
  /** The value a sort key orders by: a string (collated) or a number. */
  sortValue: (row: T, key: K) => SortKeyValue;
  /** The tie-breaker, so that the order is stable between polls (e.g. the name, then the id). */
  tieBreak: (row: T) => string;
}

export interface Indexed<T> {
  row: T;
  /** Lowered search text. */
  text: string;
  tie: string;
}

/** "Job 10 Émile" → "job 0000000010 emile": a key whose `<` order is a human one. */
export function collationKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\d+/g, (d) => d.padStart(12, '0'));
}

/** A list's rows in the order of a sort key, with what filtering reads. */
export interface ListIndex<T, K extends string> {
  sort(rows: readonly T[], key: K, dir: 'asc' | 'desc'): Indexed<T>[];
}

/** One list spec's memo of what it read of each row. */
export function createListIndex<T extends object, K extends string>(spec: ListSpec<T, K>): ListIndex<T, K> {
  const entries = new WeakMap<T, Indexed<T>>();
  const sortKeys = new WeakMap<T, Map<K, SortKeyValue>>();

  const entry = (row: T): Indexed<T> => {
    let e = entries.get(row);
    if (!e) {
      e = { row, text: spec.text(row).toLowerCase(), tie: collationKey(spec.tieBreak(row)) };
      entries.set(row, e);
    }
    return e;
  };
  const sortKey = (row: T, key: K): SortKeyValue => {
    let keys = sortKeys.get(row);
    if (!keys) {
      keys = new Map();
      sortKeys.set(row, keys);
    }
    let v = keys.get(key);
    if (v === undefined) {
      const raw = spec.sortValue(row, key);
      v = typeof raw === 'string' ? collationKey(raw) : raw;
      keys.set(key, v);
    }
    return v;
  };

  /** The last sort: its rows, key, direction, and the index in `rows` of each row in order. */
  let last: { rows: readonly T[]; key: K; dir: 'asc' | 'desc'; order: Uint32Array } | null = null;

  /** Whether `rows` sort exactly as `before` did: each row is the same or has the same keys. */
  const sameOrder = (rows: readonly T[], before: readonly T[], key: K): boolean => {
    if (rows.length !== before.length) return false;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const was = before[i]!;
      if (row === was) continue;
      const a = sortKey(row, key);
      const b = sortKey(was, key);
      // NaN never equals itself: such a row is sorted again, as any other change.
      if (a !== b || entry(row).tie !== entry(was).tie) return false;
    }
    return true;
  };

  return {
    /** The rows in the order of `key` and `dir`, with what filtering reads. */
    sort(rows: readonly T[], key: K, dir: 'asc' | 'desc'): Indexed<T>[] {
      if (last && last.key === key && last.dir === dir && sameOrder(rows, last.rows, key)) {
        // The sort is stable, so rows with the same keys in the same places land where they did.
        const order = last.order;
        last = { rows, key, dir, order };
        return Array.from(order, (i) => entry(rows[i]!));
      }
      const sign = dir === 'asc' ? 1 : -1;
      const decorated = rows.map((row, i) => ({ e: entry(row), k: sortKey(row, key), i }));
      decorated.sort((a, b) => {
        const primary = a.k < b.k ? -1 : a.k > b.k ? 1 : 0;
        if (primary !== 0) return primary * sign;
        return a.e.tie < b.e.tie ? -1 : a.e.tie > b.e.tie ? 1 : 0;
      });
      last = { rows, key, dir, order: Uint32Array.from(decorated, (d) => d.i) };
      return decorated.map((d) => d.e);
    },
  };
}

/** The rows (in their order) whose text holds `q` and that `keep` accepts: one pass. */
export function filterIndexed<T>(
  sorted: readonly Indexed<T>[],
  q: string,
  keep: (row: T) => boolean = () => true,
): T[] {
  const needle = q.trim().toLowerCase();
  const out: T[] = [];
  for (const e of sorted) {
    if (needle && !e.text.includes(needle)) continue;
    if (!keep(e.row)) continue;
    out.push(e.row);
  }
  return out;
}
