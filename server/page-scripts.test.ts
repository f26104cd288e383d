// @vitest-environment jsdom
import { runInThisContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NEXT_PAGE_FILES_ID, PREFETCH_SCRIPT } from './page-scripts';

/** The inline scripts run as the browser runs them: their text, with the page's window as the global. */
const run = (script: string) => void runInThisContext(script);

describe('the sign-in page’s prefetch of the next page’s files', () => {
  const prefetched = () =>
    [...document.head.querySelectorAll('link[rel="prefetch"]')].map((l) => l.getAttribute('href'));

  beforeEach(() => {
    vi.useFakeTimers();
    document.head.innerHTML = '';
    document.body.innerHTML = `<script type="application/json" id="${NEXT_PAGE_FILES_ID}">["/assets/index-1.js","/assets/index-1.css","/assets/overview-1.js"]</script>`;
  });
  afterEach(() => vi.useRealTimers());

  it('starts a second after the page’s load, one file per task, each as a CORS prefetch', () => {
    run(PREFETCH_SCRIPT);
    vi.advanceTimersByTime(5000);
    expect(prefetched()).toEqual([]);
    window.dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(999);
    expect(prefetched()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(prefetched()).toEqual(['/assets/index-1.js']);
    vi.advanceTimersToNextTimer();
    expect(prefetched()).toEqual(['/assets/index-1.js', '/assets/index-1.css']);
    vi.advanceTimersToNextTimer();
    expect(prefetched()).toEqual(['/assets/index-1.js', '/assets/index-1.css', '/assets/overview-1.js']);
    expect(vi.getTimerCount()).toBe(1);
    vi.runAllTimers();
    expect(prefetched()).toHaveLength(3);
    for (const link of document.head.querySelectorAll('link')) expect(link.crossOrigin).toBe('anonymous');
  });

  it('does nothing, and throws nothing, when the list is missing or malformed', () => {
    for (const body of [
      '',
      `<script type="application/json" id="${NEXT_PAGE_FILES_ID}">[not json</script>`,
    ]) {
      document.body.innerHTML = body;
      run(PREFETCH_SCRIPT);
      window.dispatchEvent(new Event('load'));
      expect(() => vi.runAllTimers()).not.toThrow();
      expect(prefetched()).toEqual([]);
    }
  });
});
