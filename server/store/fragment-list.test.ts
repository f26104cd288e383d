import { describe, expect, it } from 'vitest';
import type { Revs } from './fragment-list';
import { FragmentList, wrapJson } from './fragment-list';

/** The kept list on its own: what it renders again, what it keeps, and what it lets go. */
type Row = { id: number; name: string };

function list(rows: Map<number, Row>, keep?: { answers: number; bytes: number }) {
  const rendered: number[] = [];
  const fragments = new FragmentList<Row>(
    {
      rows: (ids) => ids.map((id) => rows.get(id)).filter((r): r is Row => r !== undefined),
      keyOf: (r) => r.id,
      present: (r) => {
        rendered.push(r.id);
        return { id: r.id, name: r.name };
      },
    },
    keep,
  );
  return { fragments, rendered };
}

describe('FragmentList', () => {
  it('renders only rows whose rev moved, and equals JSON.stringify of the presented rows', () => {
    const rows = new Map([1, 2, 3].map((id) => [id, { id, name: `row ${id}` }]));
    const { fragments, rendered } = list(rows);
    const revs: Revs = [
      [1, 1],
      [2, 1],
      [3, 1],
    ];
    expect(fragments.array(revs).toString()).toBe(JSON.stringify([...rows.values()]));
    rows.set(2, { id: 2, name: 'changed "quotes" and ünïcode' });
    const after = fragments
      .array([
        [1, 1],
        [2, 2],
        [3, 1],
      ])
      .toString();
    expect(after).toBe(JSON.stringify([...rows.values()]));
    expect(rendered).toEqual([1, 2, 3, 2]);
    expect(fragments.array([]).toString()).toBe('[]');
    expect(wrapJson('{"a":', fragments.array([[3, 1]]), '}').toString()).toBe(
      '{"a":[{"id":3,"name":"row 3"}]}',
    );
  });

  it('keeps a whole answer while its version stands, and makes it again after', () => {
    const { fragments } = list(new Map());
    let made = 0;
    const make = () => {
      made++;
      return Buffer.from('[]');
    };
    fragments.answer('all', 1, make);
    fragments.answer('all', 1, make);
    expect(made).toBe(1);
    fragments.answer('all', 2, make);
    expect(made).toBe(2);
  });

  it('lets the oldest answers go past its count or its bytes', () => {
    const made: string[] = [];
    const answer = (f: FragmentList<Row>, key: string, size = 1) =>
      f.answer(key, 1, () => {
        made.push(key);
        return Buffer.alloc(size, 32);
      });
    const byCount = list(new Map(), { answers: 2, bytes: 1000 }).fragments;
    for (const key of ['a', 'b', 'c', 'c', 'b', 'a']) answer(byCount, key);
    expect(made).toEqual(['a', 'b', 'c', 'a']); // a went for c; b and c stayed
    made.length = 0;
    const byBytes = list(new Map(), { answers: 100, bytes: 10 }).fragments;
    for (const key of ['a', 'b', 'c', 'c', 'b', 'a']) answer(byBytes, key, 4);
    expect(made).toEqual(['a', 'b', 'c', 'a']); // 12 bytes > 10: a went for c
    made.length = 0;
    answer(byBytes, 'huge', 50);
    answer(byBytes, 'huge', 50);
    expect(made).toEqual(['huge']); // the newest stays even alone past the budget
  });
});
