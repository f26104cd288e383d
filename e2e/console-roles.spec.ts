import { join } from 'node:path';
import type { APIRequestContext, Browser } from '@playwright/test';
import { request } from '@playwright/test';
import type { AuditEntry } from '../src/api/console-admin';
import type { Page, Role } from './fixtures';
import { expect, test } from './fixtures';
import { ConfigurationPage, ConfigurationsPage } from './pages/configurations-page';
import { ExplorerPage } from './pages/explorer-page';
import { JobsPage } from './pages/jobs-page';
import { RestoreSessionsPage } from './pages/restore-sessions-page';
import { Shell } from './pages/shell';
import { SignInPage } from './pages/sign-in-page';
import { scratchDir } from './support/scratch';
import { ExtraService } from './support/service';

/**
 * Issue 13 item 8: each console role against each dialect, in Chromium through the console server
 * (its own, holding the embedded reference service's three connections, as `npm start` does). Per
 * role × dialect: one thing the role may do, through the UI; and, where the role table refuses it
 * something, a request for it sent from the signed-in page itself, refused with a 403 in the
 * dialect's own error form naming the role that may, and found in the audit log. An admin is refused
 * nothing, so its mutation is found in the log as `ok`.
 *
 * The ids are the demo data set's (seed 42), read from the running server; the vendor paths and
 * bodies are those the adapters send (src/api/rackspace-v1, rackspace-v2, veeam-v5).
 */
const dir = scratchDir('console-roles');
const service = new ExtraService(join(dir, 'data'));
test.use({ baseURL: service.url });

/** A request to a vendor as the console's runtime sends it, below `/console/api/connections/{id}`. */
interface VendorRequest {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: unknown;
  contentType?: string;
}

interface Target {
  id: string;
  name: string;
}

interface Dialect {
  label: string;
  connection: string;
  /** What the error form of a 403 looks like, for a message. */
  forbidden: (message: string) => object;
  /** A configuration or job that support starts (and a viewer may not). */
  startTarget: Target;
  /** One an admin disables and enables again (and support may not). */
  enableTarget: Target;
  start: (id: string) => VendorRequest;
  disable: (id: string) => VendorRequest;
  /** The target id the audit row of a refused start carries. */
  startAuditTarget: (id: string) => string | null;
  /** The status of the vendor's answer to an enable or disable. */
  enableAnswer: { status: number };
}

const JSON_TYPE = 'application/json';

const V1: Dialect = {
  label: 'Rackspace v1.0',
  connection: 'rackspace-dfw',
  forbidden: (message) => ({ forbidden: { code: 403, message, details: '' } }),
  startTarget: { id: '148325', name: 'Daily system backup – web-int-dfw-01' },
  enableTarget: { id: '148345', name: 'Daily system backup – erp-int-dfw-01' },
  start: (id) => ({
    method: 'POST',
    path: '/backup/action-requested',
    body: { Action: 'StartManual', Id: Number(id) },
    contentType: JSON_TYPE,
  }),
  disable: (id) => ({
    method: 'POST',
    path: `/backup-configuration/enable/${id}`,
    body: { Enable: false },
    contentType: JSON_TYPE,
  }),
  // v1.0 names the configuration in the body's `Id`, which the server reads for the row.
  startAuditTarget: (id) => id,
  // The configuration itself: the row takes its name from it.
  enableAnswer: { status: 200 },
};

const V2: Dialect = {
  label: 'Rackspace v2',
  connection: 'rackspace-ord',
  forbidden: (message) => ({ message, errors: [] }),
  startTarget: { id: '3889c8c7-12f2-447d-b5f6-a0ba05c3992c', name: 'Nightly files – db-int-ord-01' },
  enableTarget: { id: 'c58b6def-97de-45f4-8ae2-a4930f0f1efc', name: 'Daily system backup – git-int-ord-01' },
  start: (id) => ({
    method: 'POST',
    path: '/backups',
    body: { configuration_id: id, state: 'start_requested' },
    contentType: JSON_TYPE,
  }),
  disable: (id) => ({
    method: 'PATCH',
    path: `/configurations/${id}`,
    body: [{ op: 'replace', path: '/enabled', value: false }],
    contentType: 'application/json-patch+json',
  }),
  // `POST /backups` names its configuration in the body (`configuration_id`): the row's target.
  startAuditTarget: (id) => id,
  enableAnswer: { status: 204 },
};

