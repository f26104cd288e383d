import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { rowsRegion } from '../support/lists';

/** The Jobs list and a job's page. */
export class JobsPage {
  constructor(readonly page: Page) {}

  readonly table = () => this.page.getByRole('table', { name: 'Jobs' });
  readonly rows = () => this.table().locator('tbody tr[data-status]');
  /** Labelled with the number of every job on the list, not only of those rendered in view. */
  readonly rowsRegion = () => rowsRegion(this.page, 'Jobs');
  readonly row = (name: string) =>
    this.rows().filter({ has: this.page.getByRole('link', { name, exact: true }) });
  readonly search = () => this.page.getByLabel('Search jobs');
  /** Every button that changes something, in the list or on a job's page. */
  readonly commandButtons = () =>
    this.page.getByRole('button', { name: /^(Start|Stop|Enable|Disable|Explore) / });
  readonly sessions = () => this.page.getByRole('table', { name: 'Job sessions' });
  readonly newestSession = () => this.sessions().locator('tbody tr').first();
  readonly sessionLog = () => this.page.getByRole('table', { name: 'Session log' });
  readonly enabledBadge = () => this.page.getByTestId('job-enabled');

  async goto() {
    await this.page.goto('/jobs');
    await this.rows().first().waitFor();
  }

  /** The name of the first job on the list. */
  async firstJobName(): Promise<string> {
    return (await this.rows().first().getByRole('link').first().innerText()).trim();
  }

  /**
   * An enabled job of this organization that is not running (its row offers Start and Disable). The
   * demo's Adventureworks jobs go through an offline proxy and fail at once, so specs name another.
   * Leaves the list searched for that job, so that its row is rendered: the table renders only the
   * rows in view and a few more, and a job further down an unfiltered list has no row to find.
   */
  async idleJob(organization: string): Promise<string> {
    await this.search().fill(organization);
    await expect(this.rows().first()).toContainText(organization, { ignoreCase: true });
    await expect(this.rows().filter({ hasNotText: new RegExp(organization, 'i') })).toHaveCount(0);
    const idle = this.table()
      .locator('tbody tr[data-enabled="true"]')
      .filter({ has: this.page.getByRole('button', { name: /^Start / }) })
      .first();
    const name = (await idle.getByRole('link').first().innerText()).trim();
    await this.search().fill(name);
    return name;
  }

  async openJob(name: string) {
    await this.row(name).getByRole('link', { name, exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name }).waitFor();
  }

  /** Clicks a command; confirms in the dialog when it asks. */
  async command(label: string, confirmLabel?: string) {
    await this.page.getByRole('button', { name: label, exact: true }).click();
    if (confirmLabel) await this.page.getByRole('dialog').getByRole('button', { name: confirmLabel }).click();
  }
}
