import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadConsoleConfig, loadOidcConfig } from './config';

/** The console's settings: OpenID Connect's variables read and checked (docs/console-oidc.md). */
const dir = mkdtempSync(join(tmpdir(), 'console-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BASE = {
  CONSOLE_OIDC_ISSUER: 'https://id.example.com/realms/backup',
  CONSOLE_OIDC_CLIENT_ID: 'backup-console',
  CONSOLE_OIDC_CLIENT_SECRET: 's3cret',
};

describe('OpenID Connect settings', () => {
  test('absent without CONSOLE_OIDC_ISSUER; defaults otherwise', () => {
    expect(loadOidcConfig({})).toBeNull();
    expect(loadConsoleConfig(dir, false, {}).oidc).toBeNull();
    expect(loadOidcConfig(BASE)).toEqual({
      issuer: 'https://id.example.com/realms/backup',
      clientId: 'backup-console',
      clientSecret: 's3cret',
      roleClaim: 'backup_console_role',
      roles: { viewer: 'viewer', support: 'support', admin: 'admin' },
      scopes: 'openid profile email',
      label: 'Sign in with single sign-on',
      publicUrl: null,
    });
    expect(loadConsoleConfig(dir, false, BASE).oidc?.label).toBe('Sign in with single sign-on');
  });

  test('every setting read: roles mapped, the secret from a file, the public URL, the label', () => {
    const file = join(dir, 'secret');
    writeFileSync(file, 'from a file\n');
    const { CONSOLE_OIDC_CLIENT_SECRET: _, ...rest } = BASE;
    const oidc = loadOidcConfig({
      ...rest,
      CONSOLE_OIDC_CLIENT_SECRET_FILE: file,
      CONSOLE_OIDC_ROLE_CLAIM: 'groups',
      CONSOLE_OIDC_ROLES: 'admins:admin, helpdesk:support,staff:viewer,urn:example:ops:admin',
      CONSOLE_OIDC_SCOPES: 'openid groups',
      CONSOLE_OIDC_LABEL: 'Sign in with Example ID',
      CONSOLE_PUBLIC_URL: 'https://console.example.com/',
    });
    expect(oidc).toMatchObject({
      clientSecret: 'from a file',
      roleClaim: 'groups',
      roles: {
        admins: 'admin',
        helpdesk: 'support',
        staff: 'viewer',
        'urn:example:ops': 'admin',
        admin: 'admin',
      },
      scopes: 'openid groups',
      label: 'Sign in with Example ID',
      publicUrl: 'https://console.example.com',
    });
  });

  test('a malformed value stops the start with a message naming it', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ CONSOLE_OIDC_CLIENT_ID: 'x' }, /CONSOLE_OIDC_CLIENT_ID is set but CONSOLE_OIDC_ISSUER is not/],
      [{ ...BASE, CONSOLE_OIDC_ISSUER: 'id.example.com' }, /CONSOLE_OIDC_ISSUER must be an https URL/],
      [
        { ...BASE, CONSOLE_OIDC_ISSUER: 'http://id.example.com' },
        /CONSOLE_OIDC_ISSUER must be an https URL \(http only to a loopback address\)/,
      ],
      [{ ...BASE, CONSOLE_OIDC_ISSUER: 'https://id.example.com/?x=1' }, /must not carry .*query/],
      [{ ...BASE, CONSOLE_OIDC_CLIENT_ID: ' ' }, /CONSOLE_OIDC_CLIENT_ID must be set/],
      [
        { ...BASE, CONSOLE_OIDC_CLIENT_SECRET: '' },
        /CONSOLE_OIDC_CLIENT_SECRET \(or CONSOLE_OIDC_CLIENT_SECRET_FILE\) must be set/,
      ],
      [
        { ...BASE, CONSOLE_OIDC_CLIENT_SECRET_FILE: join(dir, 'secret') },
        /set CONSOLE_OIDC_CLIENT_SECRET or CONSOLE_OIDC_CLIENT_SECRET_FILE, not both/,
      ],
      [
        { ...BASE, CONSOLE_OIDC_CLIENT_SECRET: '', CONSOLE_OIDC_CLIENT_SECRET_FILE: join(dir, 'none') },
        /CONSOLE_OIDC_CLIENT_SECRET_FILE names a file that cannot be read/,
      ],
      [{ ...BASE, CONSOLE_OIDC_ROLES: 'admins' }, /CONSOLE_OIDC_ROLES must be "value:role" pairs/],
      [
        { ...BASE, CONSOLE_OIDC_ROLES: 'admins:root' },
        /"admins" must map to one of viewer, support, admin, not "root"/,
      ],
      [{ ...BASE, CONSOLE_OIDC_ROLES: 'a:admin,a:viewer' }, /names "a" twice/],
      [{ ...BASE, CONSOLE_OIDC_SCOPES: 'profile email' }, /CONSOLE_OIDC_SCOPES must include openid/],
      [{ ...BASE, CONSOLE_OIDC_LABEL: 'x'.repeat(101) }, /CONSOLE_OIDC_LABEL must be at most 100/],
      [
        { ...BASE, CONSOLE_PUBLIC_URL: 'https://console.example.com/app' },
        /CONSOLE_PUBLIC_URL must be an origin/,
      ],
      [
        { ...BASE, CONSOLE_PUBLIC_URL: 'ftp://console.example.com' },
        /CONSOLE_PUBLIC_URL must be an https URL/,
      ],
    ];
    for (const [env, message] of cases) {
      expect(() => loadConsoleConfig(dir, false, env), JSON.stringify(env)).toThrow(message);
    }
    // A loopback provider may be plain http (a developer's own, a test's).
    expect(loadOidcConfig({ ...BASE, CONSOLE_OIDC_ISSUER: 'http://127.0.0.1:8080' })?.issuer).toBe(
      'http://127.0.0.1:8080',
    );
  });
});

describe('which connections the server holds', () => {
  test("unset: the reference service's own where they apply; a file; off: none", () => {
    expect(loadConsoleConfig(dir, true, {})).toMatchObject({
      connectionsFile: null,
      referenceConnections: true,
    });
    expect(loadConsoleConfig(dir, true, { CONSOLE_CONNECTIONS: ' ' })).toMatchObject({
      connectionsFile: null,
      referenceConnections: true,
    });
    expect(
      loadConsoleConfig(dir, true, { CONSOLE_CONNECTIONS: '/etc/console/connections.json' }),
    ).toMatchObject({
      connectionsFile: '/etc/console/connections.json',
      referenceConnections: false,
    });
    expect(loadConsoleConfig(dir, true, { CONSOLE_CONNECTIONS: 'OFF' })).toMatchObject({
      connectionsFile: null,
      referenceConnections: false,
    });
  });
});
