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
});
