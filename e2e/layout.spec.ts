import { expect, test } from './fixtures';
import { ConfigurationsPage } from './pages/configurations-page';
import { JobsPage } from './pages/jobs-page';
import { RestoreSessionsPage } from './pages/restore-sessions-page';
import { layoutFaults } from './support/layout';

const LIST_PAGES = ['Overview', 'Configurations', 'Activity', 'Jobs', 'Restores', 'Restore sessions'];
const WIDTHS = [1280, 390];

test.describe('layout', () => {
  test.use({ role: 'admin', viewport: { width: WIDTHS[0] ?? 1280, height: 800 } });

  // A laptop and a phone: a badge never truncates, a column gives way instead (issue 10 §9). Each
  // page is measured at both widths without loading it twice.
  test('no badge or label is cut and no cell runs over another on any list page', async ({ page, shell }) => {
    // Seven pages in one test, each loaded once and measured at both widths: slower than one, far
    // faster than fourteen.
    test.slow();
    const check = async (what: string) => {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        expect(await layoutFaults(page), `${what} at ${width} px`).toEqual([]);
      }
      await page.setViewportSize({ width: WIDTHS[0] ?? 1280, height: 800 });
    };
    await page.goto('/');
    for (const name of LIST_PAGES) {
      await shell.navLink(name).click();
      await expect(shell.heading()).toHaveText(name);
      await expect(page.getByRole('status', { name: /^Loading/ })).toHaveCount(0);
      await expect(page.locator('main [data-status]').first()).toBeVisible();
      await check(name);
    }
    await shell.navLink('Configurations').click();
    // By the name read from the first row: another connection's answer may reorder the rows first.
    await new ConfigurationsPage(page).open(0);
    await expect(
      page.getByRole('table', { name: 'Backup history' }).locator('tbody tr[data-status]').first(),
    ).toBeVisible();
    await check("a configuration's backup history");
  });
});

test.describe('on a small phone', () => {
  test.use({ role: 'admin', viewport: { width: 375, height: 740 } });

  // A restore session's name is its job's and its time, with a domain in it and no space to break at.
  test("a restore session's page, with its long name, fits the screen, and so does the header", async ({
    page,
    shell,
    checkA11y,
  }) => {
    await page.goto('/restore-sessions');
    const sessions = new RestoreSessionsPage(page);
    await sessions.rows().first().getByRole('link').first().click();
    await expect(sessions.state()).toBeVisible();
    await expect(shell.heading()).toBeVisible();
    expect(await layoutFaults(page), 'a restore session at 375 px').toEqual([]);
    // Its events stack the time, level and duration of each row in one column here, by CSS: they are
    // still a table of rows and cells to a screen reader.
    await expect(sessions.events().getByRole('columnheader')).toHaveText([
      'Time',
      'Level',
      'Message',
      'Took',
    ]);
    await checkA11y('a restore session at 375 px');
  });

  // What a phone opens a job's page for: how its running session is getting on. The Sessions table
  // shows the time, the state and the progress in the screen's width; Transferred and Duration give
  // way (the session's statistics below tell them).
  test("a job's page shows its running session's state and progress without scrolling sideways", async ({
    page,
  }) => {
    // The list offers Start only at a laptop's width (its Actions column gives way on a phone).
    await page.setViewportSize({ width: 1280, height: 740 });
    const jobs = new JobsPage(page);
    await jobs.goto();
    const name = await jobs.idleJob('Contoso');
    await jobs.openJob(name);
    await jobs.command(`Start ${name}`);
    await page.setViewportSize({ width: 375, height: 740 });
    const session = jobs.newestSession();
    await expect(session).toHaveAttribute('data-status', 'running', { timeout: 20_000 });
    await expect(session.getByRole('link')).toBeInViewport({ ratio: 1 });
    // The state badge (the row carries data-status too; the badge is the one inside it).
    await expect(session.locator('[data-status]')).toBeInViewport({ ratio: 1 });
    // The whole cell: the bar's own element is only as wide as its percent.
    await expect(session.getByRole('cell').filter({ has: page.getByRole('progressbar') })).toBeInViewport({
      ratio: 1,
    });
    expect(await layoutFaults(page), 'a job with a running session at 375 px').toEqual([]);
  });
});

test.describe('signed out on a phone', () => {
  test.use({ viewport: { width: 390, height: 800 } });

  test('the sign-in choices read whole', async ({ page, signInPage }) => {
    await signInPage.goto();
    await expect(page.getByText('With an API key (Rackspace)')).toBeVisible();
    expect(await layoutFaults(page)).toEqual([]);
  });
});
