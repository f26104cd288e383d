import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { JobsPage } from './pages/jobs-page';
import { Shell } from './pages/shell';
import { SignInPage } from './pages/sign-in-page';
import { scratchDir } from './support/scratch';
import { holdEntryChunk } from './support/hold-entry';
import { ExtraService } from './support/service';

/**
 * Console mode, as `npm start` runs it: the console server holds the vendors' credentials (here the
 * embedded reference service's own connections) and people sign in to the console. A server of its
 * own, so that the shared one keeps the browser signing in to each vendor.
 */
const dir = scratchDir('console-mode');
const service = new ExtraService(join(dir, 'data'));

test.beforeAll(async () => {
  await service.start([], {
    // As `npm start` runs it: the server holds the embedded reference service's own connections.
    CONSOLE_CONNECTIONS: '',
  });
});

test.afterAll(async () => {
  await service.stop();
});

/**
 * Opens `url` in `page` as a link on another site does (a mail, a chat): the browser sends no cookie
 * with that navigation (SameSite=Strict), so the console server cannot render the page with the
 * person's data and the page asks for it itself. Returns the page's HTML as it came.
 */
async function openFromAnotherSite(page: Page, url: string): Promise<string> {
  await page.setContent(`<a href="${url}">the console</a>`);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url() === url && r.request().resourceType() === 'document'),
    page.getByRole('link', { name: 'the console' }).click(),
  ]);
  return response.text();
}

/** Every request the page sends to an API: in console mode all go to the console server. */
function apiRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (
      !/\.(js|css|svg|woff2|ico|png)$/.test(path) &&
      path !== '/config.json' &&
      request.resourceType() === 'fetch'
    )
      seen.push(`${request.method()} ${path}`);
  });
  return seen;
}

