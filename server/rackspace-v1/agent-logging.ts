import type { Context } from 'hono';
import { z } from '../../src/api/contract/zod';
import { v1IdSchema } from '../../src/api/rackspace-v1/wire';
import { LOG_LEVELS } from '../store/rackspace-agents';
import type { Checked } from './request';
import { check, readJson } from './request';

/**
 * v1.0's agent log level (`GET /agent/logging/{id}`, `PUT /agent/logging`): levels numbered 1 (Fatal)
 * to 7 (All) and named as Rackspace's SDK names them — Fatal, Error, Warn, Info, Debug, Trace, All.
 */

/** `info` → `Info`; a level the store does not know reads as Info, the agents' default. */
export function v1LogLevelName(level: string): string {
  const known = (LOG_LEVELS as readonly string[]).includes(level) ? level : 'info';
  return known.charAt(0).toUpperCase() + known.slice(1);
}

const levelError = `must be a number from 1 (Fatal) to ${LOG_LEVELS.length} (All), or one of ${LOG_LEVELS.map((l) => v1LogLevelName(l)).join(', ')}`;

const loggingSchema = z.object({
  MachineAgentId: v1IdSchema,
  LoggingLevelId: z.pipe(
    z.transform((v) => {
      if (typeof v !== 'string') return v;
      const byName = LOG_LEVELS.findIndex((l) => l === v.trim().toLowerCase());
      return byName >= 0 ? byName + 1 : /^\s*\d+\s*$/.test(v) ? Number(v) : v;
    }),
    z
      .number({ error: levelError })
      .check(
        z.int({ error: levelError }),
        z.minimum(1, { error: levelError }),
        z.maximum(LOG_LEVELS.length, { error: levelError }),
      ),
  ),
});

/**
 * The body of `PUT /agent/logging`: the vendor documents a form (`MachineAgentId=1311839&LoggingLevelId=6`),
 * its SDK sends JSON with the key spelt `LoggingLevelid`; both are read, keys without regard to case.
 */
export async function readLoggingBody(c: Context): Promise<Checked<z.output<typeof loggingSchema>>> {
  let fields: unknown;
  if (/^\s*application\/x-www-form-urlencoded\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
    fields = Object.fromEntries(new URLSearchParams(await c.req.text()));
  } else {
    const body = await readJson(c);
    if (!body.ok) return body;
    fields = body.value;
  }
  if (fields !== null && typeof fields === 'object' && !Array.isArray(fields)) {
    const byKey = new Map(
      Object.entries(fields as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), v]),
    );
    fields = { MachineAgentId: byKey.get('machineagentid'), LoggingLevelId: byKey.get('logginglevelid') };
  }
  return check(loggingSchema, fields);
}
