import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { ConfigurationPage } from './pages/configurations-page';
import { token } from './pages/restores-api';

/** Issue 10: what the console says of runs is what the service says, in people's words. */

interface V2Backup {
  id: string;
  state: string;
  configuration: { id: string };
  errors: { reason: string };
  files_backed_up: number;
}

/** A v2 (ORD) backup that failed, among the newest runs of its configuration, read from the service. */
async function failedV2Backup(request: APIRequestContext) {
  const headers = { 'X-Auth-Token': await token(request) };
  const get = async <T>(path: string): Promise<T> =>
    (await request.get(`/ord/v2/110011${path}`, { headers })).json() as Promise<T>;
  const { backups } = await get<{ backups: V2Backup[] }>('/backups?limit=200');
  for (const b of backups.filter((x) => x.state === 'failed')) {
    const { activities } = await get<{ activities: { id: string; type: string }[] }>(
      `/configurations/${b.configuration.id}/activities`,
    );
    if (activities.filter((a) => a.type === 'backup').findIndex((a) => a.id === b.id) < 5) return b;
  }
  throw new Error('no failed v2 backup among the newest of its configuration');
}

test.describe('viewer', () => {
  test.use({ role: 'viewer' });

  test('§6: a v2 backup that did not complete shows its time and files in the history', async ({
    page,
    request,
  }) => {
    const backup = await failedV2Backup(request);
    await page.goto(`/configurations/rackspace-ord/${backup.configuration.id}`);
    const detail = new ConfigurationPage(page, '');
    const row = detail.historyRows().filter({ has: page.locator(`a[href*="backup=${backup.id}"]`) });
    await expect(row).toHaveAttribute('data-status', 'failed');
    await expect(row.getByRole('link')).toHaveText(/\d{4}, \d{1,2}:\d{2}/);
    await expect(row).toContainText(backup.files_backed_up.toLocaleString('en-US'));
  });

  test("§12: a failed backup's reason is said in people's words, the vendor's word kept beside it", async ({
    page,
    request,
  }) => {
    const backup = await failedV2Backup(request);
    await page.goto(`/configurations/rackspace-ord/${backup.configuration.id}?backup=${backup.id}`);
    const report = new ConfigurationPage(page, '').report();
    const reason = report.getByText(/^Reason: /);
    await expect(reason).toBeVisible();
    const words = reason.locator(`[data-vendor-word="${backup.errors.reason}"]`);
    await expect(words).toHaveText(/^[A-Z][a-z]+ [a-z ]+/);
    await expect(words).not.toContainText('_');
    await expect(reason).toContainText(`(the service's word: ${backup.errors.reason})`);
  });
});

test.describe('signed out', () => {
  test('§12: a wrong password on Rackspace says password, not "api key"', async ({ signInPage, page }) => {
    await signInPage.goto();
    await signInPage.signIn('viewer', 'not-the-password');
    const dfw = signInPage.connections().locator('[data-connection="rackspace-dfw"]');
    await expect(dfw.getByRole('alert')).toHaveText('The user name or the password is wrong.');
    await expect(dfw.getByRole('alert')).toHaveAttribute(
      'title',
      "The service's word: Username or api key is invalid.",
    );
    await expect(page.getByText('Username or api key is invalid.')).toHaveCount(0);
  });
});
