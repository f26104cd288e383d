import type { Locator, Page } from '@playwright/test';
import { percentile } from './browser';
import { armRowsPaint, measureKeystrokes, ROWS_IN } from './list';

export interface ExplorerFigures {
  /** Items loaded once the list was scrolled to its end. */
  rows: number;
  /** Click on the folder → the paint that shows its first rows: median and slowest of the clicks. */
  firstRowsMedianMs: number;
  firstRowsMaxMs: number;
  /** Clicks measured, each in a restore session of its own (nothing of the folder cached). */
  firstRowsSamples: number;
  /** Frame times while scrolling through the whole folder. */
  frameMedianMs: number;
  frameP95Ms: number;
  frames: number;
  /** Item pages the list asked for while scrolling (not all at once). */
  pagesFetched: number;
  searchMedianMs: number;
  searchP95Ms: number;
  searchSamples: number;
}

const TABLE = 'Items in Inbox';
const FOLDER = 'Inbox';
/** Cold clicks on the folder, each in a new restore session: one click alone is too noisy a figure. */
const CLICKS = 5;

/** Opens a new Exchange restore session and unfolds its first mailbox: resolves with the folder. */
async function openFolderOfNewSession(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/restore-sessions`);
  await page.getByRole('button', { name: 'Open a restore session' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a restore session' });
  await dialog.getByRole('radio', { name: 'Exchange' }).check();
  await dialog.getByRole('button', { name: 'Open restore session' }).click();
  const tree = page.getByRole('tree', { name: 'Places' });
  await tree.getByRole('treeitem').first().click();
  const inbox = tree.getByRole('treeitem', { name: FOLDER, exact: true });
  await inbox.waitFor();
  await page.waitForLoadState('networkidle');
  return inbox;
}

/**
 * One click on the folder, timed in the page from the pointer's press (the event's own time stamp, so
 * that a busy main thread counts) to the paint of the frame after the commit that shows its first rows.
 */
async function timeFirstRows(page: Page, inbox: Locator): Promise<number> {
  const painted = await armRowsPaint(page, {
    event: 'pointerdown',
    rowsExpr: ROWS_IN(TABLE),
    until: 'shown',
    timeoutMs: 30_000,
    failure: 'the folder showed no rows within 30 s of the click',
  });
  await inbox.click();
  return painted();
}

/**
 * Inside an Exchange restore session opened through the console: the time from the click on the
 * biggest folder (the first mailbox's Inbox, 1,000 × √SCALE items) to the paint of its first rows, over
 * several clicks, each in a new session; then, in the last one, scrolling to its end a screenful per
 * frame, with the frame times and how many item pages were fetched on the way; then a search keystroke
 * among the loaded items (input → paint of the new count).
 */
export async function measureExplorer(
  page: Page,
  baseUrl: string,
  minRows: number,
): Promise<ExplorerFigures> {
  const clicks: number[] = [];
  let pagesFetched = 0;
  for (let i = 0; i < CLICKS; i++) {
    const inbox = await openFolderOfNewSession(page, baseUrl);
    // The last session's folder is the one scrolled through below.
    if (i === CLICKS - 1) {
      page.on('request', (r) => {
        if (/\/items\?/i.test(r.url())) pagesFetched += 1;
      });
    }
    clicks.push(await timeFirstRows(page, inbox));
  }

  // Scroll a screenful per frame until every page is loaded, timing each frame.
  const frames = await page.evaluate(
    ([label, want]) =>
      new Promise<number[]>((resolve, reject) => {
        const box = document.querySelector<HTMLElement>(`[role="region"][aria-label^="${label}, "]`);
        if (!box) return reject(new Error(`no table "${label}"`));
        const times: number[] = [];
        let last = performance.now();
        const deadline = last + 120_000;
        const rows = () => Number(/, (\d+) rows$/.exec(box.getAttribute('aria-label') ?? '')?.[1] ?? 0);
        const step = (now: number) => {
          times.push(now - last);
          last = now;
          box.scrollTop += box.clientHeight;
          const atEnd = box.scrollTop + box.clientHeight >= box.scrollHeight - 2;
          if ((atEnd && rows() >= want) || now > deadline) return resolve(times);
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    [TABLE, minRows] as const,
  );
  const rows = await page.evaluate<number>(ROWS_IN(TABLE));
  const searches = await measureKeystrokes(page, 'Search', TABLE, 'q');
  return {
    rows,
    firstRowsMedianMs: percentile(clicks, 50),
    firstRowsMaxMs: Math.max(...clicks),
    firstRowsSamples: clicks.length,
    frameMedianMs: percentile(frames, 50),
    frameP95Ms: percentile(frames, 95),
    frames: frames.length,
    pagesFetched,
    searchMedianMs: percentile(searches, 50),
    searchP95Ms: percentile(searches, 95),
    searchSamples: searches.length,
  };
}
