import { expect, test } from './fixtures';
import { RestoreSessionsPage } from './pages/restore-sessions-page';
import { RestoresPage } from './pages/restores-page';

// Restores and Restore sessions search and filter like the other lists, in the URL (issue 10 §14),
// through the one list frame (issue 12 item 5).
test.describe('run lists as a viewer', () => {
  test.use({ role: 'viewer' });

  test('Restores: connection, state, search and sort live in the URL and survive a reload', async ({
    page,
  }) => {
    const restores = new RestoresPage(page);
    await restores.goto();
    const count = page
      .getByRole('main')
      .getByRole('status')
      .filter({ hasText: / restores$/ });
    await expect(count).toHaveText(/^\d+ restores$/);

    await page.getByLabel('Connection', { exact: true }).selectOption('rackspace-dfw');
    await expect(page).toHaveURL(/[?&]connection=rackspace-dfw/);
    // Some of all the restores (the total is read from the same line: the second connection's
    // answer may come in after the page first showed the first's).
    await expect(async () => {
      const text = (await count.textContent()) ?? '';
      expect(text).toMatch(/^\d+ of \d+ restores$/);
      const [shown, total] = text.match(/\d+/g)!.map(Number);
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThan(total!);
    }).toPass({ timeout: 10_000 });
    for (const text of await restores.rows().allTextContents())
      expect(text).toContain('Rackspace DFW (v1.0)');

    await page.getByLabel('State', { exact: true }).selectOption({ label: 'Not started' });
    await expect(page).toHaveURL(/[?&]state=not-started/);
    await expect(restores.rows().first()).toBeVisible();
    // Waited for, not read once: the router renders the filtered rows a moment after the URL changes.
    await expect(
      restores.table().locator('tbody tr[data-status]:not([data-status="not-started"])'),
    ).toHaveCount(0);

    // One restore by its number, as its row shows it.
    const sub = (await restores.rows().first().locator('td').first().textContent()) ?? '';
    const id = /· #(\S+)$/.exec(sub)?.[1] ?? '';
    expect(id).not.toBe('');
    await page.getByLabel('Search restores').fill(id);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${id}`));
    await expect(restores.rows()).toHaveCount(1);
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(page).toHaveURL(/[?&]sort=name%3Aasc/);

    await page.reload();
    await expect(page.getByLabel('Search restores')).toHaveValue(id);
    await expect(page.getByLabel('Connection', { exact: true })).toHaveValue('rackspace-dfw');
    await expect(page.getByLabel('State', { exact: true })).toHaveValue('not-started');
    await expect(restores.rows()).toHaveCount(1);
    await expect(restores.rows().first()).toContainText(`#${id}`);

    await page.getByLabel('Search restores').fill('no restore is called like this');
    await expect(page.getByText('No restore matches these filters')).toBeVisible();
    await expect(restores.rows()).toHaveCount(0);
  });

  test('Restore sessions: state, search and connection live in the URL and survive a reload', async ({
    page,
  }) => {
    const sessions = new RestoreSessionsPage(page);
    await sessions.goto();
    const count = page
      .getByRole('main')
      .getByRole('status')
      .filter({ hasText: / restore sessions$/ });
    await expect(count).toHaveText(/^\d+ restore sessions$/);

    await page.getByLabel('State', { exact: true }).selectOption({ label: 'Ended' });
    await expect(page).toHaveURL(/[?&]state=ended/);
    await expect(sessions.rows().first()).toBeVisible();
    await expect(sessions.table().locator('tbody tr[data-status="running"]')).toHaveCount(0);

    const name = ((await sessions.rows().first().getByRole('link').textContent()) ?? '').trim();
    await page.getByLabel('Search restore sessions').fill(name);
    await expect(page).toHaveURL(
      new RegExp(`[?&]q=${encodeURIComponent(name).replace(/%20/g, '(\\+|%20)')}`),
    );
    for (const text of await sessions.rows().allTextContents()) expect(text).toContain(name);
    await page.getByLabel('Connection', { exact: true }).selectOption('veeam');
    await expect(page).toHaveURL(/[?&]connection=veeam/);
    const shown = await sessions.rows().count();
    expect(shown).toBeGreaterThan(0);

    await page.reload();
    await expect(page.getByLabel('Search restore sessions')).toHaveValue(name);
    await expect(page.getByLabel('State', { exact: true })).toHaveValue('ended');
    await expect(page.getByLabel('Connection', { exact: true })).toHaveValue('veeam');
    await expect(sessions.rows()).toHaveCount(shown);

    await page.getByLabel('State', { exact: true }).selectOption({ label: 'Running' });
    await expect(page).toHaveURL(/[?&]state=running/);
    await page.getByLabel('Search restore sessions').fill('no session is called like this');
    await expect(page.getByText('No restore session matches these filters')).toBeVisible();
  });
});
