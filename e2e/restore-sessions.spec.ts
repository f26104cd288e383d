import { expect, test } from './fixtures';
import { JobsPage } from './pages/jobs-page';
import { RestoreSessionsPage } from './pages/restore-sessions-page';

test.describe('Restore sessions as a viewer', () => {
  test.use({ role: 'viewer' });

  test('sees the sessions and their events, and cannot open or stop one', async ({ page, checkA11y }) => {
    const sessions = new RestoreSessionsPage(page);
    await sessions.goto();
    await expect(sessions.table()).toContainText(/Exchange|SharePoint|OneDrive|Teams/);
    await expect(sessions.openButton()).toHaveCount(0);
    await expect(sessions.stopButtons()).toHaveCount(0);
    await checkA11y('the Restore sessions list');

    await sessions.rows().first().getByRole('link').click();
    await expect(sessions.state()).toHaveAttribute('data-status', /.+/);
    await expect(sessions.events()).toBeVisible();
    await expect(sessions.stopButtons()).toHaveCount(0);
    await checkA11y('a restore session page');
  });

  test('an unknown restore session says so', async ({ page }) => {
    await page.goto('/restore-sessions/veeam/00000000-0000-0000-0000-000000000000');
    await expect(page.getByText('Restore session not found')).toBeVisible();
  });
});

test.describe('Restore sessions as support', () => {
  test.use({ role: 'support' });

  test('opens a Teams restore session of a job, sees its events, and stops it', async ({
    page,
    checkA11y,
  }) => {
    const sessions = new RestoreSessionsPage(page);
    await sessions.goto();
    await sessions.openButton().click();
    await expect(sessions.dialog().getByLabel('Point in time')).toBeVisible();
    // On its first field once the jobs are in, not on its ×.
    await expect(sessions.dialog().getByRole('combobox', { name: 'Job' })).toBeFocused();
    await checkA11y('the open-a-restore-session dialog');
    await sessions.explore('Contoso', 'Teams');

    await expect(page).toHaveURL(/\/restore-sessions\/veeam\/[^/]+$/);
    await expect(sessions.state()).toHaveAttribute('data-status', 'running');
    // The dialog's button went with the old page: the focus goes on from the new page's content.
    await expect(page.locator('#main-content')).toBeFocused();
    await expect(page.getByText('Teams ·')).toBeVisible();
    await expect(page.getByText('support', { exact: true })).toBeVisible();
    await expect(sessions.events()).toBeVisible();

    await sessions.stopButtons().click();
    const confirm = page.getByRole('dialog', { name: 'Stop the restore session?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(sessions.state()).toHaveAttribute('data-status', 'running');

    await sessions.stop();
    await expect(sessions.state()).toHaveAttribute('data-status', 'stopped');
    await expect(sessions.stopButtons()).toHaveCount(0);
    await page.reload();
    await expect(sessions.state()).toHaveAttribute('data-status', 'stopped');
  });

  test('explores a job from the Jobs list', async ({ page }) => {
    const jobs = new JobsPage(page);
    await jobs.goto();
    const name = await jobs.idleJob('Fabrikam');
    await jobs
      .row(name)
      .getByRole('button', { name: `Explore ${name}` })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Open a restore session' });
    await expect(dialog.getByRole('combobox', { name: 'Job' })).toHaveValue(/veeam\//);
    await dialog.getByRole('radio', { name: 'Exchange' }).check();
    await dialog.getByRole('button', { name: 'Open restore session' }).click();
    await expect(page.getByTestId('restore-session-state')).toHaveAttribute('data-status', 'running');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  });
});
