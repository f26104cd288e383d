/*
 * Tests only: "Tiny Backup v1", a dialect made for the seam test (src/app/dialect-seam.test.tsx). Its
 * wire schemas, its error form and its API's table of operations, shared by its adapter and by its
 * service module (server/testing/tiny-dialect/), as a real dialect's are.
 */
import { z } from '../../contract/zod';
import type { ErrorForm } from '../../contract/error-forms';
import type { ApiContract } from '../../contract/operations';

/** `{"problem": {"status", "text"}}`: unlike every real dialect's, so only its plug-in can read it. */
export const TINY_ERROR: ErrorForm = {
  name: 'tiny-problem',
  write: (status, message) => ({ problem: { status, text: message } }),
  read(body) {
    const problem = body.problem as { text?: unknown } | undefined;
    return typeof problem?.text === 'string' ? { code: null, message: problem.text } : null;
  },
};

export const TINY_API: ApiContract = {
  name: 'tiny-v1',
  family: /^\/tiny\/v1(?=\/|$)/i,
  root: /^\/tiny\/v1/i,
  exampleRoot: '/tiny/v1',
  caseInsensitive: false,
  errorBody: TINY_ERROR,
  operations: [
    { method: 'POST', path: '/token', action: 'sign-in' },
    { method: 'GET', path: '/targets', action: 'read' },
    { method: 'GET', path: '/runs', action: 'read' },
    { method: 'POST', path: '/targets/{id}/runs', action: 'backup.start' },
  ],
};

export const tokenRequestSchema = z.object({ username: z.string(), password: z.string() });

export const tokenAnswerSchema = z.object({
  token: z.string(),
  issued: z.string(),
  expires: z.string(),
  user: z.string(),
  role: z.string(),
});

/** What it backs up on a schedule: its word for a backup target. */
export const targetSchema = z.object({
  id: z.string(),
  title: z.string(),
  active: z.boolean(),
  lastState: z.enum(['idle', 'running', 'done', 'broken']),
  lastRunAt: z.nullable(z.string()),
});
export const targetListSchema = z.array(targetSchema);
export type TinyTarget = z.infer<typeof targetSchema>;

export const runSchema = z.object({
  id: z.string(),
  targetId: z.string(),
  state: z.enum(['running', 'done', 'broken']),
  startedAt: z.string(),
});
export const runListSchema = z.array(runSchema);
export type TinyRun = z.infer<typeof runSchema>;
