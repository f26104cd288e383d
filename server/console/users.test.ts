import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadConsoleConfig } from './config';
import { CONSOLE_DB_FILE, openConsoleDb } from './store';
import {
  addUser,
  changeUser,
  checkPassword,
  findUser,
  listUsers,
  seedDemoConsoleUsers,
  setPassword,
} from './users';

/** Issue 13 item 2: console users in their own SQLite file, and the command line that adds them. */

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'console-users-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run console -- …` as the README says, with what it reads from standard input. */
function cli(args: string[], stdin: string, env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/console/cli.ts', ...args], {
      env: { ...process.env, DATA_DIR: dir, ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(stdin);
  });
}

describe('console users', () => {
  test('the demo users come with the demo data set, once, into a file of their own', async () => {
    const db = openConsoleDb(dir);
    await seedDemoConsoleUsers(db, 1000);
    await seedDemoConsoleUsers(db, 2000);
    expect(listUsers(db).map((u) => [u.username, u.role, u.disabled])).toEqual([
      ['admin', 'admin', false],
      ['support', 'support', false],
      ['viewer', 'viewer', false],
    ]);
    expect((await checkPassword(db, 'Viewer', 'demo'))?.username).toBe('viewer');
    expect(await checkPassword(db, 'viewer', 'wrong')).toBeUndefined();
    expect(await checkPassword(db, 'nobody', 'demo')).toBeUndefined();
    db.close();
    expect(statSync(join(dir, CONSOLE_DB_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(loadConsoleConfig(dir, true, {}).demoUsers).toBe(true);
    expect(loadConsoleConfig(dir, false, {}).demoUsers).toBe(false);
    expect(loadConsoleConfig(dir, true, { CONSOLE_DEMO_USERS: 'off' }).demoUsers).toBe(false);
  });

  test('add, change role, disable, reset password; bad input is refused with its reason', async () => {
    const db = openConsoleDb(dir);
    expect(await addUser(db, { username: 'ann', role: 'admin', password: 'long enough' }, 1)).toMatchObject({
      ok: true,
    });
    expect(await addUser(db, { username: 'ANN', role: 'viewer', password: 'long enough' }, 1)).toMatchObject({
      ok: false,
      status: 409,
    });
    for (const bad of [
      { username: '', role: 'viewer', password: 'long enough' },
      { username: 'a b', role: 'viewer', password: 'long enough' },
      { username: 'bob', role: 'root', password: 'long enough' },
      { username: 'bob', role: 'viewer', password: 'short' },
      { username: 42, role: 'viewer', password: 'long enough' },
    ])
      expect(await addUser(db, bad, 1), JSON.stringify(bad)).toMatchObject({ ok: false, status: 400 });
    // The last active administrator stays one.
    expect(changeUser(db, 'ann', { role: 'viewer' }, 2)).toMatchObject({ ok: false, status: 409 });
    expect(changeUser(db, 'ann', { disabled: true }, 2)).toMatchObject({ ok: false, status: 409 });
    await addUser(db, { username: 'bea', role: 'support', password: 'long enough' }, 1);
    expect(changeUser(db, 'bea', { role: 'admin' }, 3)).toMatchObject({ ok: true, value: { role: 'admin' } });
    expect(changeUser(db, 'ann', { disabled: true }, 4)).toMatchObject({
      ok: true,
      value: { disabled: true },
    });
    expect(changeUser(db, 'bea', { disabled: 'yes' }, 4)).toMatchObject({ ok: false, status: 400 });
    expect(changeUser(db, 'bea', {}, 4)).toMatchObject({ ok: false, status: 400 });
    expect(changeUser(db, 'zed', { disabled: true }, 4)).toMatchObject({ ok: false, status: 404 });
    expect(await setPassword(db, 'bea', 'another one', 5)).toMatchObject({ ok: true });
    expect(await checkPassword(db, 'bea', 'long enough')).toBeUndefined();
    expect((await checkPassword(db, 'bea', 'another one'))?.role).toBe('admin');
    db.close();
  });

  // Each call starts Node with tsx cold, 1 to 3 s on the shared 2-core machine (load average above
  // 10 at times): the five stages below get a minute, not the 20 s default.
  test('npm run console -- add-user: the password from standard input or CONSOLE_PASSWORD, never echoed', async () => {
    const added = await cli(['add-user', 'first', '--role', 'admin'], 'a secret phrase\n');
    expect(added).toMatchObject({ code: 0, out: 'Added first (admin).\n' });
    expect(added.out + added.err).not.toContain('a secret phrase');
    const [fromEnv, again, inArgv] = await Promise.all([
      cli(['add-user', 'second', '--role', 'viewer'], '', { CONSOLE_PASSWORD: 'from the env' }),
      cli(['add-user', 'first', '--role', 'viewer'], 'another secret\n'),
      cli(['add-user', 'third', 'hunter22', '--role', 'viewer'], ''),
    ]);
    expect(fromEnv.code).toBe(0);
    expect(again).toMatchObject({ code: 1, err: 'There is already a user first.\n' });
    expect(inArgv.code).toBe(1);
    expect(inArgv.err).toContain('never given on the command line');
    const reset = await cli(['reset-password', 'second'], 'changed password\n');
    expect(reset).toMatchObject({ code: 0, out: 'New password set for second.\n' });
    const listed = await cli(['list-users'], '');
    expect(listed.out).toBe('first\tadmin\nsecond\tviewer\n');

    const db = openConsoleDb(dir);
    expect((await checkPassword(db, 'first', 'a secret phrase'))?.role).toBe('admin');
    expect(await checkPassword(db, 'second', 'from the env')).toBeUndefined();
    expect((await checkPassword(db, 'second', 'changed password'))?.role).toBe('viewer');
    expect(findUser(db, 'third')).toBeUndefined();
    db.close();
  }, 60_000);

  test('a malformed setting stops the start with its name', () => {
    expect(() => loadConsoleConfig(dir, true, { CONSOLE_SESSION_IDLE_MINUTES: 'soon' })).toThrow(
      /CONSOLE_SESSION_IDLE_MINUTES must be a whole number/,
    );
    expect(() => loadConsoleConfig(dir, true, { CONSOLE_DEMO_USERS: 'maybe' })).toThrow(/CONSOLE_DEMO_USERS/);
    expect(() =>
      loadConsoleConfig(dir, true, { CONSOLE_SESSION_IDLE_MINUTES: '600', CONSOLE_SESSION_HOURS: '2' }),
    ).toThrow(/must not be longer/);
    expect(loadConsoleConfig(dir, true, { CONSOLE_AUDIT_DAYS: '0' }).auditRetentionDays).toBe(0);
    expect(loadConsoleConfig(dir, true, {}).healthCheckS).toBe(60);
    expect(loadConsoleConfig(dir, true, { CONSOLE_HEALTH_CHECK_SECONDS: '0' }).healthCheckS).toBe(0);
    expect(() => loadConsoleConfig(dir, true, { CONSOLE_HEALTH_CHECK_SECONDS: 'often' })).toThrow(
      /CONSOLE_HEALTH_CHECK_SECONDS/,
    );
  });
});
