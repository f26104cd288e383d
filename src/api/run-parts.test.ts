import { describe, expect, test } from 'vitest';
import { namesOf } from './run-parts';

describe('namesOf', () => {
  test('maps ids to names, once per list: the same list gives the same map, a new one its own', () => {
    const list = [
      { id: '1', name: 'Files' },
      { id: '2', name: 'Mail' },
    ];
    const names = namesOf(list);
    expect(names.get('2')).toBe('Mail');
    // A poll of a run feed reads the cached directory again: no new map of every name.
    expect(namesOf(list)).toBe(names);
    const renamed = list.map((x) => (x.id === '2' ? { ...x, name: 'Exchange' } : x));
    expect(namesOf(renamed)).not.toBe(names);
    expect(namesOf(renamed).get('2')).toBe('Exchange');
    expect(names.get('2')).toBe('Mail');
  });
});
