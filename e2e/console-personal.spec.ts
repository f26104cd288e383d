import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { JobsPage } from './pages/jobs-page';
import { SignInPage } from './pages/sign-in-page';
import { scratchDir } from './support/scratch';
import { holdEntryChunk } from './support/hold-entry';
import { ExtraService } from './support/service';

/**
 * A connection that signs in each person with their own vendor account (`"signIn": "per-person"`),
 * beside one the server signs in to itself: the console asks for that person's own sign-in after the
 * console's, keeps the vendor token on the server, and asks again for that connection alone when the
 * server drops it.
 */
const dir = scratchDir('personal');
const connections = join(dir, 'connections.json');
writeFileSync(
  connections,
  JSON.stringify({
    connections: [
      {
        id: 'veeam',
        label: 'Veeam (service account)',
        dialect: 'veeam-v5',
        baseUrl: '/v5',
        credentials: { username: 'admin', password: { env: 'REFERENCE_PASSWORD' } },
      },
      { id: 'own', label: 'Veeam (own account)', dialect: 'veeam-v5', baseUrl: '/v5', signIn: 'per-person' },
    ],
  }),
);
const service = new ExtraService(join(dir, 'data'));

test.beforeAll(async () => {
  await service.start([], { CONSOLE_CONNECTIONS: connections, REFERENCE_PASSWORD: 'demo' });
});

test.afterAll(async () => {
  await service.stop();
});

test('a person signs in to the console, then to a per-person connection with their own account', async ({
  page,
  checkA11y,
}) => {
  // With a connection each person signs in to, the sign-in page keeps its code, which asks for that
  // step (console mode's sign-in page goes without when signing in to the console is all it does).
  const signInHtml = await (await page.request.get(`${service.url}/sign-in`)).text();
  expect(signInHtml).toContain('<script type="module"');
  // And its password field the button to show it, which works once the code has taken the page over.
  expect(signInHtml).toContain('aria-label="Toggle password visibility"');
  await page.goto(`${service.url}/jobs`);
  await new SignInPage(page).signIn('support');
  const own = page.getByRole('region', { name: 'Veeam (own account)' });
  await expect(own).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await checkA11y('the per-person sign-in step');

  // The vendor refuses a wrong password in its own words; what was typed stays.
  await own.getByLabel('Username').fill('admin');
  await own.getByLabel('Password', { exact: true }).fill('wrong');
  await own.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(own.getByRole('alert')).toContainText('Not signed in to Veeam (own account)');
  await expect(own.getByLabel('Username')).toHaveValue('admin');
  await own.getByLabel('Password', { exact: true }).fill('demo');
  await own.getByRole('button', { name: 'Sign in', exact: true }).click();

  // On to the page asked for, with both connections' jobs; the tab holds no vendor token.
  const jobs = new JobsPage(page);
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(jobs.rows().first()).toBeVisible();
  await expect(page.getByLabel('Connection', { exact: true }).locator('option')).toContainText([
    'Veeam (service account)',
    'Veeam (own account)',
  ]);
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
  expect(stored).not.toMatch(/"token":"[^"]/);

  // The server drops the person's own sign-in: that connection alone asks for it again, saying why.
  const dropped = await page.request.delete(`${service.url}/console/api/connections/own/session`, {
    headers: { 'content-type': 'application/json' },
  });
  expect(dropped.status()).toBe(204);
  await page.reload();
  await expect(own).toBeVisible();
  await expect(page.getByRole('alert').first()).toContainText('A sign-in ended');
  await page.getByRole('button', { name: 'Continue without' }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(jobs.rows().first()).toBeVisible();
  await expect(page.getByLabel('Connection', { exact: true }).locator('option')).not.toContainText([
    'Veeam (own account)',
  ]);
});

test("a person who signs in before the page's code has run still meets the per-person step on the way", async ({
  page,
}) => {
  // The page's code held back: the browser sends the form itself, as on a slow phone.
  const release = await holdEntryChunk(page);
  await page.goto(`${service.url}/sign-in?next=%2Fjobs`, { waitUntil: 'commit' });
  const form = new SignInPage(page);
  await form.username().fill('support');
  await form.password().fill('demo');
  // The browser's own POST, answered with the page it goes on to: the sign-in page's per-person step
  // (not `next` itself, past that step).
  const landing = page.waitForResponse(
    (r) => r.request().resourceType() === 'document' && r.request().method() === 'GET',
  );
  await form.submit().click();
  const landed = new URL((await landing).url());
  expect(landed.pathname).toBe('/sign-in');
  expect(landed.searchParams.get('next')).toBe('/jobs');
  expect((await landing).request().redirectedFrom()?.method()).toBe('POST');
  release();
  const own = page.getByRole('region', { name: 'Veeam (own account)' });
  await expect(own).toBeVisible();
  await own.getByLabel('Username').fill('admin');
  await own.getByLabel('Password', { exact: true }).fill('demo');
  await own.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(new JobsPage(page).rows().first()).toBeVisible();
});