const VEEAM: Dialect = {
  label: 'Veeam v5',
  connection: 'veeam',
  forbidden: (message) => ({ message, errorCode: 'Forbidden' }),
  startTarget: { id: '3396ba22-21b1-4666-a631-0edfc12a59cd', name: 'Contoso Exchange daily' },
  enableTarget: { id: 'c1735408-47c6-4bfa-b242-47ac65bc479c', name: 'Northwind Exchange daily' },
  start: (id) => ({
    method: 'POST',
    path: `/jobs/${id}/action`,
    body: { start: null },
    contentType: JSON_TYPE,
  }),
  disable: (id) => ({
    method: 'POST',
    path: `/jobs/${id}/action`,
    body: { disable: null },
    contentType: JSON_TYPE,
  }),
  startAuditTarget: (id) => id,
  enableAnswer: { status: 200 },
};

/** An ended Veeam restore session of the demo data (Fabrikam Exchange daily). */
const RESTORE_SESSION = '11f4bd13-5b95-4d8f-92e0-43b6d38ff221';

const START_REFUSED = 'Your role (viewer) may not start a backup; this needs the support or admin role.';
const ENABLE_REFUSED =
  'Your role (support) may not enable or disable configurations, jobs and agents; this needs the admin role.';
const BROWSE_REFUSED =
  'Your role (viewer) may not browse the backed-up content of a restore session (private data); this needs the support or admin role.';

/** One refusal: the request, and what its answer and its audit row say. */
interface Refusal {
  request: VendorRequest;
  action: string;
  targetId: string | null;
  message: string;
}

interface Cell {
  role: Role;
  dialect: Dialect;
  /** What the role may do, in the test's title. */
  may: string;
  /** Where the person lands after signing in. */
  landing: string;
  /** `sent`: every request the page has sent to the console's API since before the sign-in. */
  allowed: (page: Page, dialect: Dialect, sent: readonly string[]) => Promise<void>;
  /** What is proven after it: refusals, or an admin's changes in the log. */
  proof: Proof;
}

let admin: APIRequestContext;

test.beforeAll(async () => {
  await service.start([], { CONSOLE_CONNECTIONS: '' });
  // The audit log is read as an admin, apart from every browser.
  admin = await request.newContext({ baseURL: service.url });
  const signIn = await admin.post('/console/api/session', { data: { username: 'admin', password: 'demo' } });
  expect(signIn.status()).toBe(200);
});

test.afterAll(async () => {
  await admin?.dispose();
  await service.stop();
});

/** The audit rows that match, newest first. */
async function audit(filters: Record<string, string>): Promise<AuditEntry[]> {
  const res = await admin.get(`/console/api/audit?${new URLSearchParams(filters).toString()}`);
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { entries: AuditEntry[] }).entries;
}

