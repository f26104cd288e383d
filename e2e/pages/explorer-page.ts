import type { Page } from '@playwright/test';

/** Inside an open restore session: the tree of places, a place's items, the action dialog. */
export class ExplorerPage {
  constructor(readonly page: Page) {}

  readonly context = () => this.page.getByTestId('session-context');
  readonly tree = () => this.page.getByRole('tree', { name: 'Places' });
  readonly place = (name: string) => this.tree().getByRole('treeitem', { name, exact: true });
  readonly items = (place: string) => this.page.getByRole('table', { name: `Items in ${place}` });
  readonly rows = (place: string) => this.items(place).locator('tbody tr[data-status]');
  readonly search = () => this.page.getByRole('textbox', { name: 'Search' });
  readonly dialog = (title: string) => this.page.getByRole('dialog', { name: title });

  /** Opens the places in turn, as a person clicks down the tree. */
  async open(...path: string[]) {
    for (const name of path) await this.place(name).click();
  }
}
