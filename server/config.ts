import { parseArgs } from 'node:util';

export interface FaultConfig {
  /** Added to every API answer, in milliseconds. */
  latencyMs: number;
  /** Share (0..1) of API requests answered 500 or 503. */
  errorRate: number;
  /** Share (0..1) of API requests whose connection is dropped without an answer. */
  dropRate: number;
}

export interface ServiceConfig {
  port: number;
  host: string;
  dataDir: string;
  /** How many simulated seconds pass in one real second. */
  speed: number;
  seed: number;
  /** Size of the demo data set: roughly the number of configurations and of jobs. */
  scale: number;
  faults: FaultConfig;
  /** Lifetime of access tokens, in seconds. */
  tokenTtl: number;
  /** Minutes without a request after which a Veeam restore session stops on its own (0 = never). */
  restoreSessionIdleMinutes: number;
  /** Folder of the built console to serve, if any. */
  serveConsole: string | null;
  /** Origins the forwarding proxy may reach (besides those in the connections config). */
  proxyTargets: string[];
  /** Engine tick in real milliseconds. */
  tickMs: number;
  /** Enables /__control/* endpoints for tests (never in production). */
  testControls: boolean;
}

export const NO_FAULTS: FaultConfig = { latencyMs: 0, errorRate: 0, dropRate: 0 };

/**
 * FAULTS is a comma list: `latency=300,errors=0.1,drop=0.05` (a bare `on` means a bit of each).
 */
export function parseFaults(text: string | undefined): FaultConfig {
  if (!text || text === 'off' || text === '0') return NO_FAULTS;
  if (text === 'on') return { latencyMs: 200, errorRate: 0.1, dropRate: 0.02 };
  const faults = { ...NO_FAULTS };
  for (const part of text.split(',')) {
    const [key = '', raw = ''] = part.split('=').map((s) => s.trim());
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`FAULTS: "${part}" needs a number ≥ 0`);
    if (key === 'latency') faults.latencyMs = value;
    else if (key === 'errors') faults.errorRate = Math.min(1, value);
    else if (key === 'drop') faults.dropRate = Math.min(1, value);
    else throw new Error(`FAULTS: unknown fault "${key}" (use latency=MS, errors=SHARE, drop=SHARE)`);
  }
  return faults;
}

function num(name: string, raw: string | undefined, fallback: number, min = 0): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min)
    throw new Error(`${name} must be a number ≥ ${min}, not "${raw}"`);
  return value;
}

export function loadConfig(argv: string[] = process.argv.slice(2), env = process.env): ServiceConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      speed: { type: 'string' },
      seed: { type: 'string' },
      scale: { type: 'string' },
      faults: { type: 'string' },
      'token-ttl': { type: 'string' },
      'restore-idle-minutes': { type: 'string' },
      'serve-console': { type: 'string' },
      'test-controls': { type: 'boolean' },
    },
    strict: true,
  });
  return {
    port: num('PORT', values.port ?? env.PORT, 8080),
    host: values.host ?? env.HOST ?? '127.0.0.1',
    dataDir: values['data-dir'] ?? env.DATA_DIR ?? './.data',
    speed: num('SPEED', values.speed ?? env.SPEED, 1, 0.001),
    seed: num('SEED', values.seed ?? env.SEED, 42),
    scale: Math.round(num('SCALE', values.scale ?? env.SCALE, 24, 1)),
    faults: parseFaults(values.faults ?? env.FAULTS),
    tokenTtl: num('TOKEN_TTL', values['token-ttl'] ?? env.TOKEN_TTL, 24 * 3600, 1),
    restoreSessionIdleMinutes: num(
      'RESTORE_IDLE_MINUTES',
      values['restore-idle-minutes'] ?? env.RESTORE_IDLE_MINUTES,
      30,
    ),
    serveConsole: values['serve-console'] ?? env.SERVE_CONSOLE ?? null,
    proxyTargets: (env.PROXY_TARGETS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    tickMs: num('TICK_MS', env.TICK_MS, 250, 10),
    testControls: values['test-controls'] ?? env.TEST_CONTROLS === '1',
  };
}