/** Sends a vendor request from the page (same origin, the person's cookie) and answers what came back. */
async function sendFromPage(page: Page, connection: string, r: VendorRequest) {
  return page.evaluate(
    async ({ url, method, body, contentType }) => {
      const res = await fetch(url, {
        method,
        headers: contentType ? { 'Content-Type': contentType } : {},
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        body: (await res.json()) as unknown,
      };
    },
    {
      url: `/console/api/connections/${connection}${r.path}`,
      method: r.method,
      body: r.body,
      contentType: r.contentType,
    },
  );
}

async function signIn(page: Page, role: Role, landing: string) {
  await new SignInPage(page).goto(landing);
  await new SignInPage(page).signInAs(role);
  await expect(new Shell(page).currentRole()).toHaveText(`(${role})`);
}

const configurationPath = (d: Dialect, t: Target) => `/configurations/${d.connection}/${t.id}`;

/** The Configurations list of one Rackspace connection and one configuration's page: nothing to press. */
async function viewerSeesConfigurations(page: Page, d: Dialect) {
  const list = new ConfigurationsPage(page);
  await expect(page.getByLabel('Connection', { exact: true })).toHaveValue(d.connection);
  await expect(list.rows().first()).toBeVisible();
  await expect(list.actionButtons()).toHaveCount(0);
  await expect(list.wakeAgents()).toHaveCount(0);
  await page.goto(configurationPath(d, d.startTarget));
  const detail = new ConfigurationPage(page, d.startTarget.name);
  await expect(page.getByRole('heading', { level: 1, name: d.startTarget.name })).toBeVisible();
  await expect(detail.history()).toBeVisible();
  await expect(
    page.getByRole('main').getByRole('button', { name: /^(Start|Stop|Disable|Enable) / }),
  ).toHaveCount(0);
}

/** Support starts a backup of a configuration on its page; stopping it or disabling is not offered. */
async function supportStartsABackup(page: Page, d: Dialect) {
  const detail = new ConfigurationPage(page, d.startTarget.name);
  await expect(page.getByRole('heading', { level: 1, name: d.startTarget.name })).toBeVisible();
  // A scheduled run may be under way (the service runs 60× fast): wait for it to end.
  await detail.waitUntilIdle({ timeout: 40_000 });
  await detail.start().click();
  await expect(detail.currentRun()).toHaveAttribute('data-status', /^(queued|running)$/);
  await expect(detail.stop()).toHaveCount(0);
  await expect(detail.disable()).toHaveCount(0);
}

/** An admin disables a configuration after confirming, and enables it again. */
async function adminTogglesAConfiguration(page: Page, d: Dialect) {
  const detail = new ConfigurationPage(page, d.enableTarget.name);
  await expect(page.getByRole('heading', { level: 1, name: d.enableTarget.name })).toBeVisible();
  await detail.disable().click();
  await detail.confirm('Disable');
  await expect(detail.enable()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Settings' })).toContainText(/Enabled\s*No/);
  await detail.enable().click();
  await expect(detail.disable()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Settings' })).toContainText(/Enabled\s*Yes/);
}

interface ProofArgs {
  page: Page;
  browser: Browser;
  role: Role;
  dialect: Dialect;
  /** Before the role's own action through the UI. */
  since: string;
}

interface Proof {
  title: string;
  run: (args: ProofArgs) => Promise<void>;
}

/**
 * Each request sent from the page is a 403 in the dialect's error form with the words of the role
 * table, and exactly one `refused` row of the person's with its action and target.
 */
const refusedAndAudited = (
  refusals: (d: Dialect) => Refusal[],
  afterwards: (browser: Browser, entries: AuditEntry[]) => Promise<void> = async () => {},
): Proof => ({
  title: 'a direct request for what it may not is refused and audited',
  run: async ({ page, browser, role, dialect: d }) => {
    const entries: AuditEntry[] = [];
    for (const r of refusals(d)) {
      const before = new Date().toISOString();
      const answer = await sendFromPage(page, d.connection, r.request);
      expect(answer, `${r.request.method} ${r.request.path}`).toEqual({
        status: 403,
        type: expect.stringMatching(/^application\/json/) as unknown,
        body: d.forbidden(r.message),
      });
      const rows = await audit({
        outcome: 'refused',
        person: role,
        connection: d.connection,
        action: r.action,
        from: before,
      });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        who: role,
        role,
        connection: d.connection,
        action: r.action,
        method: r.request.method,
        path: `/console/api/connections/${d.connection}${r.request.path}`,
        targetId: r.targetId,
        status: 403,
        // Refused by the console: it never reached the vendor.
        vendorStatus: null,
        outcome: 'refused',
        message: r.message,
      });
      entries.push(rows[0]!);
    }
    await afterwards(browser, entries);
  },
});

/** An admin is refused nothing: its disable and enable went to the vendor and are `ok` rows. */
const changesAudited: Proof = {
  title: 'its changes are audited as ok',
  run: async ({ dialect: d, since }) => {
    const change = d.disable(d.enableTarget.id);
    const rows = await audit({ person: 'admin', connection: d.connection, action: 'enable', from: since });
    expect(rows).toHaveLength(2);
    for (const row of rows)
      expect(row).toMatchObject({
        who: 'admin',
        role: 'admin',
        connection: d.connection,
        action: 'enable',
        method: change.method,
        path: `/console/api/connections/${d.connection}${change.path}`,
        targetId: d.enableTarget.id,
        // From v1.0's answer, or (v2's 204, Veeam's empty answer) from what the page read and the
        // console's poller keeps.
        targetName: d.enableTarget.name,
        status: d.enableAnswer.status,
        vendorStatus: d.enableAnswer.status,
        outcome: 'ok',
      });
    // And nothing the console did for the admin meanwhile was refused.
    expect(await audit({ person: 'admin', outcome: 'refused', from: since })).toEqual([]);
  },
};

const viewerRefusals = (d: Dialect): Refusal[] => [
  {
    request: d.start(d.startTarget.id),
    action: 'backup.start',
    targetId: d.startAuditTarget(d.startTarget.id),
    message: START_REFUSED,
  },
];

const supportRefusals = (d: Dialect): Refusal[] => [
  {
    request: d.disable(d.enableTarget.id),
    action: 'enable',
    targetId: d.enableTarget.id,
    message: ENABLE_REFUSED,
  },
];

/** A Veeam cell that lands on the Jobs list filtered to `job`: `act` gets the list and the job's name. */
function onVeeamJob({
  job,
  act,
  ...cell
}: Pick<Cell, 'role' | 'may' | 'proof'> & {
  job: Target;
  act: (page: Page, jobs: JobsPage, name: string) => Promise<void>;
}): Cell {
  return {
    ...cell,
    dialect: VEEAM,
    landing: `/jobs?q=${encodeURIComponent(job.name)}`,
    allowed: (page) => act(page, new JobsPage(page), job.name),
  };
}

const CELLS: Cell[] = [
  ...[V1, V2].flatMap((d): Cell[] => [
    {
      role: 'viewer',
      dialect: d,
      may: 'sees the configurations read-only',
      landing: `/configurations?connection=${d.connection}`,
      allowed: viewerSeesConfigurations,
      proof: refusedAndAudited(viewerRefusals),
    },
    {
      role: 'support',
      dialect: d,
      may: 'starts a backup',
      landing: configurationPath(d, d.startTarget),
      allowed: supportStartsABackup,
      proof: refusedAndAudited(supportRefusals),
    },
    {
      role: 'admin',
      dialect: d,
      may: 'disables and enables a configuration',
      landing: configurationPath(d, d.enableTarget),
      allowed: adminTogglesAConfiguration,
      proof: changesAudited,
    },
  ]),
  {
    role: 'viewer',
    dialect: VEEAM,
    may: 'sees the restore sessions read-only, without their content',
    landing: `/restore-sessions/veeam/${RESTORE_SESSION}`,
    allowed: async (page, _d, sent) => {
      const sessions = new RestoreSessionsPage(page);
      await expect(sessions.state()).toHaveAttribute('data-status', 'stopped');
      await expect(sessions.events()).toBeVisible();
      // Neither the explorer nor the words that its content can no longer be browsed: not for a viewer.
      await expect(page.getByText('its content can no longer be browsed')).toHaveCount(0);
      await expect(new ExplorerPage(page).tree()).toHaveCount(0);
      await expect(sessions.stopButtons()).toHaveCount(0);
      await sessions.goto();
      await expect(sessions.openButton()).toHaveCount(0);
      // The page did not even ask for the session's content.
      expect(sent.filter((r) => /\/organization(\/|$)/i.test(r))).toEqual([]);
    },
    // The private-data refusal is also found on the Audit page, by an admin.
    proof: refusedAndAudited(
      (d) => [
        ...viewerRefusals(d),
        {
          request: { method: 'GET', path: `/restoresessions/${RESTORE_SESSION}/organization` },
          action: 'restore-content.browse',
          targetId: RESTORE_SESSION,
          message: BROWSE_REFUSED,
        },
      ],
      (browser, entries) => seeOnAuditPage(browser, entries.at(-1)!),
    ),
  },
  onVeeamJob({
    role: 'support',
    may: 'opens a restore session of a job and browses it',
    job: VEEAM.startTarget,
    act: async (page, jobs, name) => {
      await jobs
        .row(name)
        .getByRole('button', { name: `Explore ${name}` })
        .click();
      const dialog = page.getByRole('dialog', { name: 'Open a restore session' });
      await expect(dialog.getByRole('combobox', { name: 'Job' })).toHaveValue(
        `veeam/${VEEAM.startTarget.id}`,
      );
      await dialog.getByRole('radio', { name: 'Exchange' }).check();
      await dialog.getByRole('button', { name: 'Open restore session' }).click();
      await expect(page).toHaveURL(/\/restore-sessions\/veeam\/[^/]+$/);
      await expect(new RestoreSessionsPage(page).state()).toHaveAttribute('data-status', 'running');
      // Its content, which a viewer may not browse: the first read is the slowest step on a busy machine.
      await expect(new ExplorerPage(page).tree().getByRole('treeitem').first()).toBeVisible({
        timeout: 30_000,
      });
    },
    proof: refusedAndAudited(supportRefusals),
  }),
  onVeeamJob({
    role: 'admin',
    may: 'disables and enables a job',
    job: VEEAM.enableTarget,
    act: async (_page, jobs, name) => {
      await expect(jobs.row(name)).toHaveAttribute('data-enabled', 'true');
      await jobs.command(`Disable ${name}`, 'Disable job');
      await expect(jobs.row(name)).toHaveAttribute('data-enabled', 'false');
      await jobs.command(`Enable ${name}`);
      await expect(jobs.row(name)).toHaveAttribute('data-enabled', 'true');
    },
    proof: changesAudited,
  }),
];

/** Signs in as an admin in a browser of its own and finds a refusal on the Audit page. */
async function seeOnAuditPage(browser: Browser, entry: AuditEntry) {
  const context = await browser.newContext({ baseURL: service.url });
  try {
    const page = await context.newPage();
    const filters = new URLSearchParams({
      person: entry.who ?? '',
      outcome: 'refused',
      action: entry.action,
    });
    await signIn(page, 'admin', `/audit?${filters.toString()}`);
    await expect(new Shell(page).heading()).toHaveText('Audit log');
    const log = page.getByRole('table', { name: 'Audit log' });
    const row = log.locator(`tbody tr[data-entry="${entry.id}"]`);
    await expect(row).toHaveAttribute('data-outcome', 'refused');
    await expect(row).toHaveAttribute('data-action', entry.action);
    await expect(row).toContainText(`${entry.method} ${entry.path}`);
    await expect(row).toContainText(entry.message ?? '');
    await expect(row).toContainText(`id ${entry.targetId}`);
    // The filters of the URL hold: nobody else's rows, and no other outcome.
    await expect(log.locator('tbody tr[data-entry]').filter({ hasNotText: entry.who ?? '' })).toHaveCount(0);
    await expect(log.locator('tbody tr[data-outcome]:not([data-outcome="refused"])')).toHaveCount(0);
  } finally {
    await context.close();
  }
}

for (const cell of CELLS) {
  const d = cell.dialect;

  test(`${cell.role} on ${d.label} (${d.connection}): ${cell.may}; ${cell.proof.title}`, async ({
    page,
    browser,
  }) => {
    const sent: string[] = [];
    const refusedByUi: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/console/api/')) sent.push(`${r.method()} ${path}`);
    });
    page.on('response', (r) => {
      if (r.status() === 403) refusedByUi.push(`${r.request().method()} ${r.url()}`);
    });
    await signIn(page, cell.role, cell.landing);
    const since = new Date().toISOString();
    await cell.allowed(page, d, sent);
    // The console offers only what the role may do: nothing it sent on its own was refused.
    expect(refusedByUi).toEqual([]);

    await cell.proof.run({ page, browser, role: cell.role, dialect: d, since });
  });
}

