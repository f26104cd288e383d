import { expect, test } from './fixtures';

test.describe('signing in', () => {
  test('one form signs in to every connection and returns to the page asked for', async ({
    page,
    signInPage,
    shell,
  }) => {
    await page.goto('/configurations?q=daily');
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await expect(page).toHaveTitle('Sign in · Backup Console');
    await signInPage.signIn('support');
    await expect(page).toHaveURL(/\/configurations\?q=daily$/);
    await expect(shell.currentRole()).toHaveText('(support)');
    const panel = page
      .getByRole('region', { name: 'Connections' })
      .or(page.locator('section[aria-labelledby="connections-heading"]'));
    await expect(panel.locator('[data-status="signed-in"]')).toHaveCount(3);
  });

  test('a wrong password is refused per connection with the service message, and a retry works', async ({
    page,
    signInPage,
  }) => {
    await signInPage.goto();
    await signInPage.signIn('viewer', 'wrong-password');
    const results = signInPage.connections();
    await expect(results.getByRole('alert')).toHaveCount(3);
    await expect(results.getByRole('button', { name: /^Retry / })).toHaveCount(3);
    await expect(page).toHaveURL(/\/sign-in/);
    // Retrying with the same wrong password is refused again: the retry really asks the service.
    await results.getByRole('button', { name: 'Retry Veeam Microsoft 365' }).click();
    await expect(results.locator('[data-connection="veeam"]').getByRole('alert')).toBeVisible();
  });

  test('an API key signs in to Rackspace, and Veeam asks for a password', async ({ page, signInPage }) => {
    await signInPage.goto();
    await signInPage.username().fill('admin');
    await page.getByText('With an API key (Rackspace)').click();
    await page.getByLabel('API key', { exact: true }).fill('demo-admin-0f6e9f63600142f0a970911583522217');
    await signInPage.submit().click();
    const results = signInPage.connections();
    await expect(
      results.locator('[data-connection="rackspace-dfw"] [data-status="signed-in"]'),
    ).toBeVisible();
    await expect(
      results.locator('[data-connection="rackspace-ord"] [data-status="signed-in"]'),
    ).toBeVisible();
    await expect(results.locator('[data-connection="veeam"]').getByRole('alert')).toBeVisible();
    await page.getByRole('button', { name: 'Continue with the connections signed in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  });
});

test.describe('signed in', () => {
  test.use({ role: 'admin' });

  test('signing out forgets the session and the page it was on', async ({ page, shell, signInPage }) => {
    await page.goto('/configurations?q=daily');
    await expect(shell.heading()).toHaveText('Configurations');
    await shell.signOut().click();
    // No ?next=: the next person to sign in here must not land on the previous person's page.
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(
      page.getByRole('list', { name: 'Connections' }).locator('[data-status="signed-out"]'),
    ).toHaveCount(3);
    await signInPage.signInAs('viewer');
    await expect(shell.heading()).toHaveText('Overview');
    await expect(shell.currentRole()).toHaveText('(viewer)');
    await shell.signOut().click();
    await page.goto('/activity');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Factivity/);
  });

  test('signing out ends the Rackspace tokens on the service: a copy of them no longer works', async ({
    page,
    shell,
    request,
  }) => {
    await page.goto('/');
    await expect(shell.heading()).toHaveText('Overview');
    type Saved = { sessions: Record<string, { token: string; baseUrl: string }> };
    const saved = await page.evaluate(() => sessionStorage.getItem('backup-console.session'));
    const { sessions } = JSON.parse(saved ?? '{}') as Saved;
    const copies = [
      { url: `${sessions['rackspace-dfw']!.baseUrl}/user/agents`, token: sessions['rackspace-dfw']!.token },
      { url: `${sessions['rackspace-ord']!.baseUrl}/agents`, token: sessions['rackspace-ord']!.token },
    ];
    const status = async (copy: { url: string; token: string }) =>
      (await request.get(copy.url, { headers: { 'X-Auth-Token': copy.token } })).status();
    for (const copy of copies) expect(await status(copy)).toBe(200);
    await shell.signOut().click();
    await expect(page).toHaveURL(/\/sign-in$/);
    for (const copy of copies) await expect.poll(() => status(copy)).toBe(401);
  });

  test('an expired session sends the person to sign in and back to the same page', async ({
    page,
    shell,
    signInPage,
    expireTokens,
  }) => {
    await page.goto('/configurations?enabled=enabled');
    await expect(page.getByRole('table', { name: 'Configurations' })).toBeVisible();
    await expireTokens();
    // The person comes back to the tab: the refetch meets a 401 (the next idle poll would, in up to 20 s).
    await expect(async () => {
      await shell.comeBackToTab();
      await expect(page).toHaveURL(/\/sign-in\?next=%2Fconfigurations%3Fenabled%3Denabled&reason=expired/, {
        timeout: 1_000,
      });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByText('Your session expired')).toBeVisible();
    await signInPage.signIn('admin');
    await expect(page).toHaveURL(/\/configurations\?enabled=enabled$/);
    await expect(shell.heading()).toHaveText('Configurations');
  });
});