test('a viewer signs in to the console once, sees every connection read-only, and holds no vendor token', async ({
  page,
  checkA11y,
}) => {
  const requests = apiRequests(page);
  await page.goto(`${service.url}/jobs`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fjobs/);
  // One console account: no API-key choice and no line per connection.
  await expect(page.getByRole('radiogroup', { name: 'Sign in with' })).toHaveCount(0);
  await checkA11y('console sign-in page');
  await new SignInPage(page).signInAs('viewer');

  const jobs = new JobsPage(page);
  const shell = new Shell(page);
  await expect(shell.heading()).toHaveText('Jobs');
  await expect(jobs.rows().first()).toBeVisible();
  await expect(shell.currentRole()).toHaveText('(viewer)');
  await expect(jobs.commandButtons()).toHaveCount(0);
  // No column of buttons a viewer may not press.
  await expect(jobs.table().getByRole('columnheader', { name: 'Actions' })).toHaveCount(0);
  await expect(shell.navLink('Audit log')).toHaveCount(0);
  await expect(shell.navLink('Users')).toHaveCount(0);
  await page.goto(`${service.url}/configurations`);
  await expect(page.getByRole('table', { name: 'Configurations' }).locator('tbody tr').first()).toBeVisible();

  // The server signed in to each of its connections at start: every one says it works.
  await shell.navLink('Connections').click();
  const connections = page.getByRole('table', { name: 'Connections' }).locator('tbody tr');
  await expect(connections).toHaveCount(3);
  for (const row of await connections.all()) await expect(row).toHaveAttribute('data-health', 'ok');
  await expect(page.getByRole('status').filter({ hasText: /connections, 0 failing$/ })).toHaveText(
    '3 connections, 0 failing',
  );
  await checkA11y('the Connections page');

  // The session is an HttpOnly cookie; the tab keeps no token of any kind.
  const cookies = await page.context().cookies(`${service.url}/console/api/session`);
  expect(cookies.filter((c) => c.name === 'console_session')).toEqual([
    expect.objectContaining({ httpOnly: true, sameSite: 'Strict', path: '/' }),
  ]);
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
  expect(stored).not.toMatch(/"token":"[^"]/);
  // Every API request went to the console server, none to a vendor's API.
  expect(requests.length).toBeGreaterThan(3);
  expect(requests.filter((r) => !/ \/console\/api\//.test(r))).toEqual([]);
});

test('an admin starts a job through the console server, finds it in the audit log, and signs out', async ({
  page,
  checkA11y,
}) => {
  await page.goto(`${service.url}/sign-in`);
  await new SignInPage(page).signInAs('admin');
  const shell = new Shell(page);
  await expect(shell.currentRole()).toHaveText('(admin)');

  // The pages of console admins, checked before anything runs (no notice on screen yet).
  await shell.navLink('Users').click();
  await expect(page.getByRole('table', { name: 'Users' })).toContainText('support');
  await checkA11y('the console users');
  await shell.navLink('Audit log').click();
  const log = page.getByRole('table', { name: 'Audit log' });
  await expect(log.locator('tbody tr').filter({ hasText: 'sign-in' }).first()).toBeVisible();
  await checkA11y('the audit log');

  const jobs = new JobsPage(page);
  await shell.navLink('Jobs').click();
  await jobs.rows().first().waitFor();
  await expect(jobs.table().getByRole('columnheader', { name: 'Actions' })).toHaveCount(1);
  const name = await jobs.idleJob('Contoso');
  await jobs.openJob(name);
  await jobs.command(`Start ${name}`);
  await expect(jobs.newestSession()).toHaveAttribute(
    'data-status',
    /^(queued|running|success|warning|failed)$/,
  );

  await shell.navLink('Audit log').click();
  const row = log.locator('tbody tr').filter({ hasText: 'backup.start' }).first();
  await expect(row).toContainText('admin');
  await expect(row).toContainText(/veeam/i);

  await shell.signOut().click();
  await expect(page).toHaveURL(/\/sign-in$/);
  // Ended on the server: the cookie no longer opens anything.
  const status = await page.evaluate(async () => (await fetch('/console/api/session')).status);
  expect(status).toBe(401);
  await page.goto(`${service.url}/jobs`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fjobs/);
});

test('a session that ends on the server sends the person to sign in, and back to the page after', async ({
  page,
}) => {
  await page.goto(`${service.url}/configurations`);
  await new SignInPage(page).signInAs('support');
  await expect(page.getByRole('table', { name: 'Configurations' }).locator('tbody tr').first()).toBeVisible();
  const shell = new Shell(page);
  await expect(shell.currentRole()).toHaveText('(support)');
  await expect(shell.navLink('Audit log')).toHaveCount(0);
  // Support may start a backup but not change a configuration.
  await expect(page.getByRole('button', { name: /^Start / }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Enable|Disable) / })).toHaveCount(0);

  // The session ends (here: the cookie is gone, as after its lifetime); the next request finds out.
  await page.context().clearCookies();
  await shell.comeBackToTab();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fconfigurations&reason=expired/, { timeout: 20_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'Your session ended' })).toBeVisible();
  await new SignInPage(page).signInAs('support');
  await expect(page).toHaveURL(/\/configurations$/);
});

