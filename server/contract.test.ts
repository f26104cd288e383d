import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContract, Operation } from '../src/api/contract/operations';
import { apiOf, examplePath, operationsAt } from '../src/api/contract/operations';
import type { Role } from '../src/api/contract/roles';
import { forbiddenMessage, roleMay, ROLES } from '../src/api/contract/roles';
import { readErrorBody } from '../src/api/contract/error-forms';
import { modules } from './app';
import type { Harness } from './rackspace-v1/test-support';
import { harness } from './rackspace-v1/test-support';
import { signIn } from './veeam-v5/testing';

/**
 * The table of operations (src/api/contract/apis.ts) is the service's rule book: every route it
 * registers has a rule there, and for every rule and every role the service answers as the table says.
 */

/** Routes outside every API: the service's own. */
const NOT_AN_API = ['GET /health'];

let h: Harness;
const veeamTokens = {} as Record<Role, string>;
beforeAll(async () => {
  h = await harness();
  for (const role of ROLES) {
    const res = await signIn(h.service, role);
    veeamTokens[role] = ((await res.json()) as { access_token: string }).access_token;
  }
});
afterAll(() => h.close());

const apis = modules.flatMap((m) => m.apis);

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
    for (const r of h.service.app.routes) if (r.method !== 'ALL') seen.add(`${r.method} ${r.path}`);
    return [...seen];
  };

  it('finds the routes of every module', () => {
    expect(routes().length).toBeGreaterThan(100);
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

/** The token of `role` as the API takes it: Veeam's Bearer, Rackspace's X-Auth-Token. */
async function auth(api: ApiContract, role: Role): Promise<Record<string, string>> {
  return api.name === 'veeam-v5'
    ? { authorization: `Bearer ${veeamTokens[role]}` }
    : { 'x-auth-token': await h.token(role) };
}

/** A body that names the rule's command; any other body is read only after the role is checked. */
function bodyOf(api: ApiContract, op: Operation): unknown {
  if (!op.command) return {};
  if (api.name === 'rackspace-v1') return { Action: op.command, Id: 1 };
  if (op.command === 'explore') return { explore: { datetime: '2020-04-12 10:54:40.000', type: 'vex' } };
  return { [op.command]: null };
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
    const res = await h.service.app.request(examplePath(api, op), {
      method: op.method,
      headers: { ...(await auth(api, role)), 'content-type': 'application/json' },
      body: op.method === 'GET' ? undefined : JSON.stringify(bodyOf(api, op)),
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
