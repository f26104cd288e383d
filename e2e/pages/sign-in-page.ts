import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

export type Role = 'admin' | 'support' | 'viewer';

/** The sign-in page: one form for every connection, one result line per connection. */
export class SignInPage {
  constructor(readonly page: Page) {}

  readonly username = () => this.page.getByLabel('Username');
  readonly password = () => this.page.getByLabel('Password', { exact: true });
  readonly submit = () => this.page.getByRole('button', { name: 'Sign in', exact: true });
  readonly connections = () => this.page.getByRole('list', { name: 'Connections' });

  async goto(next?: string) {
    await this.page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
  }

  async signIn(username: string, password = 'demo') {
    await this.username().fill(username);
    await this.password().fill(password);
    await this.submit().click();
  }

  /** Signs in as a demo user and waits until the console has left the sign-in page. */
  async signInAs(role: Role) {
    await this.signIn(role);
    await expect(this.page).not.toHaveURL(/\/sign-in/);
  }
}
