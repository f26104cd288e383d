import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { RestoreCandidate } from './restores-api';

/** The Restores list, the restore wizard and a restore's page. */
export class RestoresPage {
  constructor(readonly page: Page) {}

  readonly table = () => this.page.getByRole('table', { name: 'Restores' });
  readonly rows = () => this.table().locator('tbody tr[data-status]');
  readonly newRestore = () => this.page.getByRole('link', { name: 'New restore' });
  readonly state = () => this.page.getByTestId('restore-state');
  /** Stop buttons on the page itself (the confirmation dialog lives outside <main>). */
  readonly stopButtons = () => this.page.getByRole('main').getByRole('button', { name: /^Stop / });
  readonly next = () => this.page.getByRole('button', { name: 'Next', exact: true });
  readonly startButton = () => this.page.getByRole('button', { name: 'Start restore' });
  /** The wizard's word that its restore was created (a v1.0 draft) but did not start. */
  readonly draftNotice = () =>
    this.page.getByRole('alert').filter({ hasText: 'was created but did not start' });
  /** The vault password field of the step, notice or draft page on screen. */
  readonly vaultPassword = () =>
    this.page.getByLabel('Vault password', { exact: false }).and(this.page.locator('input'));

  async goto() {
    await this.page.goto('/restores');
    await this.rows().first().waitFor();
  }

  /** Walks the wizard for one backup and starts it; the vault password only when it is encrypted. */
  async runWizard(c: RestoreCandidate, options: { folder?: string; password?: string } = {}) {
    await this.fillWizard(c, options);
    await this.startButton().click();
    await expect(this.page).toHaveURL(new RegExp(`/restores/${c.connection.id}/[^/]+$`));
  }

  /** Walks the wizard up to its review step. */
  async fillWizard(c: RestoreCandidate, options: { folder?: string; password?: string } = {}) {
    const page = this.page;
    await page.goto('/restores/new');
    await page.getByRole('combobox', { name: 'Connection' }).selectOption({ label: c.connection.label });
    const configuration = page.getByRole('combobox', { name: 'Configuration' });
    await expect(configuration).toBeEnabled();
    await configuration.fill(c.configurationName);
    await page
      .getByRole('option', { name: new RegExp(`^${escape(c.configurationName)}`) })
      .first()
      .click();
    await this.next().click();

    await page.getByRole('radio', { name: new RegExp(`backup ${c.backupId}`) }).check();
    await this.next().click();

    await expect(page.getByRole('combobox', { name: 'Destination machine' })).toHaveValue(
      new RegExp(escape(c.machineName)),
    );
    if (options.folder) {
      await page.getByRole('radio', { name: 'Another folder' }).check();
      await page.getByRole('textbox', { name: 'Folder' }).fill(options.folder);
    }
    await page.getByRole('checkbox', { name: 'Overwrite files that already exist' }).check();
    await this.next().click();

    if (options.password !== undefined) {
      await this.next().click();
      await expect(page.getByRole('alert').filter({ hasText: 'vault password' })).toBeVisible();
      await page
        .getByRole('region', { name: 'Vault password' })
        .locator('input[type="password"]')
        .fill(options.password);
      await this.next().click();
    }
    const review = page.getByRole('region', { name: 'Review the restore' });
    await expect(review).toContainText(c.configurationName);
    await expect(review).toContainText(options.folder ?? 'The original location');
  }

  async stop() {
    await this.stopButtons().click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Stop restore' }).click();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
