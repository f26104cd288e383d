// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { SEARCH_URL_DELAY_MS, useSearchText } from './use-search-text';

/** A stand-in URL: the hook's `write` puts the text into it, as setSearchParams would. */
function setup(initial: string) {
  const url = { q: initial };
  const write = vi.fn((q: string) => {
    url.q = q;
  });
  const hook = renderHook(({ q }) => useSearchText(q, write), { initialProps: { q: url.q } });
  const rerender = () => hook.rerender({ q: url.q });
  return { url, write, hook, rerender };
}

describe('useSearchText', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  test('the text changes at once; the URL once typing pauses, with the last text only', () => {
    const { hook, write, rerender, url } = setup('');
    act(() => hook.result.current[1]('m'));
    act(() => hook.result.current[1]('ma'));
    expect(hook.result.current[0]).toBe('ma');
    act(() => {
      vi.advanceTimersByTime(SEARCH_URL_DELAY_MS - 1);
    });
    expect(write).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(write).toHaveBeenCalledTimes(1);
    expect(url.q).toBe('ma');
    rerender();
    expect(hook.result.current[0]).toBe('ma');
  });

  test('the URL catching up with older typing does not undo newer typing', () => {
    const { hook, rerender, url } = setup('');
    act(() => hook.result.current[1]('mail'));
    act(() => {
      vi.advanceTimersByTime(SEARCH_URL_DELAY_MS);
    });
    act(() => hook.result.current[1]('mailb'));
    rerender(); // the URL now says "mail"
    expect(url.q).toBe('mail');
    expect(hook.result.current[0]).toBe('mailb');
    act(() => {
      vi.advanceTimersByTime(SEARCH_URL_DELAY_MS);
    });
    expect(url.q).toBe('mailb');
  });

  test('a URL changed from elsewhere (back, a shared link) replaces the text', () => {
    const { hook } = setup('old');
    hook.rerender({ q: 'from a link' });
    expect(hook.result.current[0]).toBe('from a link');
  });

  test('typing back to what the URL says writes nothing', () => {
    const { hook, write } = setup('web');
    act(() => hook.result.current[1]('we'));
    act(() => hook.result.current[1]('web'));
    act(() => {
      vi.advanceTimersByTime(SEARCH_URL_DELAY_MS * 2);
    });
    expect(write).not.toHaveBeenCalled();
  });
});
