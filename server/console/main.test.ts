import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startMain } from '../process-test-support';
import { send, signIn } from './test-support';

/**
 * Issue 13 items 2 and 3: the server `npm start` runs answers the console API under /console/api,
 * in its own SQLite file beside the reference service's, and everything else as before.
 */
let dir: string;
let main: Awaited<ReturnType<typeof startMain>>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'console-main-'));
  main = await startMain(['--data-dir', dir, '--scale', '2']);
}, 60_000);
afterAll(async () => {
  await main?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('the demo users sign in to the console; the reference service answers as before', async () => {
  const cookie = await signIn(main.url, 'admin');
  expect((await send(main.url, 'GET', '/console/api/session', { cookie })).json).toMatchObject({
    user: { username: 'admin', role: 'admin' },
  });
  expect(
    readdirSync(dir)
      .filter((f) => f.endsWith('.sqlite'))
      .sort(),
  ).toEqual(['backup-service.sqlite', 'console.sqlite']);
  expect((await send(main.url, 'GET', '/health')).status).toBe(200);
  const vendor = await send(main.url, 'POST', '/v2.0/tokens', {
    body: { auth: { passwordCredentials: { username: 'viewer', password: 'demo' } } },
  });
  expect(vendor.status).toBe(200);
  // A path of the console's API that does not exist is the console's 404, not the page fallback.
  expect((await send(main.url, 'GET', '/console/api/nothing')).json.message).toMatch(/No such console API/);
});

test('a malformed console setting stops the start with its name', () => {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'server/main.ts', '--port', '0', '--data-dir', dir],
    {
      env: { ...process.env, CONSOLE_SESSION_HOURS: 'soon' },
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(
    'Cannot start: CONSOLE_SESSION_HOURS must be a whole number from 1 to 2160, not "soon"',
  );
});