test('a page the server cannot render with the data carries the config and asks for the session and the first reads itself: nothing waits for the code to run', async ({
  page: signedIn,
}) => {
  await signedIn.goto(`${service.url}/`);
  await expect(signedIn).toHaveURL(/\/sign-in/);
  await new SignInPage(signedIn).signInAs('viewer');
  await expect(new Shell(signedIn).heading()).toHaveText('Overview');

  // Another tab, signed in, opened from a link on another site (so without the cookie: the server
  // sends the page the browser renders): the Overview shows without a stop at the sign-in page. (A new
  // tab rather than a reload, so that the requests counted are this page's alone, not the last ones of
  // the page it replaces.)
  const page = await signedIn.context().newPage();
  const paths: string[] = [];
  /**
   * Each request with the time its event reached the test (ms since the epoch): never before the
   * browser sent it, and a read the Overview's data waits for is sent long before the data shows.
   */
  const sent: { read: string; at: number }[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    paths.push(url.pathname);
    sent.push({ read: url.pathname + url.search, at: Date.now() });
  });
  // What the live stream said changed: a read the code sends again after a change is the stream's
  // doing, not a first read the batch missed. Each change and each request with the browser's own time
  // of it (one clock, from one DevTools session): the test receives the two kinds of event by different
  // ways, and a read sent a moment after its change could reach the test before the change did.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const changed: { read: string; at: number }[] = [];
  cdp.on('Network.eventSourceMessageReceived', (e) => {
    if (e.eventName !== 'change') return;
    const change = JSON.parse(e.data) as { connection: string; path: string };
    changed.push({ read: `/console/api/connections/${change.connection}${change.path}`, at: e.timestamp });
  });
  /** Each request as the browser sent it: its monotonic time (as the changes') and its wall time (ms). */
  const requested: { read: string; at: number; wallMs: number }[] = [];
  cdp.on('Network.requestWillBeSent', (e) => {
    const url = new URL(e.request.url);
    requested.push({ read: url.pathname + url.search, at: e.timestamp, wallMs: e.wallTime * 1000 });
  });
  const warnings: string[] = [];
  page.on('console', (m) => (/preload/i.test(m.text()) ? warnings.push(m.text()) : undefined));
  // When the Overview first shows its data (the live stream may ask for a feed again afterwards).
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('section[aria-label="Running now"]')) return;
      observer.disconnect();
      (window as unknown as { overviewShownAt: number }).overviewShownAt = performance.now();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  const html = await openFromAnotherSite(page, `${service.url}/`);
  expect(html).not.toContain('id="page-queries"');
  await expect(new Shell(page).heading()).toHaveText('Overview');
  expect(page.url()).toBe(`${service.url}/`);
  // Asked for once, by the page's preload (sent before any script ran), and that answer used.
  const sessions = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname === '/console/api/session')
      .map((e) => (e as PerformanceResourceTiming).initiatorType),
  );
  expect(sessions).toEqual(['link']);
  expect(paths.filter((p) => p === '/console/api/session')).toHaveLength(1);
  expect(paths).not.toContain('/config.json');

  // The Overview's data too: every path its adapters read first came in one request the page asked
  // for before any script ran (GET /console/api/first-reads), and that answer used; only the lookups
  // its answers call for (a v2 restore's backup) are asked for by the code.
  await expect(page.getByRole('region', { name: 'Running now' })).toBeVisible();
  expect(html).toContain(
    '<link rel="preload" href="/console/api/first-reads" as="fetch" crossorigin id="first-reads">',
  );
  expect(html).not.toMatch(/<link rel="preload" href="\/console\/api\/connections\//);
  // Every request the page sent until then (a request still on its way has no resource entry yet, so
  // the browser's request events count here).
  const shownAt = await page.evaluate(
    () => performance.timeOrigin + (window as unknown as { overviewShownAt: number }).overviewShownAt,
  );
  expect(shownAt).toBeGreaterThan(0);
  const before = sent.filter((s) => s.at < shownAt);
  expect(before.filter((s) => s.read === '/console/api/first-reads')).toHaveLength(1);
  const byCode = requested.filter(
    (s) =>
      s.wallMs < shownAt &&
      s.read.startsWith('/console/api/connections/') &&
      !/\/backups\/[^/?]+$/.test(s.read) &&
      !changed.some((c) => c.read === s.read && c.at <= s.at),
  );
  expect(byCode.map((s) => s.read)).toEqual([]);
  // (The browser's own record holds every read the test saw sent before then.)
  const reads = (list: { read: string }[]) =>
    list.map((s) => s.read).filter((r) => r.startsWith('/console/api/connections/'));
  expect(reads(requested.filter((s) => s.wallMs < shownAt))).toEqual(expect.arrayContaining(reads(before)));
  // And the batch was the page's preload (its answer taken by the code), once its answer has ended.
  await expect
    .poll(() =>
      page.evaluate(() =>
        performance
          .getEntriesByName(new URL('/console/api/first-reads', location.href).href)
          .map((e) => (e as PerformanceResourceTiming).initiatorType),
      ),
    )
    .toEqual(['link']);
  expect(paths.filter((p) => p === '/console/api/first-reads')).toHaveLength(1);
  // The batch names exactly the reads the adapters send first: with it dropped, the page asks for each
  // itself (and shows the Overview all the same).
  const batched = await page.evaluate(async () => {
    const answer = await fetch('/console/api/first-reads');
    const first = (await answer.text()).split('\n')[0]!;
    return (JSON.parse(first) as { paths: string[] }).paths;
  });
  expect(batched.length).toBeGreaterThanOrEqual(10);
  const without = await signedIn.context().newPage();
  await without.route('**/console/api/first-reads', (route) => route.abort('connectionreset'));
  const asked: string[] = [];
  without.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/console/api/connections/') && !/\/backups\/[^/?]+$/.test(url.pathname))
      asked.push(url.pathname + url.search);
  });
  await openFromAnotherSite(without, `${service.url}/`);
  await expect(without.getByRole('region', { name: 'Running now' })).toBeVisible();
  await expect.poll(() => [...new Set(asked)].sort()).toEqual([...batched].sort());
  await without.close();
  // A preload the code did not take (another URL, another credentials mode) would be named here.
  expect(warnings).toEqual([]);
});

