import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SignInPage } from './pages/sign-in-page';
import { holdEntryChunk } from './support/hold-entry';

/**
 * The console under the server's Content-Security-Policy (no inline script but its own two, by their
 * hashes: server/page-scripts.ts), and its first load: the sign-in page arrives rendered, and what a route
 * needs is named by the page the server sends, so nothing waits for the entry chunk to run before it is
 * fetched.
 */

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return async () => [
    ...console,
    ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])),
  ];
}

test('the console runs under its Content-Security-Policy without a single violation', async ({
  page,
  signInPage,
  shell,
}) => {
  const violations = await watchViolations(page);
  const response = await page.goto('/sign-in');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await signInPage.signInAs('admin');
  await expect(shell.heading()).toHaveText('Overview');
  await shell.useColorScheme('dark');
  await shell.navLink('Jobs').click();
  await expect(shell.heading()).toHaveText('Jobs');
  // A dialog and a notification host: portals and transitions write styles at run time.
  const disable = page.getByRole('button', { name: /^Disable / }).first();
  await disable.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await shell.navLink('Configurations').click();
  await expect(shell.heading()).toHaveText('Configurations');
  await shell.useColorScheme('light');
  await page.goto('/no/such/page');
  await expect(shell.heading()).toHaveText('Page not found');
  expect(await violations()).toEqual([]);
});

test('a page the browser renders sets its colour scheme while its code is still on its way, under the CSP', async ({
  page,
}) => {
  const violations = await watchViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  const release = await holdEntryChunk(page);
  try {
    // The page's HTML alone: its entry chunk, held back, has not run (nor has the page's DOMContentLoaded).
    await page.goto('/no/such/page', { waitUntil: 'commit' });
    // The warm-up (server/page-scripts.ts) runs in a task of its own once the page is parsed.
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await expect(page.locator('#root')).toBeEmpty();
  } finally {
    release();
  }
  expect(await violations()).toEqual([]);
});

test('what the sign-in page needs to work is named in the page itself: no waterfall', async ({ page }) => {
  // When the code has taken the server's form over (React's props on its input), by the page's own
  // clock (epoch ms, as request timings are).
  await page.addInitScript(() => {
    const check = () => {
      const input = document.querySelector('input');
      if (input && Object.keys(input).some((k) => k.startsWith('__reactProps'))) {
        (window as unknown as { __formAt: number }).__formAt = performance.timeOrigin + performance.now();
        return;
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  const requests: { path: string; at: number }[] = [];
  page.on('requestfinished', (r) =>
    requests.push({ path: new URL(r.url()).pathname, at: r.timing().startTime }),
  );
  const notificationsHost = page.waitForEvent('requestfinished', (r) => /notifications-host/.test(r.url()));
  const response = await page.goto('/sign-in');
  const html = (await response?.text()) ?? '';
  await expect(page.getByLabel('Username')).toBeVisible();
  await page.waitForFunction(() => (window as unknown as { __formAt?: number }).__formAt);
  // The notifications host loads when the person first acts (every notice follows an action).
  await page.getByLabel('Username').click();
  await notificationsHost;
  const formAt = await page.evaluate(() => (window as unknown as { __formAt: number }).__formAt);
  const beforePaint = requests.filter((r) => r.at <= formAt).map((r) => r.path);
  const code = beforePaint.filter((p) => /\.(js|css)$/.test(p));
  expect(code.length).toBeGreaterThan(3);
  for (const path of code) expect(html, `${path} was found only by running code`).toContain(`"${path}"`);
  // The runtime config travels in the page, in an element that never runs: no request for it.
  expect(html).toContain('<script type="application/json" id="console-config">');
  expect(requests.filter((r) => r.path === '/config.json')).toEqual([]);
  // The notifications host comes later, not before the form.
  expect(requests.some((r) => /notifications-host/.test(r.path) && r.at > formAt)).toBe(true);
  expect(requests.some((r) => /notifications-host/.test(r.path) && r.at <= formAt)).toBe(false);
});

test('the first render is the page itself: no boot screen and no loading page before it', async ({
  page,
}) => {
  // Everything the page showed before the form, as the DOM changed.
  await page.addInitScript(() => {
    const shown: string[] = [];
    (window as unknown as { __before: string[] }).__before = shown;
    const observer = new MutationObserver(() => {
      for (const el of document.querySelectorAll('[role="status"][aria-label]'))
        if (!shown.includes(el.getAttribute('aria-label')!)) shown.push(el.getAttribute('aria-label')!);
      if (document.querySelector('input')) observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto('/sign-in');
  await expect(page.getByLabel('Username')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __before: string[] }).__before)).toEqual([]);
});

test('the sign-in page arrives rendered: it shows before its code, in the colour scheme chosen, and keeps what was typed meanwhile', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, colorScheme: 'dark' });
  const page = await context.newPage();
  try {
    const violations = await watchViolations(page);
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    const release = await holdEntryChunk(page);
    const signIn = new SignInPage(page);
    await page.goto('/sign-in', { waitUntil: 'commit' });
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page).toHaveTitle('Sign in · Backup Console');
    expect(await page.evaluate(() => document.documentElement.dataset.mantineColorScheme)).toBe('dark');
    // Typed before the code is in: kept when the code takes the form over. Until then the button waits
    // (signing in to each vendor is the code's work; console mode's form works before it).
    await signIn.username().fill('viewer');
    await expect(signIn.submit()).toBeDisabled();
    release();
    await expect
      .poll(() => page.evaluate(() => performance.getEntriesByName('console:ready').length))
      .toBe(1);
    await expect(signIn.username()).toHaveValue('viewer');
    await signIn.password().fill('demo');
    // Sent by the page's code now, not by the browser: the page is not loaded again.
    await page.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));
    await signIn.submit().click();
    await expect(page).not.toHaveURL(/\/sign-in/);
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
    // React took the server's page over as it was: it did not render it again.
    expect(messages.filter((m) => /rendered again|hydrat/i.test(m))).toEqual([]);
    expect(await violations()).toEqual([]);
  } finally {
    await context.close();
  }
});

test('without JavaScript the sign-in page still shows, and says that signing in needs it', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    const response = await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    // Signing in to each vendor is the page's code's work (console mode's form the browser can send
    // itself: e2e/console-mode.spec.ts).
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeDisabled();
    // Mantine's colours need a colour scheme on <html>, which the page's script sets before the body
    // paints; without the script the page says light itself, so its inputs keep their borders.
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
    const border = await page.getByLabel('Username').evaluate((el) => getComputedStyle(el).borderTopWidth);
    expect(border).not.toBe('0px');
    // (Chromium, with scripts turned off for a test rather than by the person, still parses <noscript>
    // as text it does not show; a browser without JavaScript shows it.)
    expect(await response?.text()).toContain('<noscript>Backup Console needs JavaScript');
  } finally {
    await context.close();
  }
});

test("the console's code carries React Router's production build, without its development warnings", async ({
  page,
}) => {
  const html = await (await page.request.get('/jobs')).text();
  const entry = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1] ?? 'no entry script';
  const code = await (await page.request.get(entry)).text();
  expect(code.length).toBeGreaterThan(10_000);
  // One of the warnings its development build (the one its package names) carries and runs.
  expect(code).not.toContain('You rendered descendant <Routes>');
});
