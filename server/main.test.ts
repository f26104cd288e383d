import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test, vi } from 'vitest';
import { SERVER_RENDER_FILE } from './console-pages';
import { startMain } from './process-test-support';

const dir = mkdtempSync(join(tmpdir(), 'console-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a connections config naming a dialect no plug-in is registered for stops the start, with its reason', async () => {
  const connections = [{ id: 'pbs', label: 'Proxmox', dialect: 'proxmox-v1', baseUrl: 'https://pbs.test' }];
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ connections }));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
  await expect(startMain(['--data-dir', ':memory:', '--serve-console', dir])).rejects.toThrow(
    /exited \(2\).*Cannot start: .*config\.json is not a valid connections config\. connections\.0: dialect must be "rackspace-v1", "rackspace-v2" or "veeam-v5" \("proxmox-v1" is not a known dialect\)/s,
  );
}, 30_000);

test("as `npm start` runs it, the server holds the reference service's connections: console mode; CONSOLE_CONNECTIONS=off keeps the browser signing in to vendors", async () => {
  const site = mkdtempSync(join(tmpdir(), 'console-site-'));
  const vendorConfig = readFileSync('public/config.json', 'utf8');
  writeFileSync(join(site, 'config.json'), vendorConfig);
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>x</title>');
  const main = await startMain(['--data-dir', ':memory:', '--serve-console', site], {
    env: { CONSOLE_CONNECTIONS: '' },
  });
  try {
    const config = (await (await fetch(`${main.url}/config.json`)).json()) as {
      console: unknown;
      connections: { id: string; basePath: string }[];
    };
    expect(config.console).toEqual({ session: '/console/api/session', oidc: null });
    expect(config.connections.map((c) => c.basePath)).toEqual([
      '/console/api/connections/rackspace-dfw',
      '/console/api/connections/rackspace-ord',
      '/console/api/connections/veeam',
    ]);
    const signedIn = await fetch(`${main.url}/console/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'viewer', password: 'demo' }),
    });
    const cookie = signedIn.headers.getSetCookie()[0]!.split(';')[0]!;
    const jobs = await fetch(`${main.url}/console/api/connections/veeam/Jobs?limit=1`, {
      headers: { cookie },
    });
    expect(jobs.status).toBe(200);
  } finally {
    await main.stop();
  }
  const vendorMode = await startMain(['--data-dir', ':memory:', '--serve-console', site], {
    env: { CONSOLE_CONNECTIONS: 'off' },
  });
  try {
    expect(await (await fetch(`${vendorMode.url}/config.json`)).text()).toBe(vendorConfig);
  } finally {
    await vendorMode.stop();
    rmSync(site, { recursive: true, force: true });
  }
}, 60_000);

test("loads the build's server part once it listens, before any page asks for it, and says so", async () => {
  const site = mkdtempSync(join(tmpdir(), 'console-site-'));
  writeFileSync(join(site, 'config.json'), readFileSync('public/config.json', 'utf8'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>x</title><div id="root"></div>');
  mkdirSync(join(site, '.server'));
  writeFileSync(
    join(site, SERVER_RENDER_FILE),
    'export const SERVER_RENDERED_PATHS = []; export async function renderPage() { return null; }',
  );
  const main = await startMain(['--data-dir', ':memory:', '--serve-console', site], {
    env: { CONSOLE_CONNECTIONS: 'off' },
  });
  try {
    await vi.waitFor(
      () => expect(main.output()).toMatch(/the server's build of the console is loaded \(\d+\.\d s\)/),
      {
        timeout: 20_000,
      },
    );
  } finally {
    await main.stop();
    rmSync(site, { recursive: true, force: true });
  }
}, 60_000);
