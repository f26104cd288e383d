// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { sameFields, sameItems, useSameValue } from './use-same-value';

describe('useSameValue', () => {
  test('keeps the previous list while its items hold the same values, and takes a changed one', () => {
    const first = [{ id: 'a', at: '1' }];
    const { result, rerender } = renderHook(({ list }) => useSameValue(list, sameItems), {
      initialProps: { list: first },
    });
    expect(result.current).toBe(first);
    rerender({ list: [{ id: 'a', at: '1' }] });
    expect(result.current).toBe(first);
    const changed = [{ id: 'a', at: '2' }];
    rerender({ list: changed });
    expect(result.current).toBe(changed);
  });

  test('compares one level deep, keys and values', () => {
    expect(sameFields({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameFields({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    const nested = { x: 1 };
    expect(sameFields({ n: nested }, { n: nested })).toBe(true);
    expect(sameFields({ n: { x: 1 } }, { n: { x: 1 } })).toBe(false);
    expect(sameItems([], [])).toBe(true);
    expect(sameItems([{ a: 1 }], [{ a: 1 }, { a: 1 }])).toBe(false);
  });
});
