import type { Page } from '@playwright/test';

/**
 * Holds the entry chunk back until the returned function lets it go: until then a page is the server's
 * HTML alone, as a slow phone shows it before the code has arrived.
 */
export async function holdEntryChunk(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
