import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { ExplorerPage } from './pages/explorer-page';
import { RestoreSessionsPage } from './pages/restore-sessions-page';
import { Shell } from './pages/shell';

/** Generous waits: the first read of a session's content is the slowest step on a loaded machine. */
const SLOW = { timeout: 30_000 };

test.describe('Working inside a restore session as support', () => {
  test.use({ role: 'support' });
  test.describe.configure({ timeout: 180_000 });

  test('opens an Exchange session, finds a mail by subject, restores it to another mailbox, and sees the counters and the event', async ({
    page,
    checkA11y,
  }) => {
    const sessions = new RestoreSessionsPage(page);
    const explorer = new ExplorerPage(page);
    await sessions.goto();
    await sessions.openButton().click();
    await sessions.explore('Contoso', 'Exchange');
    await expect(sessions.state()).toHaveAttribute('data-status', 'running', SLOW);
    await expect(explorer.context()).toContainText('contoso', SLOW);
    await expect(explorer.context()).toContainText(/Point in time\s*\w/);

    const target = await explorer.place('Anna').locator('[title]').first().getAttribute('title', SLOW);
    expect(target).toMatch(/@/);
    await explorer.tree().getByRole('treeitem').first().click();
    await explorer.open('Inbox');
    await expect(explorer.rows('Inbox').first()).toBeVisible(SLOW);
    const subject = (await explorer.rows('Inbox').nth(2).getByRole('link').textContent()) ?? '';
    expect(subject).not.toBe('');
    await explorer.search().fill(subject);
    await expect(explorer.rows('Inbox').first()).toContainText(subject);
    const found = explorer.rows('Inbox').filter({ hasText: subject }).first();
    await found.getByRole('checkbox').check();
    await expect(page.getByText('1 selected')).toBeVisible();

    await page.getByRole('button', { name: 'Restore to another mailbox' }).click();
    const dialog = explorer.dialog('Restore to another mailbox');
    // The dialog opens on its first field, not on its ×.
    await expect(dialog.getByLabel('Target mailbox')).toBeFocused();
    await dialog.getByLabel('Target mailbox').fill(target!);
    await dialog.getByLabel('Folder').fill('Recovered');
    await dialog.getByLabel('Mark restored items as unread').check();
    await dialog.getByLabel('Microsoft 365 account').fill('admin@contoso.com');
    await dialog.locator('input[type="password"]').fill('demo-restore');
    await dialog.getByRole('button', { name: 'Next' }).click();
    await expect(dialog).toContainText(`Target mailbox: ${target}`);
    await expect(dialog).toContainText('Mark restored items as unread: yes');
    await dialog.getByRole('button', { name: /^Confirm/ }).click();
    const counters = dialog.getByRole('table', { name: 'Counters' });
    await expect(counters).toBeVisible({ timeout: 30_000 });
    await expect(counters.getByRole('rowheader', { name: 'Created' })).toBeVisible();
    await expect(counters.getByRole('rowheader', { name: 'Failed' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await expect(sessions.events()).toContainText(target!, { timeout: 15_000 });
    await checkA11y('the explorer after a restore');
  });

  test('saves a OneDrive document and gets the file', async ({ page }) => {
    const sessions = new RestoreSessionsPage(page);
    const explorer = new ExplorerPage(page);
    await sessions.goto();
    await sessions.openButton().click();
    await sessions.explore('Contoso', 'OneDrive');
    await expect(sessions.state()).toHaveAttribute('data-status', 'running', SLOW);
    await explorer.tree().getByRole('treeitem').first().click(SLOW);
    const table = page.getByRole('table', { name: /^Items in / });
    const row = table.locator('tbody tr[data-status="current"]').first();
    await expect(row).toBeVisible(SLOW);
    const name = (await row.getByRole('link').textContent()) ?? '';
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = explorer.dialog('Save');
    await dialog.getByRole('button', { name: 'Next' }).click();
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: /^Confirm/ }).click();
    const file = await download;
    await expect(dialog.getByTestId('action-outcome')).toBeVisible(SLOW);
    expect(file.suggestedFilename()).toBe(name);
    const bytes = await readFile(await file.path());
    expect(bytes.length).toBeGreaterThan(0);
    await expect(dialog.getByTestId('action-outcome')).toContainText(`${name} was saved`);
  });

  test('keyboard: the tree keeps a tab stop when the branch of the selected folder closes, and closing the details or a dialog gives focus back to what opened it', async ({
    page,
  }) => {
    const sessions = new RestoreSessionsPage(page);
    const explorer = new ExplorerPage(page);
    await sessions.goto();
    await sessions.openButton().click();
    await sessions.explore('Contoso', 'Exchange');
    await expect(sessions.state()).toHaveAttribute('data-status', 'running', SLOW);

    // A folder selected with Enter, then ArrowLeft twice: focus to its mailbox, which closes.
    const mailbox = explorer.tree().getByRole('treeitem').first();
    await mailbox.focus(SLOW);
    await page.keyboard.press('ArrowRight');
    await expect(mailbox).toHaveAttribute('aria-expanded', 'true', SLOW);
    const folder = mailbox.getByRole('group').getByRole('treeitem').first();
    await expect(folder).toBeVisible(SLOW);
    await page.keyboard.press('ArrowDown');
    await expect(folder).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(folder).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowLeft');
    await expect(mailbox).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(mailbox).toHaveAttribute('aria-expanded', 'false');
    await expect(explorer.tree().locator('[role="treeitem"][tabindex="0"]')).toHaveCount(1);
    await page.keyboard.press('Tab');
    await expect(mailbox).not.toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(mailbox).toBeFocused();

    // An item's details opened with Enter on its link and closed with Escape: focus on the link again.
    await mailbox.click();
    await explorer.open('Inbox');
    await expect(explorer.rows('Inbox').nth(2)).toBeVisible(SLOW);
    const link = explorer.rows('Inbox').nth(1).getByRole('link');
    await link.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog');
    await expect(drawer).toBeVisible(SLOW);
    await expect(drawer.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(drawer).toHaveCount(0);
    await expect(link).toBeFocused();

    // The same for an action's dialog and its button.
    await explorer.rows('Inbox').first().getByRole('checkbox').check();
    const button = page.getByRole('button', { name: 'Restore to the original mailbox' });
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = explorer.dialog('Restore to the original mailbox');
    await expect(dialog).toBeVisible();
    await expect(dialog.locator(':focus')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(button).toBeFocused();
  });

  test('keyboard: PageDown, End and Home on a selection box keep the focus in the item list, on the row now at its place', async ({
    page,
  }) => {
    const explorer = new ExplorerPage(page);
    await explorer.openExchangeInbox();
    await expect(explorer.rows('Inbox').nth(8)).toBeAttached(SLOW);
    const focused = explorer.focusedRow('Inbox');
    const focusedIndex = async () => Number(await focused.getAttribute('aria-rowindex'));
    await explorer.rows('Inbox').nth(2).getByRole('checkbox').focus();
    await expect(focused).toHaveAttribute('aria-rowindex', '4');

    // The list scrolls a screenful, the focused row leaves it: the focus goes to the row now at its place.
    await page.keyboard.press('PageDown');
    await expect.poll(focusedIndex).toBeGreaterThan(10);
    await page.keyboard.press('PageDown');
    await expect.poll(focusedIndex).toBeGreaterThan(20);
    await expect(focused.getByRole('checkbox')).toBeFocused();
    await expect(focused).toBeInViewport();
    await page.keyboard.press('End');
    await expect.poll(focusedIndex).toBeGreaterThan(40);
    await expect(focused).toBeInViewport();
    await page.keyboard.press('Home');
    await expect.poll(focusedIndex).toBeLessThan(20);
    await expect(focused.getByRole('checkbox')).toBeFocused();
    await expect(focused).toBeInViewport();
    // Tab goes on from there, to the same row's link.
    await page.keyboard.press('Tab');
    await expect(focused.getByRole('link')).toBeFocused();
  });

  test('keyboard: after Back, Tab into the tree lands on the folder selected again', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.openExchangeInbox();
    const inbox = explorer.place('Inbox');
    await expect(inbox).toHaveAttribute('aria-selected', 'true');
    // The next folder selected from the keyboard, then Back.
    await inbox.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(inbox).toHaveAttribute('aria-selected', 'false');
    await expect(explorer.tree().locator(':focus')).toHaveAttribute('aria-selected', 'true');
    await page.goBack();
    await expect(inbox).toHaveAttribute('aria-selected', 'true');
    await explorer.search().focus();
    await page.keyboard.press('Shift+Tab');
    await expect(inbox).toBeFocused();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the explorer has no accessibility violations in ${scheme} mode`, async ({ page, checkA11y }) => {
      const sessions = new RestoreSessionsPage(page);
      const explorer = new ExplorerPage(page);
      await sessions.goto();
      await new Shell(page).useColorScheme(scheme);
      await sessions.openButton().click();
      await sessions.explore('Contoso', 'Exchange');
      await explorer.tree().getByRole('treeitem').first().click(SLOW);
      await explorer.open('Inbox');
      await expect(explorer.rows('Inbox').first()).toBeVisible(SLOW);
      await explorer.rows('Inbox').first().getByRole('checkbox').check();
      await checkA11y(`the explorer (${scheme})`);
      await page.getByRole('button', { name: 'Restore to the original mailbox' }).click();
      await expect(explorer.dialog('Restore to the original mailbox')).toBeVisible();
      await checkA11y(`the restore dialog (${scheme})`);
    });
  }
});

test.describe('A restore session as a viewer', () => {
  test.use({ role: 'viewer' });

  test('sees an open session, its state and events, but not its content', async ({ page }) => {
    const sessions = new RestoreSessionsPage(page);
    await page.goto('/restore-sessions?state=open');
    await sessions.rows().first().getByRole('link').click();
    await expect(sessions.state()).toHaveAttribute('data-status', 'running', SLOW);
    await expect(sessions.events()).toBeVisible();
    await expect(page.getByRole('tree')).toHaveCount(0);
    await expect(page.getByTestId('session-context')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Restore / })).toHaveCount(0);
  });
});
