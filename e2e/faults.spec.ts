import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { ConfigurationsPage } from './pages/configurations-page';
import { SignInPage } from './pages/sign-in-page';
import { Shell } from './pages/shell';
import { ExtraService } from './support/service';

// A service of its own: it is restarted with FAULTS on and off, which the shared one must not be.
test('a service fault is shown with its message, and the console recovers by itself', async ({ page }) => {
  test.setTimeout(120_000);
  const service = new ExtraService(mkdtempSync(join(tmpdir(), 'backup-console-faults-')));
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
    await expect(shell.liveIndicator()).toHaveAttribute('data-liveness', /^(offline|reconnecting)$/);
    await expect(shell.heading()).toHaveText('Configurations'); // never a blank page

    // Healthy again: "Try again" brings each connection's data back, and the indicator is live.
    await service.stop();
    await service.start();
    const faults = page.getByRole('alert').filter({ hasText: 'Injected fault' });
    for (let left = await faults.count(); left > 0; left -= 1) {
      await faults.first().getByRole('button', { name: 'Try again' }).click();
      await expect(faults).toHaveCount(left - 1, { timeout: 15_000 });
    }
    await expect(list.rows().first()).toBeVisible();
    await expect(shell.liveIndicator()).toHaveAttribute('data-liveness', 'live');
  } finally {
    await service.stop();
  }
});