test.describe('the session of an open tab', () => {
  /** A console user made by the admin for one test (its password: eight chars). */
  async function addUser(username: string, role: Role) {
    const res = await admin.post('/console/api/users', { data: { username, role, password: 'eight chars' } });
    expect(res.status(), await res.text()).toBe(201);
  }

  test("a sign-out in another tab: the open tab's sign-in page says so, in the stream's words", async ({
    page,
  }) => {
    // This tab signs in first, so it holds the stream (the other tab shares it).
    await signIn(page, 'support', '/connections');
    const shell = new Shell(page);
    await expect(shell.liveIndicator()).toHaveAttribute('data-liveness', 'live');
    const other = await page.context().newPage();
    await other.goto('/connections');
    await expect(new Shell(other).currentRole()).toHaveText('(support)');
    await new Shell(other).signOut().click();
    await expect(other).toHaveURL(/\/sign-in$/);

    await expect(page).toHaveURL(/\/sign-in\?next=%2Fconnections&reason=expired/);
    await expect(page.getByRole('alert').filter({ hasText: 'Your session ended' })).toContainText(
      'You signed out.',
    );
    await expect(page.getByRole('alert').filter({ hasText: 'not valid' })).toHaveCount(0);
  });

  test('a session gone under the Audit and Users pages sends the person to sign in, saying why, and back', async ({
    page,
  }) => {
    const ended = () => page.getByRole('alert').filter({ hasText: 'Your session ended' });
    await signIn(page, 'admin', '/audit');
    await expect(page.getByRole('table', { name: 'Audit log' }).locator('tbody tr').first()).toBeVisible();
    // The cookie is gone (as after its lifetime): the log's next read, within 5 s, finds out.
    await page.context().clearCookies();
    await expect(page).toHaveURL(/\/sign-in\?next=%2Faudit&reason=expired/, { timeout: 15_000 });
    await expect(ended()).toContainText('Not signed in: sign in to the console first.');
    await new SignInPage(page).signInAs('admin');
    await expect(page).toHaveURL(/\/audit$/);

    await page.goto('/users');
    await expect(page.locator('tr[data-user="viewer"]')).toBeVisible();
    await page.context().clearCookies();
    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add user' });
    await dialog.getByLabel(/^User name/).fill('erin');
    await dialog.getByLabel(/^Password/).fill('eight chars');
    await dialog.getByLabel(/^Confirm password/).fill('eight chars');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fusers&reason=expired/);
    await expect(ended()).toContainText('Not signed in: sign in to the console first.');
    await new SignInPage(page).signInAs('admin');
    await expect(page).toHaveURL(/\/users$/);
    await expect(new Shell(page).currentRole()).toHaveText('(admin)');
  });

  test('a role lowered meanwhile shows in the open tab at its first refusal on the Users page', async ({
    page,
  }) => {
    await addUser('bob', 'admin');
    await new SignInPage(page).goto('/users');
    await new SignInPage(page).signIn('bob', 'eight chars');
    const shell = new Shell(page);
    await expect(shell.currentRole()).toHaveText('(admin)');
    await expect(page.locator('tr[data-user="viewer"]')).toBeVisible();
    const lowered = await admin.patch('/console/api/users/bob', { data: { role: 'viewer' } });
    expect(lowered.status(), await lowered.text()).toBe(200);

    await page.getByRole('button', { name: 'Change role of viewer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change the role of viewer' });
    await dialog.getByLabel(/^Role/).selectOption('support');
    await dialog.getByRole('button', { name: 'Save role' }).click();
    // The server's refusal names the new role; the tab shows it at once, and offers no admin pages.
    await expect(shell.currentRole()).toHaveText('(viewer)');
    await expect(shell.navLink('Users')).toHaveCount(0);
    await expect(shell.navLink('Audit log')).toHaveCount(0);
  });
});
