import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { ConfigurationsPage } from './pages/configurations-page';
import { SignInPage } from './pages/sign-in-page';
import { Shell } from './pages/shell';
import { scratchDir } from './support/scratch';
import { ExtraService } from './support/service';

/** Presses a fault's Try again, unless its connection's own poll has taken the fault away first. */
async function tryAgain(fault: Locator) {
  if ((await fault.count()) === 0) return;
  await fault
    .getByRole('button', { name: 'Try again' })
    .click({ timeout: 5_000 })
    .catch(async (error: unknown) => {
      if ((await fault.count()) > 0) throw error;
    });
}

// A service of its own: it is restarted with FAULTS on and off, which the shared one must not be.
test('a service fault is shown with its message, and the console recovers by itself', async ({ page }) => {
  test.setTimeout(120_000);
  const service = new ExtraService(scratchDir('faults'));
  try {
    await service.start();
    await page.goto(`${service.url}/configurations`);
    await new SignInPage(page).signInAs('viewer');
    const list = new ConfigurationsPage(page);
    const shell = new Shell(page);
    await expect(list.rows().first()).toBeVisible();
    await expect(shell.liveIndicator()).toHaveAttribute('data-liveness', 'live');

    // Every API answer fails now (the console's own files still load).
    await service.stop();
    await service.start(['--faults', 'errors=1']);
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: 'Injected fault (FAULTS)' }).first();
    await expect(alert).toBeVisible({ timeout: 30_000 });
    await expect(shell.liveIndicator()).toHaveAttribute('data-liveness', /^(failing|reconnecting)$/);
    await expect(shell.heading()).toHaveText('Configurations'); // never a blank page

    // Healthy again: "Try again" brings each connection's data back, and the indicator is live.
    await service.stop();
    await service.start();
    // Each connection's alert by its name, not by a count of the injected faults read once: a
    // connection whose retry fell into the restart says it "cannot be reached" instead, and a
    // connection's own next poll (20 s after a failure) may bring its data back before its Try again.
    const connections = ['Rackspace DFW (v1.0)', 'Rackspace ORD (v2)'];
    for (const connection of connections) {
      const fault = page.getByRole('alert').filter({ hasText: connection });
      await tryAgain(fault);
      await expect(fault).toHaveCount(0, { timeout: 15_000 });
    }
    await expect(page.getByRole('alert').filter({ hasText: 'Injected fault' })).toHaveCount(0);
    await expect(list.rows().first()).toBeVisible();
    await expect(shell.liveIndicator()).toHaveAttribute('data-liveness', 'live');
  } finally {
    await service.stop();
  }
});

test('a connection refused at sign-in by a fault and let in on Retry leads on to the page', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const service = new ExtraService(scratchDir('faults'));
  try {
    await service.start(['--faults', 'errors=1']);
    await page.goto(`${service.url}/activity`);
    const signIn = new SignInPage(page);
    await signIn.signIn('viewer');
    const retries = signIn.connections().getByRole('button', { name: /^Retry / });
    await expect(retries).toHaveCount(3);

    // The fault is gone: each Retry lets its connection in, and the last one leads on.
    await service.stop();
    await service.start();
    for (let left = 3; left > 0; left -= 1) {
      await retries.first().click();
      await expect(retries).toHaveCount(left - 1);
    }
    await expect(page).toHaveURL(/\/activity$/);
    await expect(new Shell(page).heading()).toHaveText('Activity');
  } finally {
    await service.stop();
  }
});

test('a service that answers with errors is said to, and the Overview keeps its last data', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const service = new ExtraService(scratchDir('faults'));
  try {
    await service.start();
    // Veeam out of reach from the start: its part fails while the others' data shows.
    await page.route('**/v5/**', (route) =>
      /\/v5\/token$/i.test(new URL(route.request().url()).pathname)
        ? route.continue()
        : route.abort('connectionrefused'),
    );
    await page.goto(`${service.url}/`);
    await new SignInPage(page).signInAs('viewer');
    const shell = new Shell(page);
    const succeeded = page.getByTestId('count-succeeded');
    const veeam = page.getByRole('alert').filter({ hasText: 'Veeam Microsoft 365' });
    await expect(veeam).toBeVisible({ timeout: 30_000 });
    await expect(succeeded).toBeVisible();

    // Trying Veeam again must not take the other connections' data off the screen meanwhile.
    await page.evaluate(() => {
      const seen = window as unknown as { countsGone?: boolean };
      seen.countsGone = false;
      new MutationObserver(() => {
        if (!document.querySelector('[data-testid="count-succeeded"]')) seen.countsGone = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    // Nor its own error: it stays while Veeam is asked again (no spinner in its place at each attempt).
    const askedAgain = page.waitForRequest((r) => /\/v5\/(?!token)/i.test(new URL(r.url()).pathname));
    await veeam.getByRole('button', { name: 'Try again' }).click();
    await askedAgain;
    await expect(veeam).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { countsGone?: boolean }).countsGone)).toBe(false);

    // Every answer is an error now: the service is there and says so; that is not "cannot be reached".
    await service.stop();
    await service.start(['--faults', 'errors=1']);
    // The person comes back to the tab: the refetches meet the errors (the next idle poll would, in up
    // to 20 s).
    await expect(async () => {
      await shell.comeBackToTab();
      await expect(shell.liveIndicator()).toHaveAttribute('data-liveness', 'failing', { timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await expect(shell.liveIndicator()).toContainText('Service errors');
    await expect(shell.liveIndicator()).toContainText('The service answers with errors');
    await expect(shell.liveIndicator()).not.toContainText('cannot be reached');
    await expect(succeeded).toBeVisible();
  } finally {
    await service.stop();
  }
});
