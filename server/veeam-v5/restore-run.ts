import { randomUUID } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { z } from 'zod/mini';
import type { ServiceContext } from '../context';
import { veeamStore } from '../store/veeam-store';
import type { Scope, SessionType } from './explore-http';
import { sessionScope } from './explore-http';
import { readJson, route, veeamError } from './http';

/**
 * Restore actions inside a session: `POST …/Action` with exactly one key (any case), checked against
 * the actions the endpoint takes; each runs synchronously, taking simulated time by size, and leaves
 * an event on the session (Running while it works, then Success, Warning or Failed).
 */

export type ActionSchemas = Record<string, z.ZodMiniType>;

export interface ParsedAction {
  /** The key in lower case. */
  name: string;
  options: unknown;
}

/** The action of a body, or the 400 message. `names` spells each action as v5 pages do. */
export function parseAction(
  body: unknown,
  schemas: ActionSchemas,
  names: Record<string, string>,
  what: string,
): ParsedAction | string {
  const example = Object.values(names)[0] ?? 'action';
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return `The body must be a JSON object with one action, such as {"${example}": {…}}.`;
  }
  const keys = Object.keys(body);
  const list = Object.values(names).join(', ');
  if (keys.length !== 1) {
    return `Send exactly one action (${list}), not ${keys.length === 0 ? 'none' : keys.join(' and ')}.`;
  }
  const key = keys[0]!;
  const name = key.toLowerCase();
  const schema = schemas[name];
  if (!schema) return `"${key}" is not an action of ${what}: use one of ${list}.`;
  const parsed = schema.safeParse((body as Record<string, unknown>)[key]);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.length ? `${issue.path.join('.')}: ` : '';
    const message =
      issue.code === 'invalid_type' && issue.path.length === 0
        ? `needs an object of options${schema.safeParse(null).success ? ' or null' : ''}`
        : issue.message;
    return `${names[name] ?? key}: ${at}${message}.`.replace(/\.\.$/, '.');
  }
  return { name, options: parsed.data };
}

/** What one action did, for its event and the session's running counts. */
export interface Outcome {
  status: 'Success' | 'Warning' | 'Failed';
  title: string;
  message: string;
  processed: number;
  failed: number;
}

const DETAILS = /^(\d+) items processed \((\d+) successfully, (\d+) failed\)$/;

/** Simulated duration of moving `bytes` in `items` pieces: a few seconds, plus 8 MB/s and 40 ms an item. */
export function simulatedMs(bytes: number, items: number): number {
  return Math.round(2_000 + (bytes / (8 * 1024 * 1024)) * 1000 + items * 40);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs an action: a Running event, the simulated time (at SPEED, at most 20 s of real time), then the
 * outcome on the event and in the session's `details`. `work` makes the answer and the outcome.
 */
export async function perform(
  s: Scope,
  event: { type: 'Restore' | 'Save' | 'Send' | 'Export'; title: string },
  size: { bytes: number; items: number },
  work: () => { outcome: Outcome; answer: () => Response },
): Promise<Response> {
  const store = veeamStore(s.ctx.db);
  const id = randomUUID();
  const start = s.ctx.clock.now();
  store.insert('veeam_restore_events', {
    id,
    session_id: s.session.id,
    ord: store.lastEventOrder(s.session.id) + 1,
    type: event.type,
    status: 'Running',
    start_time: start,
    end_time: null,
    title: event.title,
    message: `${event.title} (started by ${s.user.username})`,
  });
  const simulated = simulatedMs(size.bytes, size.items);
  await sleep(Math.min(20_000, simulated / Math.max(0.001, s.ctx.config.speed)));
  const { outcome, answer } = work();
  const now = store.restoreSession(s.session.id);
  const m = DETAILS.exec(now?.details ?? '');
  const processed = Number(m?.[1] ?? 0) + outcome.processed;
  const failed = Number(m?.[3] ?? 0) + outcome.failed;
  s.ctx.db.transaction(() => {
    store.update('veeam_restore_events', id, {
      status: outcome.status,
      end_time: start + simulated,
      title: outcome.title,
      message: outcome.message,
    });
    if (now?.state === 'Working') {
      store.update('veeam_restore_sessions', s.session.id, {
        details: `${processed} items processed (${processed - failed} successfully, ${failed} failed)`,
      });
    }
  })();
  return answer();
}

/** Registers `POST path` for the actions of `schemas` in sessions of `type` (support and admin). */
export function actionRoute(
  app: Hono,
  ctx: ServiceContext,
  type: SessionType,
  path: string,
  what: string,
  schemas: ActionSchemas,
  names: Record<string, string>,
  run: (s: Scope, c: Context, action: ParsedAction) => Response | Promise<Response>,
): void {
  route(app, 'POST', path, async (c) => {
    const scope = sessionScope(ctx, c, type);
    if (scope instanceof Response) return scope;
    const read = await readJson(c);
    if (read instanceof Response) return read;
    const action = parseAction(read.body, schemas, names, what);
    if (typeof action === 'string') return veeamError(c, 400, action);
    return run(scope, c, action);
  });
}

/** A file answer: octet-stream with its name (v5 documents no Content-Disposition; we send one). */
export function fileAnswer(data: Buffer, name: string, type = 'application/octet-stream'): Response {
  const ascii = name.replace(/[^\x20-\x7e]+/g, '_').replace(/["\\]/g, '_');
  return new Response(new Uint8Array(data), {
    status: 200,
    headers: {
      'content-type': type,
      'content-length': String(data.length),
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  });
}

/** "1.2 MB" */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let u = 0;
  while (value >= 1024 && u < units.length - 1) {
    value /= 1024;
    u++;
  }
  return `${value.toFixed(1)} ${units[u]}`;
}

/** The status of an outcome from its failures: all failed → Failed, some → Warning. */
export function statusOf(total: number, failed: number): Outcome['status'] {
  if (failed === 0) return 'Success';
  return failed >= total ? 'Failed' : 'Warning';
}

/** Saves over this size are refused: a console downloads into memory. */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024;
