import type { Page } from '@playwright/test';
import { RestoreSessionsPage } from './restore-sessions-page';

/** Inside an open restore session: the tree of places, a place's items, the action dialog. */
export class ExplorerPage {
  constructor(readonly page: Page) {}

  readonly context = () => this.page.getByTestId('session-context');
  readonly tree = () => this.page.getByRole('tree', { name: 'Places' });
  readonly place = (name: string) => this.tree().getByRole('treeitem', { name, exact: true });
  readonly items = (place: string) => this.page.getByRole('table', { name: `Items in ${place}` });
  readonly rows = (place: string) => this.items(place).locator('tbody tr[data-status]');
  /** The row of the item list that holds the focus. */
  readonly focusedRow = (place: string) => this.items(place).locator('tbody tr:has(:focus)');
  readonly search = () => this.page.getByRole('textbox', { name: 'Search' });
  readonly dialog = (title: string) => this.page.getByRole('dialog', { name: title });

  /** Opens a new restore session of the Contoso Exchange job and, in it, the first mailbox's Inbox. */
  async openExchangeInbox() {
    const sessions = new RestoreSessionsPage(this.page);
    await sessions.goto();
    await sessions.openButton().click();
    await sessions.explore('Contoso', 'Exchange');
    await this.tree().getByRole('treeitem').first().click({ timeout: 30_000 });
    await this.open('Inbox');
  }

  /** Opens the places in turn, as a person clicks down the tree. */
  async open(...path: string[]) {
    for (const name of path) await this.place(name).click();
  }
}
