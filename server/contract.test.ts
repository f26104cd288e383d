import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContract } from '../src/api/contract/operations';
import { apiOf, exampleBody, examplePath, operationsAt } from '../src/api/contract/operations';
import type { Role } from '../src/api/contract/roles';
import { forbiddenMessage, roleMay, ROLES } from '../src/api/contract/roles';
import { readErrorBody } from '../src/api/contract/error-forms';
import type { Service } from './app';
import { createService, modules } from './app';
import { loadConfig } from './config';
import { issueToken } from './identity/tokens';
import { authenticatePassword, DEMO_PASSWORD, DEMO_USERS } from './identity/users';
import type { ServiceModule } from './module';
import { FakeClock } from './rackspace-v1/test-support';
import { tinyModule } from './testing/tiny-dialect/module';

/**
 * The table of operations (src/api/contract/) is the service's rule book: every route it registers
 * has a rule there, and for every rule and every role the service answers as the table says. Nothing
 * here names a dialect: what each needs comes from its module (its APIs, the token kinds its requests
 * carry) and its APIs' contract (command forms). The test dialect's module (Tiny Backup v1) is run
 * through it beside the registered ones.
 */

/** Routes outside every API: the service's own. */
const NOT_AN_API = ['GET /health'];

const serviceModules: readonly ServiceModule[] = [...modules, tinyModule];
const apis = serviceModules.flatMap((m) => m.apis);

let service: Service;
/** Per module and role: the headers that carry a token of each kind its requests come with. */
const headers = new Map<ServiceModule, Map<Role, Record<string, string>>>();
beforeAll(async () => {
  service = await createService(loadConfig(['--data-dir', ':memory:'], {}), new FakeClock(), serviceModules);
  const { db, config, clock } = service.ctx;
  for (const role of ROLES) {
    const username = DEMO_USERS.find((u) => u.role === role)!.username;
    const user = (await authenticatePassword(db, username, DEMO_PASSWORD))!;
    for (const m of serviceModules) {
      const own = headers.get(m) ?? new Map<Role, Record<string, string>>();
      headers.set(m, own);
      const sent: Record<string, string> = {};
      for (const kind of m.tokenKinds) {
        if (!kind.header) continue; // a token that never comes with a request (Veeam's refresh token)
        const { token } = issueToken(db, user, kind, config.tokenTtl, clock.now());
        sent[kind.header] = kind.scheme ? `${kind.scheme} ${token}` : token;
      }
      own.set(role, sent);
    }
  }
});
afterAll(() => service.close());

/** A Hono route pattern made concrete: `:region{…}` → dfw, `:tenant`/`:project` → the demo tenant. */
function concrete(pattern: string): string {
  return pattern
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment;
      const name = /^:(\w+)/.exec(segment)![1]!;
      if (name === 'region') return 'dfw';
      if (name === 'tenant' || name === 'project') return '110011';
      return segment.includes('[0-9]') ? '1' : `${name}-1`;
    })
    .join('/');
}

describe('every route the service registers has a rule', () => {
  const routes = () => {
    const seen = new Set<string>();
    // `ALL` entries are middleware, the 404 fallbacks and the 405 answers: they do nothing a role governs.
    for (const r of service.app.routes) if (r.method !== 'ALL') seen.add(`${r.method} ${r.path}`);
    return [...seen];
  };

  it("finds the routes of every module, the test dialect's too", () => {
    expect(routes().length).toBeGreaterThan(100);
    expect(routes()).toContain('POST /tiny/v1/targets/:id/runs');
    expect(cases.filter(([, api]) => api.name === 'tiny-v1')).toHaveLength(3 * ROLES.length);
  });

  it('matches each one to a rule of its API', () => {
    const without: string[] = [];
    for (const route of routes()) {
      const [method, pattern] = route.split(' ') as [string, string];
      const path = concrete(pattern);
      const api = apiOf(apis, path);
      if (!api) {
        if (!NOT_AN_API.includes(route)) without.push(`${route} (no API)`);
        continue;
      }
      if (operationsAt(api, method, path).length === 0) without.push(`${route} → ${path}`);
    }
    expect(without).toEqual([]);
  });
});

/** The token of `role` as the API takes it, in the headers of the kinds its module issues. */
function auth(api: ApiContract, role: Role): Record<string, string> {
  const m = serviceModules.find((candidate) => candidate.apis.includes(api))!;
  return headers.get(m)!.get(role)!;
}

const cases = apis.flatMap((api) =>
  api.operations
    .filter((op) => op.action !== 'sign-in' && op.action !== 'sign-out')
    .flatMap((op) =>
      ROLES.map((role) => {
        const name = `${api.name} ${op.method} ${op.path}${op.command ? ` ${op.command}` : ''} as ${role}`;
        return [name, api, op, role] as const;
      }),
    ),
);

describe('the service answers as the table says, for every role', () => {
  it.each(cases)('%s', async (_, api, op, role) => {
    if (op.action === 'sign-in' || op.action === 'sign-out')
      throw new Error('sign-in and sign-out rules are left out above');
    const res = await service.app.request(examplePath(api, op), {
      method: op.method,
      headers: { ...auth(api, role), 'content-type': 'application/json' },
      // A body that names the rule's command; any other body is read only after the role is checked.
      body: op.method === 'GET' ? undefined : JSON.stringify(exampleBody(api, op) ?? {}),
    });
    if (roleMay(role, op.action)) {
      expect(res.status).not.toBe(403);
      expect(res.status).not.toBe(401);
    } else {
      expect(res.status).toBe(403);
      expect(readErrorBody(await res.json(), [api.errorBody]).message).toBe(
        forbiddenMessage(role, op.action),
      );
    }
  });
});
