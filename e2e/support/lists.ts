import type { Locator, Page } from '@playwright/test';

/**
 * The scroll region of a list's table, labelled "<label>, N rows" (src/components/virtual-table.tsx).
 * N counts every row of the list; the table itself renders only the rows in view and a few more, so
 * counting its <tr> elements undercounts a long list.
 */
export function rowsRegion(page: Page, label: string): Locator {
  return page.locator(`[role="region"][aria-label^="${label}, "][aria-label$=" rows"]`);
}

/** The number of rows in a region from rowsRegion, read from its label in one go. */
export async function rowsIn(region: Locator): Promise<number> {
  const label = (await region.getAttribute('aria-label')) ?? '';
  const rows = /, (\d+) rows$/.exec(label)?.[1];
  if (rows === undefined) throw new Error(`"${label}" does not end with a number of rows`);
  return Number(rows);
}