test("a signed-in person's Overview comes rendered with their data: it shows before any code, and the code takes it over as it is", async ({
  browser,
  page,
  checkA11y,
}) => {
  // Without JavaScript: the page is the server's alone, and it is each person's own (a viewer's has
  // no Users page; an admin's has).
  for (const [who, users] of [
    ['viewer', 0],
    ['admin', 1],
  ] as const) {
    const bare = await browser.newContext({ baseURL: service.url, javaScriptEnabled: false });
    try {
      const noCode = await bare.newPage();
      await noCode.goto('/sign-in');
      const signIn = new SignInPage(noCode);
      await signIn.username().fill(who);
      await signIn.password().fill('demo');
      await signIn.submit().click();
      await expect(noCode).toHaveURL(`${service.url}/`);
      await expect(noCode.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
      await expect(noCode.getByTestId('current-role')).toHaveText(`(${who})`);
      await expect(noCode.getByRole('link', { name: 'Users' })).toHaveCount(users);
      const running = noCode.getByRole('region', { name: 'Running now' });
      const failed = noCode.getByRole('region', { name: 'Failed or missed' });
      await expect(running.or(failed).getByRole('listitem').first()).toBeVisible();
    } finally {
      await bare.close();
    }
  }

  // With it: the page shows its data at once, never a loading state, and the code takes over the page
  // from the answers it carries (no first reads asked for, none missing).
  await page.goto(`${service.url}/sign-in`);
  await new SignInPage(page).signInAs('viewer');
  await expect(new Shell(page).heading()).toHaveText('Overview');
  const fresh = await page.context().newPage();
  const asked: string[] = [];
  fresh.on('request', (r) => asked.push(new URL(r.url()).pathname));
  const errors: string[] = [];
  fresh.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
  fresh.on('pageerror', (e) => errors.push(e.message));
  await fresh.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    // Once the data has shown (the parser may still be on its way to it before), it never goes away.
    let shown = false;
    new MutationObserver(() => {
      if (document.querySelector('[aria-label="Loading the overview"], [aria-label="Loading the page"]'))
        seen.push('loading');
      if (document.querySelector('section[aria-label="Running now"]')) shown = true;
      else if (shown) seen.push('data gone');
    }).observe(document, { childList: true, subtree: true });
  });
  const html = (await (await fresh.goto(`${service.url}/`))?.text()) ?? '';
  expect(html).toContain('id="page-queries"');
  expect(html).toContain('aria-label="Running now"');
  expect(html).not.toContain('id="first-reads"');
  // Taken over: the live indicator names each connection once the code holds the stream.
  await expect(
    fresh.getByRole('status').filter({ hasText: 'Rackspace DFW (v1.0): live' }).first(),
  ).toBeVisible();
  expect(await fresh.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([]);
  expect(asked).not.toContain('/console/api/first-reads');
  expect(errors).toEqual([]);
  await checkA11y('the Overview rendered by the server, taken over by the code');
  // The code works it: a link is followed in the page, not by loading another.
  await fresh.evaluate(() => ((window as unknown as { same: boolean }).same = true));
  await new Shell(fresh).navLink('Jobs').click();
  await expect(new Shell(fresh).heading()).toHaveText('Jobs');
  expect(await fresh.evaluate(() => (window as unknown as { same?: boolean }).same)).toBe(true);
});

