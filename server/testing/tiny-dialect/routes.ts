/* Tests only: the routes of Tiny Backup v1 under /tiny/v1 (its table of operations: TINY_API). */
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { TINY_API, TINY_ERROR, tokenRequestSchema } from '../../../src/api/testing/tiny-dialect/wire';
import type { TinyRun, TinyTarget } from '../../../src/api/testing/tiny-dialect/wire';
import type { ServiceContext } from '../../context';
import { authenticate, authorizeRequest } from '../../identity/auth';
import type { TokenKind } from '../../identity/tokens';
import { issueToken } from '../../identity/tokens';
import type { User } from '../../identity/users';
import { authenticatePassword } from '../../identity/users';

export const TINY_TOKEN: TokenKind = { name: 'tiny', header: 'X-Tiny-Token' };

const problem = (c: Context, status: ContentfulStatusCode, message: string) =>
  c.json(TINY_ERROR.write(status, message), status);

/** The caller, or the refusal in Tiny's form: 401 without a valid token, 403 when the table says no. */
function guard(ctx: ServiceContext, c: Context): User | Response {
  const auth = authenticate(ctx, c, TINY_TOKEN);
  if (!auth.ok) return problem(c, auth.status, auth.message);
  const allowed = authorizeRequest(auth.user, TINY_API, c);
  return allowed.ok ? auth.user : problem(c, allowed.status, allowed.message);
}

interface TargetRow {
  id: string;
  title: string;
  active: number;
}
interface RunRow {
  id: string;
  target_id: string;
  state: TinyRun['state'];
  started_at: string;
}

export function mountTinyRoutes(app: Hono, ctx: ServiceContext): void {
  const { db } = ctx;
  const lastRun = db.prepare(
    'SELECT * FROM tiny_runs WHERE target_id = ? ORDER BY started_at DESC, id DESC LIMIT 1',
  );

  app.post('/tiny/v1/token', async (c) => {
    const body = tokenRequestSchema.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return problem(c, 400, 'Send {"username", "password"}.');
    const user = await authenticatePassword(db, body.data.username, body.data.password);
    if (!user) return problem(c, 401, 'Wrong user name or password.');
    const issued = issueToken(db, user, TINY_TOKEN, ctx.config.tokenTtl, ctx.clock.now());
    return c.json({
      token: issued.token,
      issued: new Date(issued.issuedAt).toISOString(),
      expires: new Date(issued.expiresAt).toISOString(),
      user: user.username,
      role: user.role,
    });
  });

  app.get('/tiny/v1/targets', (c) => {
    const user = guard(ctx, c);
    if (user instanceof Response) return user;
    const rows = db.prepare('SELECT * FROM tiny_targets ORDER BY id').all() as TargetRow[];
    return c.json(
      rows.map((t): TinyTarget => {
        const run = lastRun.get(t.id) as RunRow | undefined;
        return {
          id: t.id,
          title: t.title,
          active: t.active === 1,
          lastState: run?.state ?? 'idle',
          lastRunAt: run?.started_at ?? null,
        };
      }),
    );
  });

  app.get('/tiny/v1/runs', (c) => {
    const user = guard(ctx, c);
    if (user instanceof Response) return user;
    const rows = db.prepare('SELECT * FROM tiny_runs ORDER BY started_at DESC, id DESC').all() as RunRow[];
    return c.json(
      rows.map((r): TinyRun => ({
        id: r.id,
        targetId: r.target_id,
        state: r.state,
        startedAt: r.started_at,
      })),
    );
  });

  app.post('/tiny/v1/targets/:id/runs', (c) => {
    const user = guard(ctx, c);
    if (user instanceof Response) return user;
    const id = c.req.param('id');
    if (!db.prepare('SELECT id FROM tiny_targets WHERE id = ?').get(id))
      return problem(c, 404, `There is no target "${id}".`);
    const running = lastRun.get(id) as RunRow | undefined;
    if (running?.state === 'running') return problem(c, 409, 'A run of this target is running already.');
    const count = (db.prepare('SELECT COUNT(*) AS n FROM tiny_runs').get() as { n: number }).n;
    const runId = `r${count + 1}`;
    db.prepare('INSERT INTO tiny_runs (id, target_id, state, started_at) VALUES (?, ?, ?, ?)').run(
      runId,
      id,
      'running',
      new Date(ctx.clock.now()).toISOString(),
    );
    return c.json({ id: runId }, 201);
  });
}
