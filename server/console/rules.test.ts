import { describe, expect, test } from 'vitest';
import type { ApiContract, Operation } from '../../src/api/contract/operations';
import { exampleBody, operationsAt } from '../../src/api/contract/operations';
import { LEAST_ROLE, ROLES, roleMay } from '../../src/api/contract/roles';
import { DIALECTS, findDialect, registerDialect } from '../../src/api/dialects';
import { tinyV1 } from '../../src/api/testing/tiny-dialect/plugin';
import { checkRule, dialectErrorForm, findRule } from './rules';

/** Issue 13 item 1: the console server's check of forwarded requests against the contract table. */

/** Ways to fill a rule's path: its parameters as digits, as words, and as every literal word of the table. */
function pathsOf(api: ApiContract, op: Operation): string[] {
  const words = new Set(api.operations.flatMap((o) => o.path.split('/')).filter((s) => /^[a-z-]+$/i.test(s)));
  const fillings = ['1', 'x-1', ...words];
  const deep = ['a', 'mailboxes/m-1', 'mailboxes/m-1/folders/f-1/items'];
  return fillings.flatMap((fill) =>
    deep.map(
      (below) =>
        api.exampleRoot +
        op.path
          .replace(/\{\w+:int\}/g, '7')
          .replace(/\{\w+\}/g, fill)
          .replace('**', below),
    ),
  );
}

const everyRule = DIALECTS.flatMap(({ name: dialect, apis }) =>
  apis.flatMap((api) => api.operations.map((op) => ({ dialect, api, op }))),
);

describe('every operation of every dialect has exactly one rule', () => {
  test.each(
    everyRule.map((r) => [`${r.dialect}: ${r.op.method} ${r.op.path} ${r.op.command ?? ''}`, r] as const),
  )('%s', (_, { dialect, api, op }) => {
    for (const path of pathsOf(api, op)) {
      if (operationsAt(api, op.method, path).length === 0) continue; // a filling the pattern rejects
      // No other pattern of any of the dialect's APIs covers the same request.
      const covering = findDialect(dialect)!.apis.flatMap((a) =>
        operationsAt(a, op.method, path).map((o) => `${a.name} ${o.path}`),
      );
      expect(new Set(covering), path).toEqual(new Set([`${api.name} ${op.path}`]));
      const found = findRule({ dialect, method: op.method, path, body: exampleBody(api, op) });
      expect(found.found && found.operation, path).toBe(op);
    }
  });

  test('the table covers the three dialects, each with its own error form', () => {
    expect(DIALECTS.map((d) => d.name).sort()).toEqual(['rackspace-v1', 'rackspace-v2', 'veeam-v5']);
    expect(everyRule.length).toBeGreaterThan(80);
    const refusal = (dialect: string, path: string): object => {
      const check = checkRule('admin', { dialect, method: 'GET', path });
      return check.allowed ? {} : check.body;
    };
    expect(refusal('rackspace-v1', '/dfw/v1.0/110011/nothing')).toMatchObject({ forbidden: { code: 403 } });
    expect(refusal('rackspace-v1', '/v2.0/nothing')).toMatchObject({ forbidden: { code: 403 } });
    expect(refusal('rackspace-v2', '/ord/v2/110011/nothing')).toMatchObject({
      errors: [],
    });
    expect(refusal('veeam-v5', '/v5/nothing')).toMatchObject({ errorCode: 'Forbidden' });
  });
});

