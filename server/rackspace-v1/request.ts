import type { Context } from 'hono';
import type { z } from 'zod/mini';

/**
 * Reading request bodies the way both Rackspace doors need it: any JSON content type is accepted
 * (application/json, application/json-patch+json, application/*+json, charset parameters; a missing
 * one too), another content type is refused with 415, malformed JSON with 400 and a message that
 * says what is wrong, never a 500.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; status: 400 | 415; message: string };

const JSON_TYPE = /^\s*(application|text)\/([\w.-]+\+)?json\s*(;|$)/i;

export async function readJson(c: Context, options: { optional?: boolean } = {}): Promise<Checked<unknown>> {
  const type = c.req.header('content-type');
  const text = await c.req.text();
  if (type && !JSON_TYPE.test(type) && text.trim() !== '')
    return {
      ok: false,
      status: 415,
      message: `The body must be JSON (Content-Type: application/json), not ${type.split(';')[0]}.`,
    };
  if (text.trim() === '') {
    if (options.optional) return { ok: true, value: undefined };
    return { ok: false, status: 400, message: 'The request needs a JSON body.' };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const hint = /:\s*'|\[\s*'|,\s*'/.test(text)
      ? ' JSON strings need double quotes, not single quotes.'
      : '';
    return { ok: false, status: 400, message: `The body is not valid JSON (${detail}).${hint}` };
  }
}

/** Validates a parsed body; the message names each wrong field and what it needs. */
export function check<S extends z.ZodMiniType>(schema: S, value: unknown): Checked<z.output<S>> {
  if (value === undefined || value === null || typeof value !== 'object')
    return { ok: false, status: 400, message: 'The body must be a JSON object.' };
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, status: 400, message: zodMessage(parsed.error, value) };
}

export function zodMessage(error: z.core.$ZodError, input?: unknown): string {
  const parts = error.issues.map((issue) => {
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    const missing = issue.path.length > 0 && valueAt(input, issue.path) === undefined;
    return `${where}${missing ? 'is required' : issue.message}`;
  });
  return `The body is not valid: ${parts.join('; ')}.`;
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/** `readJson` then `check`. */
export async function readBody<S extends z.ZodMiniType>(
  c: Context,
  schema: S,
): Promise<Checked<z.output<S>>> {
  const body = await readJson(c);
  return body.ok ? check(schema, body.value) : body;
}
