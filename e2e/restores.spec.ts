import { expect, test } from './fixtures';
import { findRestoreCandidate } from './pages/restores-api';
import { createV1Draft, findV1RestoreCandidate, v1RestoreIds } from './pages/restores-api-v1';
import { RestoresPage } from './pages/restores-page';

const FINAL = /^(succeeded|warning|failed|stopped)$/;
/** Started: in flight, or already ended at the demo's speed. */
const FINAL_OR_LIVE = /^(queued|running|succeeded|warning|failed|stopped)$/;

test.describe('Restores as a viewer', () => {
  test.use({ role: 'viewer' });

  test('sees restores and their reports, and cannot start or stop one', async ({ page, checkA11y }) => {
    const restores = new RestoresPage(page);
    await restores.goto();
    await expect(restores.newRestore()).toHaveCount(0);
    await expect(restores.stopButtons()).toHaveCount(0);
    await checkA11y('the Restores list');

    await restores.rows().first().getByRole('link').first().click();
    await expect(restores.state()).toHaveAttribute('data-status', /.+/);
    await expect(page.getByRole('heading', { name: 'Errors' })).toBeVisible();
    await expect(page.getByText('Files restored')).toBeVisible();
    await checkA11y('a restore report');

    await page.goto('/restores/new');
    await expect(page.getByText('You cannot start restores')).toBeVisible();
  });

  test('an unknown restore says so, and the header does not call the service failing for it', async ({
    page,
    shell,
  }) => {
    await page.goto('/restores/rackspace-ord/00000000-0000-0000-0000-000000000000');
    await expect(page.getByText('Restore not found')).toBeVisible();
    await expect(shell.liveIndicator()).toHaveAttribute('data-liveness', 'live');
  });
});

