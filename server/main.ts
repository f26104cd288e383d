import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { parseConnections } from '../src/api/connections';
import { createService } from './app';
import { guardConnections } from './connections';
import { loadConfig } from './config';
import { mountProxy } from './proxy';
import { serveConsole } from './static';
import { DEMO_PASSWORD, DEMO_USERS } from './identity/users';
import { loadConsoleConfig } from './console/config';
import { mountConsole } from './console/http';
import type { HeldEntry } from './console/held';
import { startHealthChecks } from './console/health-check';
import { holdConnections, loadHeldConnections } from './console/held';
import { browserConfig } from './console/browser-config';
import { getMeta } from './store/db';

/**
 * Origins named by the console's connections config: the proxy may reach those. The config is checked
 * as the console checks it (each dialect's plug-in its own fields), so that a config the console
 * cannot use, say one naming a dialect no plug-in is registered for, stops the start with its reason.
 */
function configuredOrigins(consoleDir: string | null): string[] {
  if (!consoleDir) return [];
  const file = join(consoleDir, 'config.json');
  if (!existsSync(file)) return [];
  const connections = parseConnections(JSON.parse(readFileSync(file, 'utf8')), file);
  return connections.flatMap((connection) =>
    Object.values(connection)
      .filter((v): v is string => typeof v === 'string' && /^https?:\/\//.test(v))
      .map((url) => new URL(url).origin),
  );
}

/** The embedded reference service's connections, signed in to as its demo administrator. */
const REFERENCE_CONNECTIONS = fileURLToPath(new URL('./console/reference-connections.json', import.meta.url));

/** A setting or file the server cannot start with: its message alone, and exit code 2. */
function cannotStart(err: unknown): never {
  console.error(`Cannot start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let config;
  let origins: string[];
  let consoleConfig;
  let heldEntries: HeldEntry[];
  try {
    config = loadConfig();
    consoleConfig = loadConsoleConfig(config.dataDir, true);
    heldEntries = consoleConfig.connectionsFile ? loadHeldConnections(consoleConfig.connectionsFile) : [];
    origins = configuredOrigins(config.serveConsole);
  } catch (err) {
    cannotStart(err);
  }
  const service = await createService(config);
  // The console server's own API under /console/api (issue 13; docs/console-server.md). Its demo
  // users come with the reference service's demo data set.
  const demoDataSet = getMeta(service.ctx.db, 'seeded') !== undefined;
  // Console mode by default where it can be: a server that serves the console beside the reference
  // service's demo data, told of no connections file, holds that service's own connections.
  if (heldEntries.length === 0 && consoleConfig.referenceConnections && config.serveConsole && demoDataSet) {
    try {
      heldEntries = loadHeldConnections(REFERENCE_CONNECTIONS, { REFERENCE_PASSWORD: DEMO_PASSWORD });
    } catch (err) {
      cannotStart(err);
    }
  }
  // The connections whose credentials the server holds; relative URLs in their file mean this server.
  let ownOrigin = `http://${config.host}:${config.port}`;
  const held = holdConnections(heldEntries, () => ownOrigin);
  const consoleServer = await mountConsole(
    service.app,
    { ...consoleConfig, demoUsers: consoleConfig.demoUsers && demoDataSet },
    undefined,
    { connections: () => held },
  );
  const allow = [...config.proxyTargets, ...origins];
  mountProxy(service.app, () => allow);
  // With connections held by the server, the browser signs in to the console (console mode).
  const consolePages = config.serveConsole
    ? serveConsole(
        service,
        config.serveConsole,
        heldEntries.length > 0 ? browserConfig(heldEntries, consoleConfig.oidc) : undefined,
      )
    : null;

  let healthChecks: { stop(): void } | undefined;
  const server = serve({ fetch: service.app.fetch, port: config.port, hostname: config.host }, (info) => {
    const url = `http://${config.host}:${info.port}`;
    ownOrigin = url;
    console.log(`listening on ${url}`);
    // Once the server knows its own origin (relative connection URLs mean it).
    healthChecks = startHealthChecks(() => held, consoleConfig.healthCheckS ?? 0);
    // The pages the server renders need its build of the console: loaded now, not by the first person
    // to open one (a page that comes before it is in waits for the same load).
    const warmFrom = performance.now();
    void consolePages?.warm().then((loaded) => {
      const s = ((performance.now() - warmFrom) / 1000).toFixed(1);
      if (loaded) console.log(`the server's build of the console is loaded (${s} s): pages come rendered`);
    });
    if (config.serveConsole) {
      console.log(
        `Backup Console: open ${url} and sign in as admin, support or viewer (password "${DEMO_PASSWORD}").`,
      );
      console.log(
        heldEntries.length > 0
          ? `console mode: the server holds ${heldEntries.length} connection(s); people sign in to the console`
          : 'vendor sign-in: the browser signs in to each connection of config.json itself',
      );
    } else {
      console.log(
        `demo users: ${DEMO_USERS.map((u) => u.username).join(', ')} (password "${DEMO_PASSWORD}")`,
      );
    }
    console.log(
      `data ${config.dataDir} · speed ×${config.speed} · seed ${config.seed} · scale ${config.scale}` +
        (config.faults.latencyMs || config.faults.errorRate || config.faults.dropRate
          ? ` · faults ${JSON.stringify(config.faults)}`
          : ''),
    );
  });
  guardConnections(server as Server);
  service.ctx.engine.start();

  const shutdown = () => {
    healthChecks?.stop();
    server.close();
    consoleServer.close();
    service.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
