import { join } from 'node:path';
import type { TestIdp } from '../server/console/testing/oidc-idp';
import { IDP_CLIENT_ID, IDP_CLIENT_SECRET, startIdp } from '../server/console/testing/oidc-idp';
import type { Page } from './fixtures';
import { expect, test } from './fixtures';
import { JobsPage } from './pages/jobs-page';
import { Shell } from './pages/shell';
import { scratchDir } from './support/scratch';
import { ExtraService } from './support/service';

/**
 * Single sign-on into the console in console mode (docs/console-oidc.md), in Chromium: a real OpenID
 * Connect provider on 127.0.0.1 whose interaction handler signs in as the account the test names and
 * grants consent, and a console server of its own that holds the reference service's connections and
 * sends people to that provider.
 */
const dir = scratchDir('console-oidc');
const service = new ExtraService(join(dir, 'data'));
const LABEL = 'Sign in with Example ID';

/** The provider's people; the role claim is `backup_console_role`. */
const ACCOUNTS = {
  sam: { preferred_username: 'sam', email: 'sam@example.com', backup_console_role: 'support' },
  ada: { preferred_username: 'ada', backup_console_role: ['backup-admins'] },
  nora: { preferred_username: 'nora', backup_console_role: ['sales'] },
};

let idp: TestIdp | undefined;

test.beforeAll(async () => {
  idp = await startIdp({
    accounts: ACCOUNTS,
    redirectUris: [`${service.url}/console/api/oidc/callback`],
  });
  await service.start([], {
    // The README's connections file: the embedded reference service's, signed in to as its demo admin.
    CONSOLE_CONNECTIONS: 'server/console/reference-connections.json',
    REFERENCE_PASSWORD: 'demo',
    CONSOLE_OIDC_ISSUER: idp.url,
    CONSOLE_OIDC_CLIENT_ID: IDP_CLIENT_ID,
    CONSOLE_OIDC_CLIENT_SECRET: IDP_CLIENT_SECRET,
    CONSOLE_OIDC_ROLES: 'backup-admins:admin',
    CONSOLE_OIDC_LABEL: LABEL,
  });
});

test.afterAll(async () => {
  await service.stop();
  await idp?.close();
});

/** Opens /jobs signed out and clicks single sign-on; the provider signs in as `who` (`deny`: refuses). */
async function singleSignOn(page: Page, who: string) {
  idp!.answer = who;
  await page.goto(`${service.url}/jobs`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fjobs/);
  // The button's words are CONSOLE_OIDC_LABEL's; it leads to the console's start of the sign-in.
  const button = page.getByRole('link', { name: LABEL });
  await expect(button).toHaveAttribute('href', '/console/api/oidc/start?next=%2Fjobs');
  await button.click();
}

test('single sign-on with a role claim "support": back on /jobs, signed in as support', async ({ page }) => {
  await singleSignOn(page, 'sam');
  await expect(page).toHaveURL(`${service.url}/jobs`);
  const shell = new Shell(page);
  await expect(shell.heading()).toHaveText('Jobs');
  await expect(page.getByTestId('current-user')).toContainText('sam');
  await expect(shell.currentRole()).toHaveText('(support)');
  await expect(new JobsPage(page).rows().first()).toBeVisible();
  await expect(shell.navLink('Audit log')).toHaveCount(0);
  // The session is the console's HttpOnly cookie, as after a password sign-in.
  const cookies = await page.context().cookies(`${service.url}/console/api/session`);
  expect(cookies.find((c) => c.name === 'console_session')).toMatchObject({ httpOnly: true });
});

test('an account whose claim maps to no role: back on the sign-in page with why, not signed in', async ({
  page,
}) => {
  await singleSignOn(page, 'nora');
  // The page asked for is kept for the next try.
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fjobs&error=/);
  await expect(page.getByRole('alert')).toContainText(
    'Your single sign-on account (nora) has no role in this console: ask an administrator for access.',
  );
  await expect(page.getByRole('link', { name: LABEL })).toHaveAttribute(
    'href',
    '/console/api/oidc/start?next=%2Fjobs',
  );
  const status = await page.evaluate(async () => (await fetch('/console/api/session')).status);
  expect(status).toBe(401);
});

test('the provider refuses the sign-in: the sign-in page says so', async ({ page }) => {
  await singleSignOn(page, 'deny');
  await expect(page.getByRole('alert')).toContainText(
    'The single sign-on provider did not let you in (access_denied)',
  );
});

test('an administrator from single sign-on sees the audit log and their sign-in in it', async ({ page }) => {
  await singleSignOn(page, 'ada');
  await expect(page).toHaveURL(`${service.url}/jobs`);
  const shell = new Shell(page);
  await expect(shell.currentRole()).toHaveText('(admin)');
  await shell.navLink('Audit log').click();
  const row = page
    .getByRole('table', { name: 'Audit log' })
    .locator('tbody tr')
    .filter({ hasText: 'Single sign-on: ada' })
    .first();
  await expect(row).toContainText('sign-in');
});