describe('allowed or refused, by role', () => {
  test('each role gets what the table says, and a refusal names the least role', () => {
    for (const { dialect, api, op } of everyRule) {
      if (op.action === 'sign-in' || op.action === 'sign-out') continue;
      const path = pathsOf(api, op)[0]!;
      for (const role of ROLES) {
        const check = checkRule(role, { dialect, method: op.method, path, body: exampleBody(api, op) });
        expect(check.allowed, `${role} ${op.method} ${path}`).toBe(roleMay(role, op.action));
        if (check.allowed) expect(check.operation).toBe(op);
        else {
          expect(check.status).toBe(403);
          expect(check.leastRole).toBe(LEAST_ROLE[op.action]);
          expect(check.message).toContain(`needs the ${check.leastRole}`);
        }
      }
    }
  });

  test('browsing backed-up content of a Veeam restore session is support and admin only', () => {
    const content = [
      '/v5/RestoreSessions/5d2a/Organization',
      '/v5/RestoreSessions/5d2a/Organization/Mailboxes',
      '/v5/RestoreSessions/5d2a/Organization/Mailboxes/m-1/Folders/f-1/Items?limit=30',
      '/v5/restoresessions/5d2a/organization/OneDrives/o-1/Documents',
      '/v5/RestoreSessions/5d2a/Organization/Sites/s-1/Lists',
      '/v5/RestoreSessions/5d2a/Organization/Teams/t-1/Channels/c-1/Posts',
    ];
    for (const path of content) {
      const viewer = checkRule('viewer', { dialect: 'veeam-v5', method: 'GET', path });
      expect(viewer.allowed, path).toBe(false);
      if (viewer.allowed) continue;
      expect(viewer.status).toBe(403);
      expect(viewer.leastRole).toBe('support');
      expect(viewer.body).toEqual({
        message:
          'Your role (viewer) may not browse the backed-up content of a restore session (private data); this needs the support or admin role.',
        errorCode: 'Forbidden',
      });
      for (const role of ['support', 'admin'] as const) {
        const check = checkRule(role, { dialect: 'veeam-v5', method: 'GET', path });
        expect(check.allowed && check.action, `${role} ${path}`).toBe('restore-content.browse');
      }
    }
    // The session itself and its events stay readable for a viewer.
    for (const path of ['/v5/RestoreSessions/5d2a', '/v5/RestoreSessions/5d2a/Events'])
      expect(checkRule('viewer', { dialect: 'veeam-v5', method: 'GET', path }).allowed, path).toBe(true);
    // Acting on content (restore, save, send, export) is support's too.
    const act = {
      dialect: 'veeam-v5',
      method: 'POST',
      path: '/v5/RestoreSessions/5d2a/Organization/Mailboxes/m-1/Action',
    };
    expect(checkRule('viewer', act).allowed).toBe(false);
    expect(checkRule('support', act).allowed).toBe(true);
  });
});

