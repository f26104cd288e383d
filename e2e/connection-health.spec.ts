import { writeFileSync } from 'node:fs';
import type { Server } from 'node:net';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SignInPage } from './pages/sign-in-page';
import { Shell } from './pages/shell';
import { freePortSync } from './support/free-port';
import { scratchDir } from './support/scratch';
import { ExtraService } from './support/service';

/**
 * A console server whose connections file holds one connection that works and three that do not: a
 * wrong password, a closed port, and a listener that takes the connection and never answers.
 */
const dir = scratchDir('connection-health');
const server = new ExtraService(join(dir, 'console'));
const closedPort = freePortSync();
const silentPort = freePortSync();
let silent: Server | null = null;

test.beforeAll(async () => {
  silent = createServer((socket) => socket.on('data', () => undefined));
  await new Promise<void>((resolve) => silent?.listen(silentPort, '127.0.0.1', resolve));
  const credentials = (env: string) => ({ username: 'admin', password: { env } });
  writeFileSync(
    join(dir, 'connections.json'),
    JSON.stringify({
      connections: [
        {
          id: 'rs-ok',
          label: 'RS OK',
          dialect: 'rackspace-v1',
          identityUrl: '/v2.0',
          region: 'DFW',
          credentials: credentials('GOOD_PASSWORD'),
        },
        {
          id: 'rs-bad',
          label: 'RS wrong password',
          dialect: 'rackspace-v2',
          identityUrl: '/v2.0',
          region: 'ORD',
          credentials: credentials('BAD_PASSWORD'),
        },
        {
          id: 'veeam-down',
          label: 'Veeam down',
          dialect: 'veeam-v5',
          baseUrl: `http://127.0.0.1:${closedPort}/v5`,
          credentials: credentials('GOOD_PASSWORD'),
        },
        {
          id: 'veeam-silent',
          label: 'Veeam silent',
          dialect: 'veeam-v5',
          baseUrl: `http://127.0.0.1:${silentPort}/v5`,
          credentials: credentials('GOOD_PASSWORD'),
        },
      ],
    }),
  );
  await server.start([], {
    CONSOLE_CONNECTIONS: join(dir, 'connections.json'),
    GOOD_PASSWORD: 'demo',
    BAD_PASSWORD: 'not-the-password',
  });
});

test.afterAll(async () => {
  await server.stop();
  await new Promise((resolve) => (silent ? silent.close(resolve) : resolve(undefined)));
  silent = null;
});

/**
 * Watches, in the page, whether an alert holding `text` is ever gone from now on; the returned function
 * says whether it was.
 */
async function watchGone(page: Page, text: string): Promise<() => Promise<boolean>> {
  await page.evaluate((t) => {
    const present = () =>
      [...document.querySelectorAll('[role="alert"]')].some((a) => a.textContent?.includes(t));
    const w = window as unknown as { gone?: boolean };
    w.gone = !present();
    new MutationObserver(() => (w.gone ||= !present())).observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  }, text);
  return () => page.evaluate(() => (window as unknown as { gone?: boolean }).gone === true);
}

/** Signs in as an admin and opens `path`. */
async function openAsAdmin(page: Page, path: string) {
  await page.goto(`${server.url}/sign-in`);
  await new SignInPage(page).signInAs('admin');
  await page.goto(`${server.url}${path}`);
}

/**
 * Asks the page's reads again (the person comes back to the tab) and checks that the alert holding
 * `text` stayed on screen throughout, until Veeam down's read was answered.
 */
async function alertStaysWhileAskedAgain(page: Page, text: string) {
  const gone = await watchGone(page, text);
  const answered = page.waitForResponse((r) => r.url().includes('/console/api/connections/veeam-down/'));
  await new Shell(page).comeBackToTab();
  await answered;
  await expect.poll(gone).toBe(false);
}

test("the Overview shows the working connection's runs at once, keeps each failing one's error, and names the one that does not answer", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openAsAdmin(page, '/');
  const nextUp = page.getByRole('region', { name: 'Next up' });
  // RS OK's configurations, long before the silent connection's server-side timeout.
  await expect(nextUp.getByRole('listitem').first()).toContainText('RS OK', { timeout: 8_000 });
  const wrongPassword = page.getByRole('alert').filter({ hasText: 'Could not load RS wrong password' });
  const down = page.getByRole('alert').filter({ hasText: 'Could not load Veeam down' });
  await expect(wrongPassword).toBeVisible();
  await expect(down).toBeVisible();
  const silentNotice = page.getByRole('status').filter({ hasText: 'Veeam silent is not answering' });
  await expect(silentNotice).toBeVisible({ timeout: 15_000 });

  // Asked again (the person comes back to the tab): the errors and the data stay while it is on its way.
  await alertStaysWhileAskedAgain(page, 'Could not load Veeam down');
  await expect(wrongPassword).toBeVisible();
  await expect(nextUp).toBeVisible();
  await expect(page.getByRole('status', { name: 'Loading the overview' })).toHaveCount(0);
});

test("the Jobs list names the connection that does not answer and keeps the failing one's error", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openAsAdmin(page, '/jobs');
  const down = page.getByRole('alert').filter({ hasText: 'Could not load the jobs of Veeam down' });
  await expect(down).toBeVisible({ timeout: 15_000 });
  const silentNotice = page.getByRole('status').filter({ hasText: 'Veeam silent is not answering' });
  await expect(silentNotice).toBeVisible({ timeout: 15_000 });
  await alertStaysWhileAskedAgain(page, 'Could not load the jobs of Veeam down');
  await expect(down).toBeVisible();
});

test('the header and the navigation say which connections fail, and why, from the requests and the server', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openAsAdmin(page, '/');
  const shell = new Shell(page);
  const indicator = shell.liveIndicator();
  await expect(indicator).toContainText(/RS wrong password: (service errors|reconnecting) \(.+\)/, {
    timeout: 15_000,
  });
  await expect(indicator).toContainText(/Veeam down: (service errors|reconnecting) \(.+\)/);
  await expect(indicator).toContainText('RS OK: live');
  await expect(indicator).toHaveAttribute('data-liveness', 'failing');
  // The silent one, once the server has given up on it.
  await expect(indicator).toContainText(/Veeam silent: (service errors|reconnecting)/, { timeout: 40_000 });

  const panel = page.getByRole('region', { name: 'Connections' });
  const row = (id: string) => panel.locator(`li[data-connection="${id}"]`);
  await expect(row('rs-ok')).toHaveAttribute('data-liveness', 'live');
  for (const id of ['rs-bad', 'veeam-down', 'veeam-silent'])
    await expect(row(id)).toHaveAttribute('data-liveness', /^(failing|reconnecting)$/);
  await expect(row('rs-bad')).toContainText(
    /^RS wrong passwordSigned in · admin(Service errors|Reconnecting) \(.+\)$/,
  );

  // A page that reads none of them: the navigation still says they fail, from the server's stream.
  await page.goto(`${server.url}/audit`);
  await expect(row('rs-bad')).toHaveAttribute('data-liveness', /^(failing|reconnecting)$/, {
    timeout: 15_000,
  });
  await expect(row('veeam-down')).toHaveAttribute('data-liveness', /^(failing|reconnecting)$/);
});