test.describe('Restores as support', () => {
  test.use({ role: 'support' });

  test('restores a backup to another folder through the wizard and sees it finish', async ({
    page,
    request,
    checkA11y,
  }) => {
    const candidate = await findRestoreCandidate(request, { encrypted: false });
    const restores = new RestoresPage(page);
    await page.goto('/restores/new');
    await checkA11y('the restore wizard');
    await restores.runWizard(candidate, { folder: '/srv/restored' });
    await expect(page.locator('#main-content')).toBeFocused();
    await expect(restores.state()).toHaveAttribute('data-status', FINAL, { timeout: 60_000 });
    await expect(page.getByText('/srv/restored')).toBeVisible();
    await checkA11y('a restore report');
  });

  test('a key pressed twice on Next shows the review and starts nothing', async ({ page, request }) => {
    const candidate = await findRestoreCandidate(request, { encrypted: false });
    const restores = new RestoresPage(page);
    await restores.fillWizard(candidate);
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Destination', exact: true })).toBeFocused();
    await restores.next().focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Review', exact: true })).toBeFocused();
    await expect(page.getByRole('region', { name: 'Review the restore' })).toContainText(
      candidate.configurationName,
    );
    await expect(page).toHaveURL(/\/restores\/new/);
    await expect(restores.startButton()).toBeEnabled();
  });

  test('restores from an encrypted vault with its password', async ({ page, request }) => {
    const candidate = await findRestoreCandidate(request, { encrypted: true });
    const restores = new RestoresPage(page);
    await restores.runWizard(candidate, { password: 'demo-vault' });
    // The demo service fails some runs on purpose (e.g. the destination stops answering); whatever the
    // outcome, the vault opened: the restore moved data and no reason blames the password.
    await expect(restores.state()).toHaveAttribute('data-status', FINAL, { timeout: 60_000 });
    const status = page.getByRole('region', { name: 'Status' });
    await expect(status.getByText('Bytes restored')).toBeVisible();
    await expect(status).not.toContainText(/password/i);
    // The password went into the start request only: nothing in this tab keeps it.
    const stored = await page.evaluate(
      () => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }),
    );
    expect(stored).not.toContain('demo-vault');
  });

  test('on v1.0 a refused start keeps its draft, and the right password starts that same restore', async ({
    page,
    request,
    checkA11y,
  }) => {
    const candidate = await findV1RestoreCandidate(request, { encrypted: true });
    const before = await v1RestoreIds(request);
    const restores = new RestoresPage(page);
    await restores.fillWizard(candidate, { password: 'not the vault password' });
    await restores.startButton().click();
    const notice = restores.draftNotice();
    await expect(notice).toContainText(/vault password is not right/i);
    const id = /Restore #(\d+)/.exec((await notice.textContent()) ?? '')?.[1] ?? '';
    expect(id).toMatch(/^\d+$/);
    await expect(page).toHaveURL(/\/restores\/new$/);
    await checkA11y('the wizard with a restore that did not start');

    await restores.vaultPassword().fill('demo-vault');
    await restores.startButton().click();
    await expect(page).toHaveURL(new RegExp(`/restores/rackspace-dfw/${id}$`));
    await expect(restores.state()).toHaveAttribute('data-status', FINAL_OR_LIVE);
    // One restore came of the two presses: the draft, now started.
    expect((await v1RestoreIds(request)).filter((r) => !before.includes(r))).toEqual([id]);
  });

  test('an abandoned v1.0 draft shows as not started, and starts from its own page', async ({
    page,
    request,
    checkA11y,
  }) => {
    const candidate = await findV1RestoreCandidate(request, { encrypted: true });
    const id = await createV1Draft(request, candidate, candidate.agentId, '/tmp/restore-e2e');
    const restores = new RestoresPage(page);
    await restores.goto();
    const row = restores.rows().filter({ hasText: `#${id}` });
    await expect(row).toHaveAttribute('data-status', 'not-started');
    await expect(row.getByText('Not started')).toHaveCount(2); // its state, and under Started
    await expect(row).not.toContainText('Ended ');
    // Where a v1.0 restore goes is read from the restore itself: the activity does not say.
    await expect(row).toContainText(': /tmp/restore-e2e');

    await row.getByRole('link').first().click();
    const draft = page.getByRole('region', { name: 'Not started' });
    await expect(draft).toBeVisible();
    await checkA11y('a draft restore');
    await restores.vaultPassword().fill('demo-vault');
    await draft.getByRole('button', { name: 'Start restore' }).click();
    await expect(restores.state()).toHaveAttribute('data-status', FINAL_OR_LIVE, { timeout: 20_000 });
    await expect(draft).toHaveCount(0);
  });

  // A link (a backup's Restore on a configuration page) naming a configuration the connection does not
  // have: v1.0 lists no restore point for it, v2 answers 404. Neither may count as chosen.
  for (const { connection, unknown } of [
    { connection: { id: 'rackspace-dfw', label: 'Rackspace DFW (v1.0)' }, unknown: '999999999' },
    {
      connection: { id: 'rackspace-ord', label: 'Rackspace ORD (v2)' },
      unknown: '00000000-0000-0000-0000-000000000000',
    },
  ])
    test(`a link to a configuration ${connection.label} does not have opens on the configuration step and says so`, async ({
      page,
      checkA11y,
    }) => {
      const link = new URLSearchParams({ connection: connection.id, configuration: unknown, backup: '1' });
      await page.goto(`/restores/new?${link.toString()}`);
      const notice = page.getByRole('alert').filter({ hasText: 'The linked configuration was not found' });
      await expect(notice).toContainText(`${connection.label} has no configuration ${unknown}`);
      await expect(page.getByRole('region', { name: 'Configuration', exact: true })).toBeVisible();
      await expect(page.locator('[data-completed]')).toHaveCount(0);
      await expect(page.getByRole('combobox', { name: 'Connection' })).toHaveValue(connection.id);
      const configuration = page.getByRole('combobox', { name: 'Configuration' });
      await expect(configuration).toBeEnabled();
      await expect(configuration).toHaveValue('');
      await checkA11y('the wizard after a link to a configuration not found');

      await new RestoresPage(page).next().click();
      await expect(
        page.getByRole('alert').filter({ hasText: 'Choose the configuration to restore from.' }),
      ).toBeVisible();
      await expect(page.getByRole('region', { name: 'Restore point', exact: true })).toHaveCount(0);

      // Another configuration of the same connection can be chosen, and the notice goes.
      await configuration.click();
      await page.getByRole('listbox', { name: 'Configuration' }).getByRole('option').first().click();
      await expect(notice).toHaveCount(0);
      await new RestoresPage(page).next().click();
      await expect(page.getByRole('region', { name: 'Restore point', exact: true })).toBeFocused();
    });

  test('stops a running restore after confirming', async ({ page, request }) => {
    const candidate = await findRestoreCandidate(request, { encrypted: false });
    const restores = new RestoresPage(page);
    await restores.runWizard(candidate);
    await expect(restores.state()).toHaveAttribute('data-status', /^(queued|running)$/);
    await restores.stop();
    await expect(restores.state()).toHaveAttribute('data-status', 'stopped', { timeout: 20_000 });
    await expect(restores.stopButtons()).toHaveCount(0);
    await restores.goto();
    await expect(restores.rows().first()).toHaveAttribute('data-status', /.+/);
  });
});