describe('deny by default', () => {
  test('a path, method, dialect or command the table does not name is refused', () => {
    const refused = [
      { dialect: 'veeam-v5', method: 'GET', path: '/v5/SomethingNew' },
      { dialect: 'veeam-v5', method: 'DELETE', path: '/v5/Jobs/abc' },
      { dialect: 'veeam-v5', method: 'GET', path: '/v2/110011/backups' }, // another dialect's API
      { dialect: 'rackspace-v1', method: 'GET', path: '/v1.0/110011/User/Agents' }, // v1.0 minds case
      { dialect: 'tiny-v1', method: 'GET', path: '/tiny/v1/targets' },
      { dialect: 'constructor', method: 'GET', path: '/v5/Jobs' },
      { dialect: 'veeam-v5', method: 'POST', path: '/v5/Jobs/abc/action', body: { destroy: null } },
      { dialect: 'veeam-v5', method: 'POST', path: '/v5/Jobs/abc/action', body: { start: null, stop: null } },
      { dialect: 'veeam-v5', method: 'POST', path: '/v5/Jobs/abc/action' },
      {
        dialect: 'rackspace-v1',
        method: 'POST',
        path: '/v1.0/110011/backup/action-requested',
        body: { Id: 1 },
      },
    ];
    for (const request of refused) {
      const check = checkRule('admin', request);
      expect(check.allowed, JSON.stringify(request)).toBe(false);
      if (!check.allowed) expect(check.message).toMatch(/rule|command/);
    }
  });

  test('commands choose their rule: support may start a Veeam job or a v1.0 backup, not stop one', () => {
    const job = (command: string) => ({
      dialect: 'veeam-v5',
      method: 'POST',
      path: '/v5/Jobs/abc/Action',
      body: { [command]: null },
    });
    expect(checkRule('support', job('Start')).allowed).toBe(true);
    expect(checkRule('support', job('stop'))).toMatchObject({
      allowed: false,
      leastRole: 'admin',
      action: 'backup.stop',
    });
    const v1 = (Action: string) => ({
      dialect: 'rackspace-v1',
      method: 'POST',
      path: '/v1.0/110011/backup/action-requested',
      body: { Action, Id: 1 },
    });
    expect(checkRule('support', v1('StartManual')).allowed).toBe(true);
    const stop = checkRule('support', v1('StopManual'));
    expect(stop).toMatchObject({ allowed: false, status: 403, leastRole: 'admin' });
    if (!stop.allowed)
      expect(stop.body).toEqual({ forbidden: { code: 403, message: stop.message, details: '' } });
  });

  test('vendor sign-in and sign-out are refused: the console holds the vendor tokens', () => {
    for (const [dialect, method, path] of [
      ['rackspace-v1', 'POST', '/v2.0/tokens'],
      ['rackspace-v2', 'DELETE', '/v2.0/tokens/abc'],
      ['veeam-v5', 'POST', '/v5/Token'],
    ] as const) {
      const check = checkRule('admin', { dialect, method, path });
      expect(check.allowed).toBe(false);
      if (!check.allowed) expect(check.message).toContain('sign in to the console');
    }
  });

  test('a path the vendor would read otherwise is refused: dot segments, encoded slashes', () => {
    for (const path of [
      '/v5/Jobs/x/../../RestoreSessions/1/Organization/Mailboxes',
      '/v5/Jobs/%2e%2e/RestoreSessions',
      '/v5/Organizations/x%2Fy/Users',
      '/v5/Jobs/x%5c..',
      '/v5/Jobs/%E0%A4%A',
    ]) {
      const check = checkRule('admin', { dialect: 'veeam-v5', method: 'GET', path });
      expect(check.allowed, path).toBe(false);
      if (!check.allowed) expect(check.status, path).toBe(400);
    }
  });
});

describe('a dialect registered at run time has its rules from its plug-in', () => {
  test('Tiny Backup v1: its table, by role, and refusals in its own error form; rules.ts names none', () => {
    const targets = { dialect: 'tiny-v1', method: 'GET', path: '/tiny/v1/targets' };
    expect(checkRule('admin', targets)).toMatchObject({ allowed: false, status: 403 });
    const unregister = registerDialect(tinyV1);
    try {
      expect(checkRule('viewer', targets).allowed).toBe(true);
      for (const api of tinyV1.apis)
        for (const op of api.operations) {
          const path = pathsOf(api, op)[0]!;
          for (const role of ROLES) {
            const check = checkRule(role, { dialect: 'tiny-v1', method: op.method, path });
            const may = op.action !== 'sign-in' && op.action !== 'sign-out' && roleMay(role, op.action);
            expect(check.allowed, `${role} ${op.method} ${path}`).toBe(may);
          }
        }
      const stranger = checkRule('admin', { dialect: 'tiny-v1', method: 'DELETE', path: '/tiny/v1/targets' });
      expect(stranger.allowed ? {} : stranger.body).toEqual({
        problem: {
          status: 403,
          text: "No rule allows DELETE /tiny/v1/targets: the console's table does not name it.",
        },
      });
      const start = checkRule('viewer', {
        dialect: 'tiny-v1',
        method: 'POST',
        path: '/tiny/v1/targets/t1/runs',
      });
      expect(start).toMatchObject({ allowed: false, leastRole: 'support' });
      // Its rules are its own APIs': another dialect's path is not one of them.
      expect(checkRule('admin', { dialect: 'tiny-v1', method: 'GET', path: '/v5/Jobs' }).allowed).toBe(false);
      expect(dialectErrorForm('tiny-v1').name).toBe('tiny-problem');
    } finally {
      unregister();
    }
    expect(checkRule('admin', targets).allowed).toBe(false);
  });
});
