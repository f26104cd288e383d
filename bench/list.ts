import type { Page } from '@playwright/test';
import { percentile } from './browser';

export interface ListFigures {
  rows: number;
  renderMs: number;
  filterMedianMs: number;
  filterP95Ms: number;
  filterSamples: number;
}

/** Keystrokes measured: a character typed and deleted in turn. */
const KEYSTROKES = 40;

/** Reads "<label>, N rows" from the virtual table's region. */
export const ROWS_IN = (label: string) => `(() => {
  const el = document.querySelector('[role="region"][aria-label^="${label}, "]');
  const m = el && /, (\\d+) rows$/.exec(el.getAttribute('aria-label') || '');
  return m ? Number(m[1]) : -1;
})()`;

/**
 * Time to render a big list: from the click on its navigation link to the first paint that shows the
 * table with all its rows counted (data fetched over HTTP, parsed, mapped and rendered). Then the cost
 * of a filter keystroke: from the input event to the paint that shows the new row count (the commit
 * seen by a MutationObserver, then the next frame), typing a character and deleting it in turn.
 */
export async function measureList(
  page: Page,
  opts: {
    baseUrl: string;
    path: string;
    navName: string;
    tableLabel: string;
    searchLabel: string;
    minRows: number;
    probe: string;
  },
): Promise<ListFigures> {
  await page.goto(`${opts.baseUrl}/`);
  await page.waitForLoadState('networkidle');
  const start = Date.now();
  await page.getByRole('link', { name: opts.navName, exact: true }).first().click();
  await page.waitForFunction(`${ROWS_IN(opts.tableLabel)} >= ${opts.minRows}`, undefined, {
    timeout: 60_000,
    polling: 'raf',
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const renderMs = Date.now() - start;
  const rows = await page.evaluate<number>(ROWS_IN(opts.tableLabel));

  const samples = await measureKeystrokes(page, opts.searchLabel, opts.tableLabel, opts.probe);
  return {
    rows,
    renderMs,
    filterMedianMs: percentile(samples, 50),
    filterP95Ms: percentile(samples, 95),
    filterSamples: samples.length,
  };
}

/**
 * A filter keystroke: from the input event to the paint that shows the new row count of the table
 * `tableLabel` (the commit seen by a MutationObserver, then the next frame), `probe` typed and
 * deleted in turn. Returns one figure (ms) per keystroke.
 */
export async function measureKeystrokes(
  page: Page,
  searchLabel: string,
  tableLabel: string,
  probe: string,
): Promise<number[]> {
  const input = page.getByLabel(searchLabel);
  await input.focus();
  const samples: number[] = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const next = i % 2 === 0 ? probe : '';
    const ms = await page.evaluate(
      ([label, value, rowsExpr]) =>
        new Promise<number>((resolve, reject) => {
          const el = document.activeElement as HTMLInputElement;
          const rows = () => (0, eval)(rowsExpr) as number;
          const before = rows();
          // The commit that changes the row count, seen as it happens; then the paint of the next
          // frame (a rAF runs just before it, a task queued from there runs just after it).
          const observer = new MutationObserver(() => {
            if (rows() === before) return;
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
          });
          observer.observe(document.body, {
            subtree: true,
            childList: true,
            attributes: true,
            attributeFilter: ['aria-label'],
          });
          const descriptor = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
          const t0 = performance.now();
          // React tracks the value it set; the native setter makes the input event count as typing.
          descriptor.set!.call(el, value);
          el.dispatchEvent(new Event('input', { bubbles: true }));
          setTimeout(() => {
            observer.disconnect();
            reject(new Error(`filtering "${label}" by "${value}" changed nothing within 5 s`));
          }, 5000);
        }),
      [tableLabel, next, ROWS_IN(tableLabel)] as const,
    );
    samples.push(ms);
    // Let the list settle (and the machine breathe) between keystrokes, as a person types.
    await page.waitForTimeout(100);
  }
  return samples;
}
