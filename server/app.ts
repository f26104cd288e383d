import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ServiceConfig } from './config';
import type { Clock, ServiceContext } from './context';
import { systemClock } from './context';
import { Engine } from './engine/engine';
import { errorAnswer } from './errors';
import { faults } from './faults';
import { expireAllTokens } from './identity/tokens';
import { seedDemoUsers } from './identity/users';
import type { ServiceModule } from './module';
import { checkModules } from './module';
import { rackspaceModule } from './modules/rackspace';
import { Random } from './seed/random';
import { coreMigrations, getMeta, migrate, openDatabase, setMeta } from './store/db';
import { veeamModule } from './modules/veeam';
import { securityHeaders } from './security-headers';
import { compressAnswers } from './compress';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface Service {
  app: Hono;
  ctx: ServiceContext;
  /** Every API path prefix the service answers: its modules' APIs' (kept out of the console's pages). */
  apiPrefix: RegExp;
  close(): void;
}

/** The registry of service modules: the service is what they add up to. */
export const modules: ServiceModule[] = [rackspaceModule, veeamModule];

/** Every API path prefix the modules answer (each module's APIs' own). */
function apiPrefix(of: readonly ServiceModule[]): RegExp {
  return new RegExp(
    of
      .flatMap((m) => m.apis)
      .map((a) => `(?:${a.family.source})`)
      .join('|'),
    'i',
  );
}

/**
 * Builds the service: opens (or creates and seeds) the database, recovers runs a previous process left
 * in flight, and composes the routes. It does not listen and does not start the engine: `main.ts` does,
 * and tests answer requests in-process through `app.request()` or `app.fetch()`.
 */
export async function createService(
  config: ServiceConfig,
  clock: Clock = systemClock,
  /** The registry above; a test may add a module of its own (src/app/dialect-seam.test.tsx). */
  registered: readonly ServiceModule[] = modules,
): Promise<Service> {
  const modules = registered;
  const apis = modules.flatMap((m) => m.apis);
  const prefix = apiPrefix(modules);
  /** A path in an API whose paths match without regard to case is matched in lower case. */
  const routedPath = (path: string): string =>
    apis.some((a) => a.caseInsensitive && a.family.test(path)) ? path.toLowerCase() : path;
  checkModules(modules);
  const db = openDatabase(config.dataDir);
  migrate(db, [...coreMigrations, ...modules.flatMap((m) => m.migrations)]);
  const engine = new Engine(clock, config.speed, config.tickMs);
  const ctx: ServiceContext = { db, config, clock, engine };

  if (!getMeta(db, 'seeded')) {
    await seedDemoUsers(db);
    const random = new Random(config.seed);
    db.transaction(() => {
      for (const m of modules) m.seed(ctx, random.fork(m.name), config.scale);
      setMeta(db, 'seeded', new Date(clock.now()).toISOString());
      setMeta(db, 'seed', String(config.seed));
      setMeta(db, 'scale', String(config.scale));
    })();
  }
  for (const m of modules) for (const t of m.tickers(ctx)) engine.register(t);
  engine.recover();

  const app = new Hono({
    // Veeam ignores the case of its paths (clients mix `Jobs`/`jobs`, `Action`/`action`); its ids are
    // GUIDs, so the whole path of such an API is matched in lower case.
    getPath: (req) => {
      const url = new URL(req.url);
      let path = url.pathname;
      try {
        path = decodeURIComponent(path);
      } catch {
        // A malformed %-escape stays as sent: no route matches it, so it is a 404, never a 500.
      }
      return routedPath(path);
    },
  });

  app.use('*', securityHeaders());
  // The APIs' answers, the forwarding proxy's (mounted later, under /proxy/) and the console
  // server's forwarded ones (server/console/forward.ts), compressed.
  app.use(
    '*',
    compressAnswers(
      (path) =>
        prefix.test(path) || path.startsWith('/proxy/') || path.startsWith('/console/api/connections/'),
    ),
  );
  app.get('/health', (c) => c.json({ status: 'ok', speed: config.speed }));

  if (config.testControls) {
    // Only with --test-controls: lets e2e tests and training sessions expire every session at once.
    app.post('/__control/expire-tokens', (c) => c.json({ expired: expireAllTokens(db, clock.now()) }));
  }

  const dialectError = errorAnswer(apis);
  const injectFaults = faults(config.faults, dialectError);
  app.use('*', async (c, next) => (prefix.test(c.req.path) ? injectFaults(c as never, next) : next()));
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => dialectError(c, 413, `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`),
  });
  // A GET or HEAD has no body anything here can read (the Node adapter gives them none, as a Request
  // cannot have one), so the limit is skipped for them: it would only build the whole Request object
  // to find that out. An OPTIONS keeps it (the forwarding proxy reads an OPTIONS body).
  const limitBodies: MiddlewareHandler = (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next);
  app.use('*', limitBodies);

  for (const m of modules) m.routes(app, ctx);

  app.notFound((c) => dialectError(c, 404, `No such resource: ${c.req.method} ${c.req.path}`));
  app.onError((err, c) => {
    console.error(`${c.req.method} ${c.req.path} failed:`, err);
    return dialectError(c, 500, 'The service failed while answering; the error was logged.');
  });

  return {
    app,
    ctx,
    apiPrefix: prefix,
    close() {
      engine.stop();
      db.close();
    },
  };
}
