// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { useLoadedOnInteraction } from './use-loaded-on-interaction';

/** Dispatches the event, then lets the load's promise settle inside act. */
const dispatch = (event: Event) =>
  act(async () => {
    window.dispatchEvent(event);
    await Promise.resolve();
  });
const press = () => dispatch(new Event('pointerdown'));

describe('useLoadedOnInteraction', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  test('loads nothing before the first press, then loads once', async () => {
    const load = vi.fn(() => Promise.resolve('code'));
    const hook = renderHook(() => useLoadedOnInteraction(load));
    expect(load).not.toHaveBeenCalled();
    expect(hook.result.current).toEqual({ value: null, failed: false });
    await press();
    expect(hook.result.current).toEqual({ value: 'code', failed: false });
    await press();
    expect(load).toHaveBeenCalledTimes(1);
  });

  test('a failed load is said, never thrown, and made again at the next press', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('Unable to preload CSS for /assets/x.css'))
      .mockResolvedValueOnce('code');
    const hook = renderHook(() => useLoadedOnInteraction(load));
    await press();
    expect(hook.result.current).toEqual({ value: null, failed: true });
    await dispatch(new KeyboardEvent('keydown', { key: 'a' }));
    expect(load).toHaveBeenCalledTimes(2);
    expect(hook.result.current).toEqual({ value: 'code', failed: false });
  });

  test('a press while a load is under way does not start another', async () => {
    let finish: (value: string) => void = () => undefined;
    const load = vi.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    const hook = renderHook(() => useLoadedOnInteraction(load));
    await press();
    await press();
    expect(load).toHaveBeenCalledTimes(1);
    await act(async () => {
      finish('code');
      await Promise.resolve();
    });
    expect(hook.result.current.value).toBe('code');
  });
});
