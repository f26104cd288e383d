import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { test as base, expect } from '@playwright/test';
import type { Role } from './pages/sign-in-page';
import { SignInPage } from './pages/sign-in-page';
import { Shell } from './pages/shell';
import { coloursOf, contrastFaults } from './support/contrast';

export type { Role };

/** Where the console keeps a tab's sessions (src/api/session-store.ts). */
const SESSION_KEY = 'backup-console.session';

/**
 * The signed-in state of each role, made once per worker by signing in through the UI. Tokens live in
 * sessionStorage (per tab, by design), which Playwright's storageState does not carry, so each test's
 * pages get it put back by an init script before the console starts.
 */
class SessionStates {
  private readonly states = new Map<Role, string>();
  constructor(
    private readonly browser: Browser,
    private readonly baseURL: string,
  ) {}

  async get(role: Role): Promise<string> {
    const known = this.states.get(role);
    if (known) return known;
    const context = await this.browser.newContext({ baseURL: this.baseURL });
    try {
      const page = await context.newPage();
      const signIn = new SignInPage(page);
      await signIn.goto();
      await signIn.signInAs(role);
      const state = await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY);
      if (!state) throw new Error(`signing in as ${role} left no session in sessionStorage`);
      this.states.set(role, state);
      return state;
    } finally {
      await context.close();
    }
  }

  /** After the service expired or revoked tokens, the saved states are worthless. */
  forget() {
    this.states.clear();
  }
}

interface Options {
  /** Sign in as this demo user before the test (null: signed out). */
  role: Role | null;
}

interface Fixtures {
  signInPage: SignInPage;
  shell: Shell;
  /** Expires every token on the service (it runs with --test-controls). */
  expireTokens: () => Promise<void>;
  /** Fails on any serious or critical accessibility violation on the page as it is now. */
  checkA11y: (what: string) => Promise<void>;
}

/**
 * The service of this worker: playwright.config.ts starts one per worker (E2E_BASE_URLS), so that
 * what a spec starts, stops or expires is seen by no spec on another worker.
 */
function serviceOfWorker(parallelIndex: number): string {
  const urls = (process.env.E2E_BASE_URLS ?? '').split(',').filter(Boolean);
  const url = urls[parallelIndex];
  if (!url) throw new Error(`playwright.config.ts started no service for worker ${parallelIndex}`);
  return url;
}

export const test = base.extend<Options & Fixtures, { sessionStates: SessionStates; workerService: string }>({
  role: [null, { option: true }],
  workerService: [
    async ({}, use, workerInfo) => use(serviceOfWorker(workerInfo.parallelIndex)),
    { scope: 'worker' },
  ],
  // A spec may still name another service (test.use({ baseURL }) or a context of its own).
  baseURL: async ({ workerService }, use) => use(workerService),
  sessionStates: [
    async ({ browser, workerService }, use) => use(new SessionStates(browser, workerService)),
    { scope: 'worker' },
  ],
  context: async ({ context, role, sessionStates }, use) => {
    if (role) {
      const state = await sessionStates.get(role);
      // Once per tab: a later sign-out or expiry in the test must not be undone by a reload.
      await context.addInitScript(
        ({ key, value }) => {
          if (sessionStorage.getItem('e2e.seeded')) return;
          sessionStorage.setItem('e2e.seeded', '1');
          sessionStorage.setItem(key, value);
        },
        { key: SESSION_KEY, value: state },
      );
    }
    // Signing out revokes the Rackspace tokens (DELETE /v2.0/tokens/{id}): the states saved for the
    // roles hold dead tokens then, and the next test signs in afresh.
    let revoked = false;
    context.on('request', (r) => {
      if (r.method() === 'DELETE' && /\/v2\.0\/tokens\//.test(r.url())) revoked = true;
    });
    await use(context);
    if (revoked) sessionStates.forget();
  },
  signInPage: async ({ page }, use) => use(new SignInPage(page)),
  shell: async ({ page }, use) => use(new Shell(page)),
  expireTokens: async ({ request, sessionStates }, use) => {
    await use(async () => {
      const res = await request.post('/__control/expire-tokens');
      expect(res.ok(), 'the service must run with --test-controls').toBe(true);
      sessionStates.forget();
    });
  },
  checkA11y: async ({ page }, use) => {
    await use(async (what: string) => {
      // Axe reads colours as they are at that moment: a notice or a dialog half-faded in or out has a
      // contrast it never shows at rest. Transitions and finite animations end first (a spinner's
      // endless one does not count).
      const analyze = async () => {
        await page.waitForFunction(
          () =>
            document
              .getAnimations()
              .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
          undefined,
          { timeout: 5_000 },
        );
        return new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
      };
      const serious = (r: Awaited<ReturnType<typeof analyze>>) =>
        r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      let result = await analyze();
      // A notice closes by itself a few seconds after it shows, and may begin to fade while axe reads
      // the page (CI saw "Restore session opened." judged half-faded twice): what is still wrong once
      // the page has settled again counts, and a real fault is there both times.
      if (serious(result).length > 0) result = await analyze();
      const bad = serious(result).map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      );
      // Text over another element (a notice floating over the page, a sticky header over rows) is a
      // colour-contrast finding axe leaves to review: judged here from the computed colours.
      const toReview = result.incomplete
        .filter((v) => v.id === 'color-contrast')
        .flatMap((v) => v.nodes.map((n) => n.target))
        .filter((target) => target.length === 1)
        .map((target) => String(target[0]));
      const unreadable = contrastFaults(await coloursOf(page, toReview)).map(
        (fault) => `color-contrast (reviewed here): ${fault}`,
      );
      expect([...bad, ...unreadable.slice(0, 3)], `accessibility of ${what}`).toEqual([]);
    });
  },
});

export { expect };
export type { Page };
