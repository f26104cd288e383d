import { ApiError, signInRefused } from '../api-error';
import type { Connection, Credentials } from '../domain';
import type { HttpClient } from '../http';
import { sameOrigin } from '../same-origin';
import type { ConnectionSession } from '../session-store';
import { roleFromRackspace } from './roles';
import { findBackupEndpoint, identityAnswerSchema } from './wire';

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

/**
 * Rackspace Identity v2.0 with a password or an API key. The API root and tenant come from the
 * catalog's `rax:backup` entry for the connection's region and version, as the vendor's clients do.
 */
export async function signInRackspace(
  http: HttpClient,
  connection: Connection,
  credentials: Credentials,
  origin: string,
  version: 'v1.0' | 'v2',
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
  const region = connection.region ?? '';
  const endpoint = findBackupEndpoint(answer.access.serviceCatalog, region, version);
  if (!endpoint)
    throw signInRefused(
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
