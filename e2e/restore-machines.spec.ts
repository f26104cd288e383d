import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createV2RestoreElsewhere, findRestoreCandidate } from './pages/restores-api';
import { createV1Draft, findV1RestoreCandidate, otherV1Agent } from './pages/restores-api-v1';
import { RestoresPage } from './pages/restores-page';

/**
 * Issue 10 §3: a restore to another machine names both, the machine backed up as "From machine" and
 * the destination as "To", on the Restores list and on the restore's page, on v1.0 and v2. The
 * restores are made through the service's API, so only what the console shows is under test.
 */

/** The restore's row of the Restores list: its cells in column order (Restore, From machine, To, …). */
async function restoreRow(page: Page, connectionId: string, id: string): Promise<Locator> {
  const restores = new RestoresPage(page);
  await restores.goto();
  const headers = restores.table().getByRole('columnheader');
  await expect(headers.nth(1)).toHaveText('From machine');
  await expect(headers.nth(2)).toHaveText('To');
  return restores.rows().filter({ has: page.locator(`a[href="/restores/${connectionId}/${id}"]`) });
}

/** A fact of the restore's page: the <dd> after its <dt>. */
const fact = (page: Page, label: string) =>
  page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');

test.describe('§3: a restore names the machine backed up and the machine restored to', () => {
  test.use({ role: 'viewer' });

  test('v1.0', async ({ page, request }) => {
    const candidate = await findV1RestoreCandidate(request, { encrypted: false });
    const destination = await otherV1Agent(request, candidate.agentId);
    expect(destination.name).not.toBe(candidate.machineName);
    const id = await createV1Draft(request, candidate, destination.id);

    const row = await restoreRow(page, 'rackspace-dfw', id);
    await expect(row.getByRole('cell').nth(1)).toHaveText(candidate.machineName);
    await expect(row.getByRole('cell').nth(2)).toHaveText(`${destination.name}: original location`);

    await row.getByRole('link').first().click();
    await expect(page).toHaveURL(new RegExp(`/restores/rackspace-dfw/${id}$`));
    await expect(fact(page, 'From machine')).toHaveText(candidate.machineName);
    await expect(fact(page, 'To machine')).toHaveText(destination.name);
  });

  test('v2', async ({ page, request }) => {
    const candidate = await findRestoreCandidate(request, { encrypted: false });
    const { id, destinationName } = await createV2RestoreElsewhere(request, candidate);
    expect(destinationName).not.toBe(candidate.machineName);

    const row = await restoreRow(page, 'rackspace-ord', id);
    await expect(row.getByRole('cell').nth(1)).toHaveText(candidate.machineName);
    await expect(row.getByRole('cell').nth(2)).toHaveText(`${destinationName}: /srv/from-elsewhere`);

    await row.getByRole('link').first().click();
    await expect(page).toHaveURL(new RegExp(`/restores/rackspace-ord/${id}$`));
    await expect(fact(page, 'From machine')).toHaveText(candidate.machineName);
    await expect(fact(page, 'To machine')).toHaveText(destinationName);
  });
});
