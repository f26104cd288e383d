import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { rowsIn, rowsRegion } from '../support/lists';

/**
 * Enabled configurations of one machine of the v2 connection whose agent is enabled in the demo data
 * (seed 42); each test acts on its own machine so that they do not meet.
 */
export const onMachine = (machine: string) => `?connection=rackspace-ord&enabled=enabled&q=${machine}`;

/** The Configurations list. Rows carry data-status (the last run's state, or running). */
export class ConfigurationsPage {
  constructor(readonly page: Page) {}

  readonly table = () => this.page.getByRole('table', { name: 'Configurations' });
  readonly rows = () => this.table().locator('tbody tr[data-status]');
  readonly search = () => this.page.getByLabel('Search configurations');
  readonly count = () => this.page.getByRole('status').filter({ hasText: /configurations$/ });
  readonly wakeAgents = () => this.page.getByRole('button', { name: /^Wake agents · / });
  readonly actionButtons = () =>
    this.table().getByRole('button', { name: /^(Start a backup of|Stop the backup of|Disable|Enable) / });

  async goto(query = '') {
    await this.page.goto(`/configurations${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Configurations' })).toBeVisible();
  }

  /** Opens the n-th row's configuration page and answers its name. */
  async open(n: number): Promise<string> {
    const name = (await this.rows().nth(n).getByRole('link').first().textContent()) ?? '';
    // By its name: rows may move between reading it and the click (another connection's answer
    // coming in puts its rows in order among them), and the n-th row's link is then another's.
    await this.table().getByRole('link', { name, exact: true }).first().click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
    return name;
  }
}

/** One configuration's page. */
export class ConfigurationPage {
  constructor(
    readonly page: Page,
    readonly name: string,
  ) {}

  readonly currentRun = () => this.page.getByTestId('current-run');
  readonly history = () => this.page.getByRole('table', { name: 'Backup history' });
  readonly historyRows = () => this.history().locator('tbody tr[data-status]');
  /** Labelled with the number of every backup of the history, not only of those rendered in view. */
  readonly historyRegion = () => rowsRegion(this.page, 'Backup history');
  readonly noBackups = () => this.page.getByText('No backups yet');
  readonly report = () => this.page.getByRole('region', { name: /^Backup [0-9a-f-]+$/ });
  readonly start = () => this.page.getByRole('button', { name: `Start a backup of ${this.name}` });
  readonly stop = () => this.page.getByRole('button', { name: `Stop the backup of ${this.name}` });
  readonly disable = () => this.page.getByRole('button', { name: `Disable ${this.name}` });
  readonly enable = () => this.page.getByRole('button', { name: `Enable ${this.name}` });
  readonly dialog = () => this.page.getByRole('dialog');

  /**
   * Waits until no backup of the configuration runs. The current run reads "idle" also while its
   * backups are still loading (a scheduled run under way is not known yet), so they are waited for.
   */
  async waitUntilIdle(options: { timeout?: number } = {}) {
    await this.historyLoaded();
    await expect(this.currentRun()).toHaveAttribute('data-status', 'idle', options);
  }

  /** How many backups the history holds, once its answer is in (read before, it is 0). */
  async historyCount(): Promise<number> {
    await this.historyLoaded();
    return (await this.noBackups().isVisible()) ? 0 : rowsIn(this.historyRegion());
  }

  private async historyLoaded() {
    await expect(this.historyRegion().or(this.noBackups())).toBeVisible();
  }

  /** Answers the confirmation dialog of a stop or a disable. */
  async confirm(label: string) {
    await expect(this.dialog()).toBeVisible();
    await this.dialog().getByRole('button', { name: label }).click();
    await expect(this.dialog()).toBeHidden();
  }
}
