/**
 * The console server's own settings (issue 13): read from environment variables, each checked, so
 * that a malformed value stops the start with a message naming it.
 */
export interface ConsoleConfig {
  /** The folder of `console.sqlite` (the same DATA_DIR as the reference service's file). */
  dataDir: string;
  /** Whether a console without users gets the demo users admin, support and viewer (password demo). */
  demoUsers: boolean;
  /** A session ends after this long without a request, in seconds. */
  sessionIdleS: number;
  /** A session ends this long after its sign-in whatever happens, in seconds. */
  sessionMaxS: number;
  /** Audit rows older than this many days are deleted (0 = kept for ever). */
  auditRetentionDays: number;
  /** The file of the connections whose credentials the server holds (server/console/held.ts). */
  connectionsFile?: string | null;
}

function whole(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  return value;
}

function onOff(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (['1', 'on', 'true', 'yes'].includes(value)) return true;
  if (['0', 'off', 'false', 'no'].includes(value)) return false;
  throw new Error(`${name} must be on or off, not "${raw}"`);
}

/**
 * `demoDataSet`: whether the reference service holds its demo data set (a new data folder gets it);
 * the demo users come with it unless CONSOLE_DEMO_USERS=off.
 */
export function loadConsoleConfig(dataDir: string, demoDataSet: boolean, env = process.env): ConsoleConfig {
  const idleMinutes = whole(
    'CONSOLE_SESSION_IDLE_MINUTES',
    env.CONSOLE_SESSION_IDLE_MINUTES,
    30,
    1,
    7 * 24 * 60,
  );
  const maxHours = whole('CONSOLE_SESSION_HOURS', env.CONSOLE_SESSION_HOURS, 12, 1, 90 * 24);
  if (idleMinutes > maxHours * 60)
    throw new Error(
      `CONSOLE_SESSION_IDLE_MINUTES (${idleMinutes}) must not be longer than CONSOLE_SESSION_HOURS (${maxHours} h)`,
    );
  return {
    dataDir,
    demoUsers: demoDataSet && onOff('CONSOLE_DEMO_USERS', env.CONSOLE_DEMO_USERS, true),
    sessionIdleS: idleMinutes * 60,
    sessionMaxS: maxHours * 3600,
    auditRetentionDays: whole('CONSOLE_AUDIT_DAYS', env.CONSOLE_AUDIT_DAYS, 365, 0, 100 * 365),
    connectionsFile: env.CONSOLE_CONNECTIONS?.trim() || null,
  };
}
