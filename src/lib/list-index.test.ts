import { describe, expect, test } from 'vitest';
import { collationKey, createListIndex, filterIndexed } from './list-index';

interface Row {
  id: string;
  name: string;
  size: number;
}

const index = () =>
  createListIndex<Row, 'name' | 'size'>({
    text: (r) => r.name,
    sortValue: (r, key) => (key === 'name' ? r.name : r.size),
    tieBreak: (r) => r.id,
  });

describe('list index', () => {
  test('collation keys order numbers as numbers and ignore case and accents', () => {
    const names = ['Job 10', 'job 9', 'Zoë', 'zoe 2', 'Ábel'];
    expect([...names].sort((a, b) => (collationKey(a) < collationKey(b) ? -1 : 1))).toEqual([
      'Ábel',
      'job 9',
      'Job 10',
      'Zoë',
      'zoe 2',
    ]);
  });

  test('sorts by strings or numbers both ways; ties keep the tie-breaker order both ways', () => {
    const rows: Row[] = [
      { id: 'b', name: 'Same', size: 2 },
      { id: 'a', name: 'Same', size: 10 },
      { id: 'c', name: 'Other', size: 1 },
    ];
    const i = index();
    expect(i.sort(rows, 'name', 'asc').map((e) => e.row.id)).toEqual(['c', 'a', 'b']);
    expect(i.sort(rows, 'name', 'desc').map((e) => e.row.id)).toEqual(['a', 'b', 'c']);
    expect(i.sort(rows, 'size', 'desc').map((e) => e.row.id)).toEqual(['a', 'b', 'c']);
  });

  test('filtering keeps the sorted order and reads the lowered text once', () => {
    const rows: Row[] = Array.from({ length: 1000 }, (_, n) => ({
      id: String(n),
      name: `Host ${n}`,
      size: n,
    }));
    const i = index();
    const sorted = i.sort(rows, 'size', 'desc');
    const hits = filterIndexed(sorted, ' HOST 99', (r) => r.size % 2 === 1);
    expect(hits.map((r) => r.id)).toEqual(['999', '997', '995', '993', '991', '99']);
    expect(filterIndexed(sorted, '')).toHaveLength(1000);
    expect(i.sort(rows, 'name', 'asc')[0]).toBe(sorted.find((e) => e.row.id === '0'));
  });

  test('a poll that moves no row keeps the order, with the new rows; one that moves a row sorts again', () => {
    const rows: Row[] = Array.from({ length: 50 }, (_, n) => ({
      id: String(n),
      name: `Host ${n % 7}`,
      size: n % 5,
    }));
    const i = index();
    i.sort(rows, 'name', 'asc');
    // A run changed: the row is a new object with the same name and id.
    const polled = rows.map((r) => (r.id === '12' ? { ...r, size: 99 } : r));
    const kept = i.sort(polled, 'name', 'asc');
    expect(kept.map((e) => e.row)).toEqual(
      index()
        .sort(polled, 'name', 'asc')
        .map((e) => e.row),
    );
    expect(kept.find((e) => e.row.id === '12')?.row).toBe(polled[12]);
    // Renamed: it moves.
    const renamed = polled.map((r) => (r.id === '3' ? { ...r, name: 'Aardvark' } : r));
    expect(i.sort(renamed, 'name', 'asc')[0]?.row.id).toBe('3');
    // Sorted by size, the size change moves the row to the end.
    expect(i.sort(polled, 'size', 'asc').at(-1)?.row.id).toBe('12');
  });

  test('whatever a run of polls changes, the order is the one a fresh sort gives', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let rows: Row[] = Array.from({ length: 200 }, (_, n) => ({
      id: String(n),
      name: `Job ${random(20)}`,
      size: random(10),
    }));
    const i = index();
    for (let poll = 0; poll < 60; poll++) {
      const key = poll % 10 < 7 ? 'name' : 'size';
      const dir = poll % 3 === 0 ? 'desc' : 'asc';
      // A few rows change: some keep their keys (a new object alike), some take new ones.
      rows = rows.map((r) => {
        const roll = random(40);
        if (roll === 0) return { ...r, name: `Job ${random(20)}` };
        if (roll === 1) return { ...r, size: random(10) };
        if (roll < 5) return { ...r };
        return r;
      });
      if (poll % 13 === 0) rows = rows.slice(1);
      const fresh = index().sort(rows, key, dir);
      expect(i.sort(rows, key, dir).map((e) => e.row)).toEqual(fresh.map((e) => e.row));
    }
  });
});