/** A new browser on a phone-sized screen, signed in as the viewer without opening a page. */
async function narrowSignedIn(browser: Browser, javaScriptEnabled: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: service.url,
    javaScriptEnabled,
    viewport: { width: 390, height: 800 },
  });
  const signedIn = await context.request.post('/console/api/session', {
    data: { username: 'viewer', password: 'demo' },
  });
  expect(signedIn.ok()).toBe(true);
  return context;
}

test('on a narrow screen the rendered Overview’s navigation is hidden without any code', async ({
  browser,
}) => {
  const context = await narrowSignedIn(browser, false);
  try {
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    // Off screen and hidden by the stylesheet alone, so Tab does not wander into links nobody sees.
    await expect(new Shell(page).navLink('Activity')).toBeHidden();
  } finally {
    await context.close();
  }
});

test('on a narrow screen the rendered Overview’s navigation stays hidden until the code opens it', async ({
  browser,
}) => {
  const context = await narrowSignedIn(browser, true);
  try {
    const page = await context.newPage();
    const release = await holdEntryChunk(page);
    await page.goto('/', { waitUntil: 'commit' });
    const shell = new Shell(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await expect(shell.navLink('Activity')).toBeHidden();
    release();
    // Taken over: the live indicator names each connection once the code holds the stream.
    await expect(
      page.getByRole('status').filter({ hasText: 'Rackspace DFW (v1.0): live' }).first(),
    ).toBeVisible();
    await expect(shell.navLink('Activity')).toBeHidden();
    await shell.burger().click();
    await expect(shell.navLink('Activity')).toBeVisible();
  } finally {
    await context.close();
  }
});

test('a focus moved on the rendered Overview before its code runs stays on that element when the code renders the page afresh', async ({
  page,
}) => {
  await page.goto(`${service.url}/sign-in`);
  await new SignInPage(page).signInAs('viewer');
  await expect(new Shell(page).heading()).toHaveText('Overview');
  const fresh = await page.context().newPage();
  // The code held back until the person has moved the focus in the server's markup.
  const release = await holdEntryChunk(fresh);
  await fresh.goto(`${service.url}/`, { waitUntil: 'commit' });
  const shell = new Shell(fresh);
  const jobs = shell.navLink('Jobs');
  await expect(jobs).toBeVisible();
  // The keyboard's way there: Tab, as often as it takes.
  await expect(async () => {
    await fresh.keyboard.press('Tab');
    await expect(jobs).toBeFocused({ timeout: 100 });
  }).toPass({ timeout: 10_000 });
  const servers = await jobs.elementHandle();
  release();
  await expect.poll(() => fresh.evaluate(() => performance.getEntriesByName('console:ready').length)).toBe(1);
  // The server's link is gone (the page is React's render now), and the focus is on the new one.
  expect(await servers.evaluate((e) => e.isConnected)).toBe(false);
  await expect(jobs).toBeFocused();
  await fresh.keyboard.press('Enter');
  await expect(shell.heading()).toHaveText('Jobs');
});

test('the sign-in page works as its HTML alone: it loads no code, then fetches the next page’s files for it', async ({
  page,
  checkA11y,
}) => {
  const asked: { url: string; type: string; at: number }[] = [];
  page.on('request', (r) =>
    asked.push({ url: new URL(r.url()).pathname, type: r.resourceType(), at: Date.now() }),
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const cached = new Set<string>();
  cdp.on('Network.responseReceived', (e) => {
    if (e.response.fromDiskCache || e.response.fromPrefetchCache)
      cached.add(new URL(e.response.url).pathname);
  });

  await page.goto(`${service.url}/sign-in?next=%2Fjobs`);
  const loaded = Date.now();
  const signIn = new SignInPage(page);
  await expect(signIn.username()).toBeVisible();
  // Nothing but the page itself (and the browser's icon) until it has loaded: no script, no stylesheet.
  expect(asked.filter((r) => r.at <= loaded && !r.url.endsWith('.svg')).map((r) => r.url)).toEqual([
    '/sign-in',
  ]);
  // No button that only the code could make work.
  await expect(page.getByRole('button', { name: 'Toggle password visibility' })).toHaveCount(0);
  await checkA11y('the sign-in page without its code');
  // Then the files of the page it goes on to, at the lowest priority.
  const files = JSON.parse((await page.locator('#next-page-files').textContent()) ?? '[]') as string[];
  expect(files.some((f) => /^\/assets\/index-.*\.js$/.test(f))).toBe(true);
  await expect
    .poll(() => files.filter((f) => !asked.some((r) => r.url === f)), { timeout: 10_000 })
    .toEqual([]);
  expect(asked.filter((r) => files.includes(r.url) && r.at <= loaded)).toEqual([]);

  // The browser sends the form to the console server, which signs the person in and sends them on;
  // that page takes its code from the cache.
  await signIn.username().fill('viewer');
  await signIn.password().fill('demo');
  await signIn.password().press('Enter');
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
  expect(files.filter((f) => !cached.has(f))).toEqual([]);
});

test('without JavaScript the sign-in page still shows, signs in, and says why when it did not', async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: service.url, javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto('/sign-in?next=%2Fjobs');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    const signIn = new SignInPage(page);
    await signIn.username().fill('viewer');
    await signIn.password().fill('wrong');
    await signIn.submit().click();
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fjobs&error=/);
    await expect(page.getByRole('alert')).toContainText('Wrong user name or password.');
    // The name given is still there; the password is not.
    await expect(signIn.username()).toHaveValue('viewer');
    await expect(signIn.password()).toHaveValue('');
    await signIn.password().fill('demo');
    await signIn.submit().click();
    await expect(page).toHaveURL(/\/jobs$/);
    const session = await context.request.get('/console/api/session');
    expect(await session.json()).toMatchObject({ user: { username: 'viewer', role: 'viewer' } });
  } finally {
    await context.close();
  }
});

