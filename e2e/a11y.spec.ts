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

    // Floating parts that only show on use: a list that searches as one types, and a tooltip.
    test("the restore wizard's searchable list, open and finding nothing, has no serious or critical accessibility violation", async ({
      page,
      shell,
      checkA11y,
    }) => {
      await page.goto('/restores/new');
      await shell.useColorScheme(scheme);
      await page.getByRole('combobox', { name: 'Connection' }).selectOption({ index: 1 });
      const configuration = page.getByRole('combobox', { name: 'Configuration' });
      await expect(configuration).toBeEnabled();
      await configuration.click();
      await configuration.press('ArrowDown');
      await configuration.press('ArrowDown');
      await expect(configuration).toHaveAttribute('aria-activedescendant', /.+/);
      await checkA11y(`the configuration list, open (${scheme})`);
      // The search removes the option the arrow keys reached: the input must not name it any more.
      await configuration.fill('no configuration is called this');
      await expect(page.getByRole('option', { name: 'No configuration matches' })).toBeVisible();
      // A screen reader hears it too, once the typing pauses: a polite status, hidden from sight.
      await expect(page.getByRole('status').filter({ hasText: 'No configuration matches' })).toHaveCSS(
        'position',
        'absolute',
      );
      await checkA11y(`the configuration list, finding nothing (${scheme})`);
      await configuration.fill('dfw');
      await expect(page.getByRole('status').filter({ hasText: /^\d+ configurations match/ })).toHaveCount(1);
    });

    test("a disabled action's reason has no serious or critical accessibility violation", async ({
      page,
      shell,
      checkA11y,
    }) => {
      const list = new ConfigurationsPage(page);
      await list.goto('?enabled=disabled');
      await shell.useColorScheme(scheme);
      await list.open(0);
      await page.getByRole('button', { name: /^Start a backup of / }).hover();
      await expect(page.getByRole('tooltip')).toHaveText('The configuration is disabled; enable it first.');
      await checkA11y(`a disabled action's reason (${scheme})`);
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
