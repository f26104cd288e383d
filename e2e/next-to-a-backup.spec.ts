import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { ConfigurationPage } from './pages/configurations-page';
import type { RestoreCandidate } from './pages/restores-api';
import { findRestoreCandidate, token } from './pages/restores-api';
import { RestoresPage } from './pages/restores-page';

/** Issue 10 §14: what admins expect next to a backup. */

/** An unencrypted restorable ORD backup of an online machine, with its configuration's id. */
async function restorable(
  request: APIRequestContext,
): Promise<RestoreCandidate & { configurationId: string }> {
  const candidate = await findRestoreCandidate(request, { encrypted: false });
  const res = await request.get(`/ord/v2/110011/backups/${candidate.backupId}`, {
    headers: { 'X-Auth-Token': await token(request) },
  });
  const backup = (await res.json()) as { configuration: { id: string } };
  return { ...candidate, configurationId: backup.configuration.id };
}

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const wizardUrl = (configurationId: string, backupId: string) =>
  `/restores/new?${new URLSearchParams({ connection: 'rackspace-ord', configuration: configurationId, backup: backupId }).toString()}`;

test.describe('Restore… next to a backup', () => {
  test.describe('support', () => {
    test.use({ role: 'support' });

    test("a backup's report and its history row open the wizard with that backup chosen", async ({
      page,
      request,
    }) => {
      const b = await restorable(request);
      await page.goto(`/configurations/rackspace-ord/${b.configurationId}?backup=${b.backupId}`);
      const detail = new ConfigurationPage(page, b.configurationName);

      // Every restorable row of the history offers it, with its own backup in the link.
      const first = detail
        .historyRows()
        .filter({ has: page.locator('[data-restorable="true"]') })
        .first();
      const rowId = new URL(
        (await first.getByRole('link').first().getAttribute('href')) ?? '',
        'http://x',
      ).searchParams.get('backup');
      expect(rowId).toBeTruthy();
      // That backup's row, by its id: a run that ends meanwhile (the service runs 60× fast) comes
      // first in the history, and "the first restorable row" is then another.
      const row = detail.historyRows().filter({ has: page.locator(`a[href*="backup=${rowId}"]`) });
      await expect(row.getByRole('link', { name: `Restore from backup ${rowId}` })).toHaveAttribute(
        'href',
        wizardUrl(b.configurationId, rowId ?? ''),
      );

      await detail
        .report()
        .getByRole('link', { name: `Restore from backup ${b.backupId}` })
        .click();
      await expect(page).toHaveURL(wizardUrl(b.configurationId, b.backupId));
      const restores = new RestoresPage(page);
      await expect(page.getByRole('radio', { name: new RegExp(`backup ${b.backupId}\\b`) })).toBeChecked();
      await restores.next().click();
      await expect(page.getByRole('combobox', { name: 'Destination machine' })).toHaveValue(
        new RegExp(`^${b.machineName}`),
      );
      await restores.next().click();
      await expect(page.getByRole('region', { name: 'Review the restore' })).toContainText(
        b.configurationName,
      );
      await restores.startButton().click();
      await expect(page).toHaveURL(/\/restores\/rackspace-ord\/[^/]+$/);
      await expect(restores.state()).toHaveAttribute('data-status', /.+/);
    });
  });

  test.describe('viewer', () => {
    test.use({ role: 'viewer' });

    test('is not offered to a role that may not restore', async ({ page, request }) => {
      const b = await restorable(request);
      await page.goto(`/configurations/rackspace-ord/${b.configurationId}?backup=${b.backupId}`);
      const detail = new ConfigurationPage(page, b.configurationName);
      await expect(detail.report().getByTestId('backup-state')).toBeVisible();
      await expect(detail.historyRows().locator('[data-restorable="true"]').first()).toBeVisible();
      await expect(page.getByRole('link', { name: /^Restore from backup/ })).toHaveCount(0);
    });
  });
});

