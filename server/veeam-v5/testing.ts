import type { Service } from '../app';
import { createService } from '../app';
import { loadConfig } from '../config';
import type { Role } from '../../src/api/contract/roles';

/** Tests only: the service in-process with a clock the test moves, and a signed-in caller per role. */

export interface FakeClock {
  now(): number;
  set(ms: number): void;
  advance(ms: number): void;
}

export function fakeClock(start = Date.UTC(2026, 10, 22, 12, 0, 0)): FakeClock {
  let t = start;
  return {
    now: () => t,
    set: (ms) => {
      t = ms;
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

export interface VeeamTestService {
  service: Service;
  clock: FakeClock;
  tokens: Record<Role, string>;
  /** A request as `role` (Bearer token) to a path of the service. */
  call(role: Role | null, path: string, init?: RequestInit): Promise<Response>;
  /** POST a JSON body as `role`. */
  post(role: Role | null, path: string, body: unknown): Promise<Response>;
  /** Moves the clock by `realMs` and runs one engine tick over it. */
  tick(realMs: number): void;
}

export async function signIn(service: Service, username: string, password = 'demo'): Promise<Response> {
  return service.app.request('/v5/Token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username, password }).toString(),
  });
}

export async function startVeeam(args: string[] = [], clock = fakeClock()): Promise<VeeamTestService> {
  const service = await createService(
    loadConfig(['--data-dir', ':memory:', '--speed', '60', ...args], {}),
    clock,
  );
  const tokens = {} as Record<Role, string>;
  for (const role of ['admin', 'support', 'viewer'] as const) {
    const res = await signIn(service, role);
    tokens[role] = ((await res.json()) as { access_token: string }).access_token;
  }
  const call = (role: Role | null, path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (role) headers.set('authorization', `Bearer ${tokens[role]}`);
    return Promise.resolve(service.app.request(path, { ...init, headers }));
  };
  return {
    service,
    clock,
    tokens,
    call,
    post: (role, path, body) =>
      call(role, path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    tick: (realMs) => {
      clock.advance(realMs);
      service.ctx.engine.step(realMs);
    },
  };
}

/** The job of seed 004's examples, present in the demo data set. */
export const SEED_JOB = '3396ba22-21b1-4666-a631-0edfc12a59cd';
