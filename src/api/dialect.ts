import type { Capabilities } from './capabilities';
import type { ErrorForm } from './contract/error-forms';
import type { ApiContract } from './contract/operations';
import type { Connection, Credentials, Role } from './domain';
import type { AuthHeader, HttpClient } from './http';
import type { AdapterProvider } from './provider';
import type { WatchPace } from './live-watch';
import type { ConnectionSession } from './session-store';

export type AdapterFactory = (
  connection: Connection,
  http: HttpClient,
  capabilities: Capabilities,
) => AdapterProvider;

/** A GET the Overview sends first for a connection (see DialectPlugin.overviewReads). */
export interface FirstRead {
  /** Below the connection's root, with its query exactly as the adapter sends it (`/jobs?limit=200`). */
  path: string;
  /** The pace the page shows it at, as the browser names it in `X-Console-Watch`. */
  pace: Extract<WatchPace, 'feed' | 'idle' | 'keep'>;
}

/** A problem in config.json, named by its place in the file. */
export type Problem = { path: (string | number)[]; message: string };

/** One entry of config.json's `connections`, as its dialect reads its own fields. */
export interface ConfigEntry {
  /** A required non-empty string: its value, or undefined after noting the problem. */
  text(key: string, required: string): string | undefined;
  /** The raw value of a field. */
  raw(key: string): unknown;
  problem(key: string, message: string): void;
}

/**
 * One backend: everything the console knows of a dialect, in one object. The shared code (runtime,
 * sign-in, config check, error reading, the pages) reads dialects only through this, from the registry
 * in dialects.ts. It must stay light: the shell imports every plug-in on the first page, so the wire
 * schemas, sign-in calls and adapter load on demand (`signIn`, `refresh` and `loadAdapter` import them).
 */
export interface DialectPlugin {
  /** The `dialect` of config.json. */
  name: string;
  /** The vendor's API in people's words. */
  label: string;
  capabilities: Capabilities;
  /**
   * The APIs it calls, from the contract (src/api/contract/), its sign-in's first and its own backup
   * API last: the console server checks every request it forwards against their tables.
   */
  apis: readonly ApiContract[];
  /** The dialect's own fields of a connection (id, label and dialect are read by the caller). */
  checkConfig(entry: ConfigEntry): Omit<Connection, 'id' | 'label' | 'dialect'> | undefined;
  /** Signs in with the person's credentials: the session, or an ApiError with the vendor's message. */
  signIn(
    http: HttpClient,
    connection: Connection,
    credentials: Credentials,
    origin: string,
  ): Promise<ConnectionSession>;
  /**
   * Renews a session before or after its token expires; absent when the dialect cannot (the person
   * signs in again). `aheadMs` says how long before expiry to renew.
   */
  refresh?: {
    run(
      http: HttpClient,
      connection: Connection,
      session: ConnectionSession,
      origin: string,
    ): Promise<ConnectionSession>;
    aheadMs(session: ConnectionSession): number;
  };
  /**
   * Ends a session's token at the vendor when the person signs out; absent when the vendor has no
   * way to (its tokens are dropped and end at their expiry). A failure is reported, never thrown on.
   */
  revoke?(
    http: HttpClient,
    connection: Connection,
    session: ConnectionSession,
    origin: string,
  ): Promise<void>;
  /** The header that carries a session's token. */
  authHeader(token: string): AuthHeader;
  /** The forms its error answers come in (the plain `{message}` form is read for every dialect). */
  errorForms: readonly ErrorForm[];
  /** The vendor's role words (as sign-in reads them) → the console's role; `renewing` on a refresh. */
  roleOf(vendorRoles: readonly string[], renewing: Role | null): Role;
  /** Loads the adapter (its own chunk): what builds the provider of one connection. */
  loadAdapter(): Promise<AdapterFactory>;
  /**
   * The GETs the Overview sends first for one connection: its run feeds, its targets and the
   * directories they name. In console mode the page the server sends preloads them, every held
   * connection's in one request (`GET /console/api/first-reads`), so that they are on their way while
   * the code loads; the server asks each at the pace named here. Absent: nothing is preloaded.
   * e2e/console-mode.spec.ts checks them against what the adapters send.
   */
  overviewReads?: readonly FirstRead[];
}
