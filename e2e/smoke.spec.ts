import { expect, test } from './fixtures';

test('the shell renders in a real browser', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Backup Console' })).toBeVisible();
});

test('the service answers its health check', async ({ request }) => {
  const res = await request.get('/health');
  expect(res.ok()).toBe(true);
  expect(await res.json()).toMatchObject({ status: 'ok' });
});
