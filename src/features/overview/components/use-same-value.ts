import { useState } from 'react';

/** The same keys holding the same values (one level deep). */
export function sameFields(a: object, b: object): boolean {
  const ka = Object.keys(a);
  return (
    ka.length === Object.keys(b).length &&
    ka.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k])
  );
}

/** Lists of the same length whose items hold the same values. */
export function sameItems<T extends object>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i] || sameFields(x, b[i]!));
}

/**
 * The previous value while `equal` says the new one holds the same, so that a memoised part of the
 * page does not render again when a poll answers with nothing new for it.
 */
export function useSameValue<T>(next: T, equal: (kept: T, next: T) => boolean): T {
  const [kept, setKept] = useState(next);
  const same = kept === next || equal(kept, next);
  if (!same) setKept(next);
  return same ? kept : next;
}
