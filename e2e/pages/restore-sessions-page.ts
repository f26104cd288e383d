import type { Page } from '@playwright/test';

/** The Restore sessions list, the "open a restore session" dialog and a session's page. */
export class RestoreSessionsPage {
  constructor(readonly page: Page) {}

  readonly table = () => this.page.getByRole('table', { name: 'Restore sessions' });
  readonly rows = () => this.table().locator('tbody tr[data-status]');
  readonly openButton = () => this.page.getByRole('button', { name: 'Open a restore session' });
  readonly dialog = () => this.page.getByRole('dialog', { name: 'Open a restore session' });
  readonly state = () => this.page.getByTestId('restore-session-state');
  readonly events = () => this.page.getByRole('table', { name: 'Restore session events' });
  /** Stop buttons on the page itself (a confirmation dialog lives outside <main>). */
  readonly stopButtons = () => this.page.getByRole('main').getByRole('button', { name: /^Stop / });

  async goto() {
    await this.page.goto('/restore-sessions');
    await this.rows().first().waitFor();
  }

  /** Fills the explore form: a job whose label contains `job`, an Explorer, and the two switches. */
  async explore(job: string, explorer: 'Exchange' | 'SharePoint' | 'OneDrive' | 'Teams') {
    const form = this.dialog();
    const select = form.getByRole('combobox', { name: 'Job' });
    const value = await select.locator('option', { hasText: job }).first().getAttribute('value');
    await select.selectOption(value ?? '');
    await form.getByRole('radio', { name: explorer }).check();
    await form.getByLabel('Show deleted items').check();
    await form.getByRole('button', { name: 'Open restore session' }).click();
  }

  async stop() {
    await this.stopButtons().click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Stop session' }).click();
  }
}
