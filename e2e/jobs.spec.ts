import { expect, test } from './fixtures';
import { JobsPage } from './pages/jobs-page';
import { rowsIn } from './support/lists';

const FINAL = /^(succeeded|warning|failed|stopped)$/;

test.describe('Jobs as a viewer', () => {
  test.use({ role: 'viewer' });

  test('sees jobs and a job page with sessions and logs, and no way to change anything', async ({
    page,
    checkA11y,
  }) => {
    const jobs = new JobsPage(page);
    await jobs.goto();
    await expect(jobs.rows().first()).toBeVisible();
    await expect(jobs.commandButtons()).toHaveCount(0);
    await checkA11y('the Jobs list');

    const name = await jobs.firstJobName();
    await jobs.openJob(name);
    await expect(jobs.newestSession()).toHaveAttribute('data-status', /.+/);
    await expect(page.getByRole('region', { name: 'Session statistics' })).toBeVisible();
    await expect(page.getByText('Processing rate')).toBeVisible();
    await expect(jobs.sessionLog()).toBeVisible();
    await expect(jobs.commandButtons()).toHaveCount(0);
    await checkA11y('a job page');
  });

  test('search and sort live in the URL and survive a reload', async ({ page }) => {
    const jobs = new JobsPage(page);
    await jobs.goto();
    const total = await rowsIn(jobs.rowsRegion());
    const name = await jobs.firstJobName();
    await jobs.search().fill(name);
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(name).replace(/%20/g, '(\\+|%20)')}`));
    await expect(jobs.rows()).toHaveCount(1);
    await page.getByRole('button', { name: 'Next run' }).click();
    await expect(page).toHaveURL(/sort=nextRun%3Aasc/);
    await page.reload();
    await expect(jobs.search()).toHaveValue(name);
    await expect(jobs.rows()).toHaveCount(1);
    await jobs.search().fill('no job is called like this');
    await expect(page.getByText('No job matches')).toBeVisible();
    await jobs.search().fill('');
    await expect(jobs.rowsRegion()).toHaveAttribute('aria-label', `Jobs, ${total} rows`);
  });

  test('an unknown job says so', async ({ page }) => {
    await page.goto('/jobs/veeam/00000000-0000-0000-0000-000000000000');
    await expect(page.getByText('Job not found')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Back to Jobs' })).toBeVisible();
  });
});

test.describe('Jobs as support', () => {
  test.use({ role: 'support' });

  test('may start and explore but not stop, enable or disable', async ({ page }) => {
    const jobs = new JobsPage(page);
    await jobs.goto();
    const row = jobs.rows().first();
    await expect(row.getByRole('button', { name: /^Explore / })).toBeVisible();
    await expect(jobs.page.getByRole('button', { name: /^(Disable|Enable|Stop) / })).toHaveCount(0);
  });

  test('starts a job and watches its session move to a final state', async ({ page }) => {
    const jobs = new JobsPage(page);
    await jobs.goto();
    const name = await jobs.idleJob('Contoso');
    await jobs.openJob(name);
    await jobs.command(`Start ${name}`);
    await expect(jobs.newestSession()).toHaveAttribute('data-status', /^(queued|running)$/);
    // The progress moves while it runs, without a reload.
    const percent = jobs.newestSession().getByRole('progressbar');
    await expect
      .poll(async () => Number(await percent.getAttribute('aria-valuenow')), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await expect(jobs.newestSession()).toHaveAttribute('data-status', FINAL, { timeout: 50_000 });
    await expect(jobs.sessionLog()).toContainText(/Job (started|finished)/);
  });
});

test.describe('Jobs as admin', () => {
  test.use({ role: 'admin' });

  test('disables a job after confirming, then enables it again', async ({ page }) => {
    const jobs = new JobsPage(page);
    await jobs.goto();
    const enabled = jobs
      .rows()
      .filter({ has: page.getByRole('button', { name: /^Disable / }) })
      .first();
    const name = (await enabled.getByRole('link').first().innerText()).trim();
    await jobs.search().fill(name);
    const row = jobs.row(name);
    await expect(row).toHaveAttribute('data-enabled', 'true');

    await row.getByRole('button', { name: `Disable ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Disable ${name}?` });
    await expect(dialog).toBeVisible();
    // The focus is on the safe choice: Enter at once cancels, it does not disable.
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(row).toHaveAttribute('data-enabled', 'true');

    await jobs.command(`Disable ${name}`, 'Disable job');
    await expect(row).toHaveAttribute('data-enabled', 'false');
    await page.reload();
    await expect(jobs.row(name)).toHaveAttribute('data-enabled', 'false');

    await jobs.command(`Enable ${name}`);
    await expect(jobs.row(name)).toHaveAttribute('data-enabled', 'true');
  });

  test('stops a running job after confirming', async ({ page }) => {
    const jobs = new JobsPage(page);
    await jobs.goto();
    const name = await jobs.idleJob('Northwind');
    await jobs.openJob(name);
    await jobs.command(`Start ${name}`);
    await expect(jobs.newestSession()).toHaveAttribute('data-status', /^(queued|running)$/);
    await jobs.command(`Stop ${name}`, 'Stop job');
    await expect(jobs.newestSession()).toHaveAttribute('data-status', /^(stopping|stopped)$/);
    await expect(jobs.newestSession()).toHaveAttribute('data-status', 'stopped', { timeout: 20_000 });
  });
});
