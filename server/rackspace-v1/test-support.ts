import type { Service } from '../app';
import { createService } from '../app';
import { loadConfig } from '../config';
import type { Clock } from '../context';
import type { Role } from '../../src/api/contract/roles';

/** A clock the tests move by hand: the engine's `now` and the scheduler's wall clock. */
export class FakeClock implements Clock {
  constructor(public time = Date.UTC(2026, 10, 22, 12, 7, 0)) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface Harness {
  service: Service;
  clock: FakeClock;
  token(role?: Role): Promise<string>;
  /** A request as a client sends it; `body` objects are sent as JSON, strings as written. */
  call(
    method: string,
    path: string,
    options?: { role?: Role | null; body?: unknown; headers?: Record<string, string>; token?: string },
  ): Promise<Response>;
  /** Steps the engine `times` ticks of `realMs` each, moving the clock along. */
  run(times: number, realMs?: number): void;
  close(): void;
}

/** A service in-process over a fresh in-memory (or given) data folder, with a fake clock. */
export async function harness(
  options: { dataDir?: string; speed?: number; clock?: FakeClock; scale?: number; seed?: number } = {},
): Promise<Harness> {
  const clock = options.clock ?? new FakeClock();
  const args = ['--data-dir', options.dataDir ?? ':memory:', '--speed', String(options.speed ?? 60)];
  if (options.scale) args.push('--scale', String(options.scale));
  if (options.seed !== undefined) args.push('--seed', String(options.seed));
  const service = await createService(loadConfig(args, {}), clock);
  const tokens = new Map<Role, string>();
  async function token(role: Role = 'admin'): Promise<string> {
    const known = tokens.get(role);
    if (known) return known;
    const res = await service.app.request('/v2.0/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ auth: { passwordCredentials: { username: role, password: 'demo' } } }),
    });
    const body = (await res.json()) as { access: { token: { id: string } } };
    tokens.set(role, body.access.token.id);
    return body.access.token.id;
  }
  return {
    service,
    clock,
    token,
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      const tok = opts.token ?? (opts.role === null ? undefined : await token(opts.role ?? 'admin'));
      if (tok) headers['x-auth-token'] = tok;
      let body: string | undefined;
      if (opts.body !== undefined) {
        body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
        if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type'))
          headers['content-type'] = 'application/json';
      }
      return service.app.request(path, { method, headers, body });
    },
    run(times, realMs = 1000) {
      for (let i = 0; i < times; i++) {
        clock.advance(realMs);
        service.ctx.engine.step(realMs);
      }
    },
    close: () => service.close(),
  };
}
