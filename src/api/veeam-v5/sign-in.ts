import { signInRefused } from '../api-error';
import type { Connection, Credentials, Role } from '../domain';
import type { HttpClient } from '../http';
import { sameOrigin } from '../same-origin';
import type { ConnectionSession } from '../session-store';
import { roleFromVeeam } from './roles';
import type { TokenAnswer } from './wire';
import { tokenAnswerSchema } from './wire';

function veeamSession(
  connection: Connection,
  origin: string,
  answer: TokenAnswer,
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
    throw signInRefused(connection, 'Veeam signs in with a password, not an API key.');
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
