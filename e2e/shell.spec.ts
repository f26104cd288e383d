import { expect, test } from './fixtures';
import { ConfigurationsPage } from './pages/configurations-page';
import { JobsPage } from './pages/jobs-page';

test.use({ role: 'viewer' });

test('navigation reaches every page and shows the role', async ({ page, shell }) => {
  await page.goto('/');
  await expect(shell.currentRole()).toHaveText('(viewer)');
  for (const [link, heading] of [
    ['Configurations', 'Configurations'],
    ['Activity', 'Activity'],
    ['Overview', 'Overview'],
  ] as const) {
    await shell.navLink(link).click();
    await expect(shell.heading()).toHaveText(heading);
    await expect(shell.navLink(link)).toHaveAttribute('aria-current', 'page');
  }
  await expect(shell.liveIndicator()).toHaveAttribute('data-liveness', 'live');
  await expect(page.getByText(/data as of \d+:\d\d:\d\d [AP]M \S+/).first()).toBeVisible();
});

test('each page has a title of its own', async ({ page, shell }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Overview · Backup Console');
  for (const [link, title] of [
    ['Configurations', 'Configurations'],
    ['Jobs', 'Jobs'],
    ['Activity', 'Activity'],
    ['Restores', 'Restores'],
    ['Restore sessions', 'Restore sessions'],
  ] as const) {
    await shell.navLink(link).click();
    await expect(shell.heading()).toHaveText(title);
    await expect(page).toHaveTitle(`${title} · Backup Console`);
  }
  // A detail page is titled with what it shows.
  await shell.navLink('Jobs').click();
  // Opened by the name read, not by the row's place, which a list that moves may give to another.
  const jobs = new JobsPage(page);
  const name = await jobs.firstJobName();
  await jobs.openJob(name);
  await expect(page).toHaveTitle(`${name} · Backup Console`);
  await page.goto('/no/such/page');
  await expect(page).toHaveTitle('Page not found · Backup Console');
});

test('an unknown address shows a clear not found inside the shell', async ({ page, shell }) => {
  await page.goto('/no/such/page');
  await expect(shell.heading()).toHaveText('Page not found');
  await expect(shell.nav()).toBeVisible();
  await page.getByRole('link', { name: 'Go to the overview' }).click();
  await expect(shell.heading()).toHaveText('Overview');
});

test('the keyboard skips to the content, and the colour scheme toggles and stays', async ({
  page,
  shell,
}) => {
  await page.goto('/');
  await expect(shell.heading()).toHaveText('Overview');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main-content$/);
  await shell.useColorScheme('dark');
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await shell.useColorScheme('light');
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
});

test('on a narrow screen the navigation opens from the burger', async ({ page, shell }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/');
  await expect(shell.navLink('Activity')).toBeHidden();
  await expect(shell.burger()).toHaveAttribute('aria-expanded', 'false');
  await shell.burger().click();
  await shell.navLink('Activity').click();
  await expect(shell.heading()).toHaveText('Activity');
  await expect(shell.navLink('Activity')).toBeHidden();
});

test('on a narrow screen with reduced motion the navigation opens and closes without sliding', async ({
  page,
  shell,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/');
  await expect(shell.navLink('Activity')).toBeHidden();
  const sliding = () =>
    page.evaluate(
      () =>
        document
          .getAnimations()
          .filter((a) => a.effect instanceof KeyframeEffect && a.effect.target?.id === 'main-navigation')
          .length,
    );
  await shell.burger().click();
  expect(await sliding()).toBe(0);
  await expect(shell.navLink('Activity')).toBeVisible();
  await shell.burger().click();
  expect(await sliding()).toBe(0);
  await expect(shell.navLink('Activity')).toBeHidden();
});

/** An old tab after a redeploy: the files of the build it was loaded from are gone (hashed names). */
const NOTIFICATIONS_CODE = '**/assets/notifications-host-*';

test.describe('when the notifications code cannot be loaded', () => {
  test.use({ role: 'admin' });

  test('the page stays, a failed action is still reported, and a later press loads the code', async ({
    page,
    shell,
    checkA11y,
  }) => {
    const list = new ConfigurationsPage(page);
    // Opened without a press: the notifications code has not been asked for yet.
    await list.goto('?enabled=enabled');
    await page.route(NOTIFICATIONS_CODE, (route) => route.fulfill({ status: 404, body: 'Not found' }));
    // And every command fails (the service went away), so that there is an error to report.
    await page.route(/\/(v1\.0|v2|v2\.0|v5)\//, (route) =>
      route.request().method() === 'GET' ? route.fallback() : route.abort('connectionrefused'),
    );
    const start = list.table().getByRole('button', { name: /^Start a backup of / });
    await start.first().click();
    const fallback = page.getByRole('alert').filter({ hasText: 'notices could not be loaded' });
    await expect(fallback).toContainText('The action failed');
    await expect(shell.heading()).toHaveText('Configurations'); // never a blank page
    await expect(shell.nav()).toBeVisible();
    await checkA11y("the stand-in for a failed action's notice");

    // The code can be fetched again: the next press loads it, and the next failure is a notification.
    await page.unroute(NOTIFICATIONS_CODE);
    await fallback.getByRole('button', { name: 'Dismiss' }).click();
    await expect(fallback).toHaveCount(0);
    await start.first().click();
    await expect(
      page.locator('.mantine-Notification-root').filter({ hasText: 'The action failed' }),
    ).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'notices could not be loaded' })).toHaveCount(0);
  });
});

test('a page whose code cannot be fetched says so, inside the shell, with a reload', async ({
  page,
  shell,
}) => {
  await page.goto('/configurations');
  await expect(shell.heading()).toHaveText('Configurations');
  // A press loads the notifications code while it is still there.
  await shell.heading().click();
  await expect(page.locator('link[rel="stylesheet"][href*="notifications-host"]')).toHaveCount(1);
  // A redeploy: none of the old build's files are there any more.
  await page.route('**/assets/**', (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await shell.navLink('Restore sessions').click();
  const problem = page.getByRole('main').getByRole('alert');
  await expect(problem).toContainText('This page ran into a problem', { timeout: 5_000 });
  await expect(problem).toContainText('The console was updated');
  await expect(problem.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(shell.nav()).toBeVisible();
});
