import { ApiError } from './api-error';
import { isRole } from './contract/roles';
import type { Connection, Credentials, Role } from './domain';
import type { HttpClient } from './http';
import { findBackupEndpoint, identityAnswerSchema } from './rackspace-v1/identity-wire';
import { sameOrigin } from './same-origin';
import type { ConnectionSession } from './session-store';
import { tokenAnswerSchema } from './veeam-v5/wire';

/** Rackspace Identity role names → our roles (PRODUCT.md); no known role means read-only. */
export function roleFromRackspace(names: readonly string[]): Role {
  const set = new Set(names.map((n) => n.toLowerCase()));
  if (['admin', 'identity:user-admin', 'cloudbackup:admin'].some((n) => set.has(n))) return 'admin';
  if (set.has('cloudbackup:creator')) return 'support';
  return 'viewer';
}

/**
 * The role of a Veeam session. A v5 token answer carries no role (API-NOTES §3.1); the reference
 * service adds one, as may a proxy in front of a real server, and a stated role always wins. Without
 * one, the grant tells: the console signs in with `grant_type=password`, which Veeam's REST reference
 * presents as the administrators' sign-in ("to perform all tasks"); restore operators get their tokens
 * through an Entra ID assertion, a grant the console does not use. So an unstated role is `admin`: it offers
 * what that administrator may do and hides nothing from them. `support` would be wrong both ways: it
 * hides stop, enable and disable from an administrator, and still offers a restore-only user the
 * start of a job, which Veeam refuses. Should a restore-only user get a password token anyway (a
 * tenant with basic authentication), the service refuses with 403 and the console shows its
 * message. A refresh renews the same person's session, so without a stated role it keeps its role.
 */
export function roleFromVeeam(stated: string | undefined, renewing: Role | null): Role {
  // A role stated in words the console does not know grants nothing beyond reading.
  if (stated !== undefined) return isRole(stated) ? stated : 'viewer';
  return renewing ?? 'admin';
}

/**
 * Identity refuses a wrong password and a wrong API key alike ("Username or api key is invalid."):
 * say which of the two the person gave, and keep the service's words beside it.
 */
function wrongCredentials(err: unknown, credentials: Credentials): unknown {
  if (!(err instanceof ApiError) || err.status !== 401) return err;
  return new ApiError({
    kind: err.kind,
    status: err.status,
    code: err.code,
    body: err.body,
    request: err.request,
    connectionId: err.connectionId,
    message: credentials.apiKey
      ? 'The user name or the API key is wrong.'
      : 'The user name or the password is wrong.',
    vendorMessage: err.message,
  });
}

function refused(connection: Connection, message: string): ApiError {
  return new ApiError({ kind: 'http', status: 400, code: 'sign-in', message, connectionId: connection.id });
}

/**
 * Rackspace Identity v2.0 with a password or an API key. The API root and tenant come from the
 * catalog's `rax:backup` entry for the connection's region and version, as the vendor's clients do.
 */
export async function signInRackspace(
  http: HttpClient,
  connection: Connection,
  credentials: Credentials,
  origin: string,
): Promise<ConnectionSession> {
  const auth = credentials.apiKey
    ? { 'RAX-KSKEY:apiKeyCredentials': { username: credentials.username, apiKey: credentials.apiKey } }
    : { passwordCredentials: { username: credentials.username, password: credentials.password ?? '' } };
  const identityRoot = sameOrigin(connection.identityUrl ?? '/v2.0', origin);
  const answer = await http
    .request(
      { method: 'POST', path: `${identityRoot}/tokens`, absolute: true, anonymous: true, json: { auth } },
      identityAnswerSchema,
    )
    .catch((err: unknown) => {
      throw wrongCredentials(err, credentials);
    });
  const version = connection.dialect === 'rackspace-v1' ? 'v1.0' : 'v2';
  const region = connection.region ?? '';
  const endpoint = findBackupEndpoint(answer.access.serviceCatalog, region, version);
  if (!endpoint)
    throw refused(
      connection,
      `The service catalog has no Cloud Backup ${version} endpoint in region ${region} for this user.`,
    );
  return {
    connectionId: connection.id,
    username: answer.access.user.name,
    role: roleFromRackspace(answer.access.user.roles.map((r) => r.name)),
    token: answer.access.token.id,
    issuedAt: new Date().toISOString(),
    expiresAt: new Date(answer.access.token.expires).toISOString(),
    baseUrl: sameOrigin(endpoint.publicURL, origin),
    tenantId: endpoint.tenantId,
    refreshToken: null,
  };
}

function veeamSession(
  connection: Connection,
  origin: string,
  answer: ReturnType<typeof tokenAnswerSchema.parse>,
  fallbackUser: string,
  renewing: Role | null,
): ConnectionSession {
  const expires = Date.parse(answer['.expires']);
  const issued = Date.parse(answer['.issued'] ?? '');
  return {
    connectionId: connection.id,
    username: answer.userName ?? fallbackUser,
    role: roleFromVeeam(answer.role, renewing),
    token: answer.access_token,
    issuedAt: new Date(Number.isNaN(issued) ? Date.now() : issued).toISOString(),
    expiresAt: new Date(
      Number.isNaN(expires) ? Date.now() + (answer.expires_in ?? 3600) * 1000 : expires,
    ).toISOString(),
    baseUrl: sameOrigin(connection.baseUrl ?? '/v5', origin),
    tenantId: null,
    refreshToken: answer.refresh_token,
  };
}

/** `POST /v5/Token` with a form: the password grant or the refresh grant. */
function veeamToken(http: HttpClient, connection: Connection, origin: string, form: Record<string, string>) {
  const root = sameOrigin(connection.baseUrl ?? '/v5', origin);
  return http.request(
    { method: 'POST', path: `${root}/token`, absolute: true, anonymous: true, form },
    tokenAnswerSchema,
  );
}

/** Veeam `POST /v5/Token`, form-encoded `grant_type=password`. API keys are a Rackspace thing. */
export async function signInVeeam(
  http: HttpClient,
  connection: Connection,
  credentials: Credentials,
  origin: string,
): Promise<ConnectionSession> {
  if (credentials.password === undefined || credentials.password === '')
    throw refused(connection, 'Veeam signs in with a password, not an API key.');
  const answer = await veeamToken(http, connection, origin, {
    grant_type: 'password',
    username: credentials.username,
    password: credentials.password,
  });
  return veeamSession(connection, origin, answer, credentials.username, null);
}

/** Veeam `grant_type=refresh_token`: a new access token before the old one expires. */
export async function refreshVeeam(
  http: HttpClient,
  connection: Connection,
  session: ConnectionSession,
  origin: string,
): Promise<ConnectionSession> {
  const answer = await veeamToken(http, connection, origin, {
    grant_type: 'refresh_token',
    refresh_token: session.refreshToken ?? '',
  });
  return veeamSession(connection, origin, answer, session.username, session.role);
}
