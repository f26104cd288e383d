import { expect, test } from './fixtures';
import { ConfigurationsPage } from './pages/configurations-page';

const PAGES = ['/', '/configurations', '/activity', '/no/such/page'];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ role: 'admin', colorScheme: scheme });

    // One test per page, so that a failure names its page and each stays well inside its time limit
    // while another worker shares the machine.
    for (const path of PAGES) {
      test(`${path} has no serious or critical accessibility violation`, async ({
        page,
        shell,
        checkA11y,
      }) => {
        await page.goto(path);
        await shell.useColorScheme(scheme);
        await expect(shell.heading()).toBeVisible();
        await expect(page.getByRole('status', { name: /^Loading/ })).toHaveCount(0);
        await checkA11y(`${path} (${scheme})`);
      });
    }

    test("a configuration's page and its confirmation dialog have no serious or critical accessibility violation", async ({
      page,
      shell,
      checkA11y,
    }) => {
      const list = new ConfigurationsPage(page);
      await list.goto();
      await shell.useColorScheme(scheme);
      await list.open(0);
      await expect(page.getByRole('table', { name: 'Backup history' })).toBeVisible();
      await checkA11y(`a configuration's page (${scheme})`);
      await page.getByRole('button', { name: /^Disable / }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      // Measure contrast once the fade-in is over, not halfway through it.
      await expect(page.locator('.mantine-Modal-content')).toHaveCSS('opacity', '1');
      await checkA11y(`the confirmation dialog (${scheme})`);
      await page.getByRole('button', { name: 'Cancel' }).click();
    });
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`signed out, ${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    test('the sign-in page has no serious or critical accessibility violation', async ({
      signInPage,
      checkA11y,
    }) => {
      await signInPage.goto();
      await signInPage.signIn('viewer', 'wrong');
      await expect(signInPage.connections().getByRole('alert')).toHaveCount(3);
      await checkA11y(`the sign-in page (${scheme})`);
    });
  });
}
