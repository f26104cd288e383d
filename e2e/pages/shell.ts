import type { Page } from '@playwright/test';

/** The frame around every signed-in page. */
export class Shell {
  constructor(readonly page: Page) {}

  readonly nav = () => this.page.getByRole('navigation', { name: 'Main' });
  readonly navLink = (name: string) => this.nav().getByRole('link', { name, exact: true });
  readonly heading = () => this.page.getByRole('heading', { level: 1 });
  readonly liveIndicator = () => this.page.locator('header [data-liveness]');
  readonly currentRole = () => this.page.getByTestId('current-role');
  readonly signOut = () => this.page.getByRole('button', { name: 'Sign out' });
  readonly colorSchemeToggle = () => this.page.getByRole('button', { name: /^Switch to (dark|light) mode$/ });
  readonly burger = () => this.page.getByRole('button', { name: /navigation$/ });

  /**
   * The person comes back to the tab: TanStack Query refetches what is on screen and stale (older than
   * 2 s), at once rather than at the next poll (up to 20 s when nothing is in flight).
   */
  async comeBackToTab() {
    await this.page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
  }

  async useColorScheme(scheme: 'light' | 'dark') {
    const current = await this.page.locator('html').getAttribute('data-mantine-color-scheme');
    if (current !== scheme) await this.colorSchemeToggle().click();
  }
}