test('with slow vendors the Overview’s head comes at once, its code loads while the server waits, and the browser renders the page', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  // Every vendor answer 1.2 s late: the server's reads for the rendered Overview, which no poll has
  // answered yet, wait longer than it gives them (1 s), after the page's head has gone out.
  const slow = new ExtraService(join(dir, 'slow'));
  const context = await browser.newContext({ baseURL: slow.url });
  try {
    await slow.start(['--faults', 'latency=1200'], { CONSOLE_CONNECTIONS: '' });
    // Signed in without opening a page, so that nothing has asked for the Overview's data yet.
    const signedIn = await context.request.post('/console/api/session', {
      data: { username: 'viewer', password: 'demo' },
    });
    expect(signedIn.ok()).toBe(true);

    const fresh = await context.newPage();
    const errors: string[] = [];
    fresh.on('pageerror', (e) => errors.push(e.message));
    const html = (await (await fresh.goto('/'))?.text()) ?? '';
    // The code was asked for while the server still waited for the reads: well before the page ended
    // (by the browser's own clock: when it began to fetch the entry chunk, when the HTML's last byte came).
    const timing = await fresh.evaluate(() => {
      const page = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const code = performance
        .getEntriesByType('resource')
        .find((e) => /\/assets\/index-[^/]+\.js$/.test(new URL(e.name).pathname));
      return { codeAsked: code?.startTime ?? Infinity, pageEnded: page.responseEnd };
    });
    expect(timing.pageEnded - timing.codeAsked).toBeGreaterThan(500);
    // The rest is the page the browser renders: no data in it, its first reads asked for from the body.
    expect(html).toContain('<div id="root"></div>');
    expect(html).not.toContain('id="page-queries"');
    expect(html.indexOf('id="first-reads"')).toBeGreaterThan(html.indexOf('<body>'));
    await expect(fresh.getByRole('region', { name: 'Running now' })).toBeVisible({ timeout: 30_000 });
    await expect(new Shell(fresh).heading()).toHaveText('Overview');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await slow.stop();
  }
});
