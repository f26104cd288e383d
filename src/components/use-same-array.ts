import { useState } from 'react';

/**
 * The previous array while every element is the same object, so that a memo keyed on it re-runs only
 * when an element really changed (e.g. one of several query answers).
 */
export function useSameArray<T>(next: T[]): T[] {
  const [kept, setKept] = useState(next);
  const same = kept.length === next.length && kept.every((x, i) => x === next[i]);
  if (!same) setKept(next);
  return same ? kept : next;
}
