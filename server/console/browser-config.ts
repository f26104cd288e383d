import type { HeldEntry } from './held';

/** Where the console server's API lives (the session cookie's path too). */
export const CONSOLE_API = '/console/api';

/** The same-origin path below which the console server forwards a connection's requests. */
export function connectionBasePath(id: string): string {
  return `${CONSOLE_API}/connections/${encodeURIComponent(id)}`;
}

/** What the browser reads from `config.json` in console mode (src/api/connections-check.ts checks it). */
export interface BrowserConfig {
  console: { session: string; oidc: { label: string; start: string } | null };
  connections: {
    id: string;
    label: string;
    dialect: string;
    region?: string;
    basePath: string;
    /** Present on a connection each person signs in to with their own vendor account. */
    signIn?: 'per-person';
  }[];
}

/**
 * `config.json` for a console whose connections the server holds (console mode): the browser signs in
 * to the console server and learns only what it needs to build its requests — each connection's id,
 * label, dialect, region and forwarding path. No vendor URL, user name or secret leaves the server.
 */
export function browserConfig(
  entries: readonly HeldEntry[],
  oidc: { label: string } | null | undefined,
): BrowserConfig {
  return {
    console: {
      session: `${CONSOLE_API}/session`,
      oidc: oidc ? { label: oidc.label, start: `${CONSOLE_API}/oidc/start` } : null,
    },
    connections: entries.map(({ connection, credentials }) => ({
      id: connection.id,
      label: connection.label,
      dialect: connection.dialect,
      ...(connection.region ? { region: connection.region } : {}),
      basePath: connectionBasePath(connection.id),
      ...(credentials ? {} : { signIn: 'per-person' as const }),
    })),
  };
}