test.describe("the Overview's counts", () => {
  test.use({ role: 'viewer' });

  test('each count opens Activity filtered to those runs, as many as it counted', async ({ page }) => {
    await page.goto('/');
    const succeeded = page.getByRole('link', { name: /^Succeeded: \d+$/ });
    await expect(succeeded).toHaveAttribute('href', '/activity?state=succeeded');
    for (const state of ['running', 'queued', 'warning', 'failed', 'missed', 'stopped', 'skipped'])
      await expect(page.getByRole('link', { name: new RegExp(`^${state}: \\d+$`, 'i') })).toHaveAttribute(
        'href',
        `/activity?state=${state}`,
      );
    // Runs end all the time at the demo's speed: the count and the list are compared at one moment,
    // read again if a poll moved them in between.
    await expect(async () => {
      if (!page.url().endsWith('/')) await page.goBack();
      const label = (await succeeded.getAttribute('aria-label')) ?? '';
      const count = Number(/\d+$/.exec(label)?.[0]);
      expect(count).toBeGreaterThan(0);
      await succeeded.click();
      await expect(page).toHaveURL(/\/activity\?state=succeeded$/);
      await expect(page.getByRole('combobox', { name: 'State' })).toHaveValue('succeeded');
      await expect(page.getByRole('combobox', { name: 'Time range' })).toHaveValue('24h');
      await expect(page.getByRole('status').filter({ hasText: /runs$/ })).toHaveText(
        `${count.toLocaleString('en-US')} runs`,
        { timeout: 1000 },
      );
    }).toPass({ timeout: 20_000 });
    const rows = page.getByRole('table', { name: 'Activity' }).locator('tbody tr[data-status]');
    await expect(rows.first()).toHaveAttribute('data-status', 'succeeded');
    await expect(
      page
        .getByRole('table', { name: 'Activity' })
        .locator('tbody tr[data-status]:not([data-status="succeeded"])'),
    ).toHaveCount(0);
  });
});

test.describe('each schedule shows its time zone', () => {
  test.use({ role: 'viewer' });

  test('Rackspace configurations in the zone they carry, with its UTC offset', async ({ page }) => {
    const zoneFact = page.locator('dt', { hasText: /^Time zone$/ }).locator('xpath=following-sibling::dd[1]');
    // v1.0 names its zones as Windows does.
    await page.goto('/configurations/rackspace-dfw/148325');
    await expect(zoneFact).toHaveText(/^[A-Za-z. ]+ Time \(UTC[+-]\d{2}:\d{2}\)$|^UTC$/);
    const zone = (await zoneFact.textContent()) ?? '';
    const name = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';

    // The list shows it under the schedule.
    await page.goto(`/configurations?connection=rackspace-dfw&q=${encodeURIComponent(name)}`);
    const rows = page.getByRole('table', { name: 'Configurations' }).locator('tbody tr[data-status]');
    const row = rows.filter({ has: page.locator('a[href="/configurations/rackspace-dfw/148325"]') });
    await expect(row.getByRole('cell').nth(1)).toHaveText(
      new RegExp(`^(Daily|Weekly|Every).*${escapeRe(zone)}$`),
    );

    // v2 names them by IANA name.
    await page.goto('/configurations?connection=rackspace-ord');
    await expect(rows.first()).toContainText('Rackspace ORD (v2)');
    const schedules = await rows.locator('td:nth-child(2)').allTextContents();
    expect(schedules.length).toBeGreaterThan(0);
    for (const text of schedules)
      expect(text).toMatch(/^Manually$|[A-Za-z_]+\/[A-Za-z_]+ \(UTC[+-]\d{2}:\d{2}\)$|UTC$/);
  });

  test('Veeam jobs on the Veeam server time, with the offset its next run shows', async ({ page }) => {
    await page.goto('/jobs/veeam/3396ba22-21b1-4666-a631-0edfc12a59cd');
    const zone = page.locator('dt', { hasText: /^Time zone$/ }).locator('xpath=following-sibling::dd[1]');
    await expect(zone).toHaveText('Veeam server time (UTC+00:00)');
    await page.goto('/jobs');
    const row = page
      .getByRole('table', { name: 'Jobs' })
      .locator('tbody tr[data-status]')
      .filter({ has: page.locator('a[href="/jobs/veeam/3396ba22-21b1-4666-a631-0edfc12a59cd"]') });
    await expect(row).toContainText('Daily at 3:30 AMVeeam server time (UTC+00:00)');
  });
});
