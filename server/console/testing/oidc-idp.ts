import { generateKeyPairSync } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider for tests only (the `oidc-provider` package, v8) on 127.0.0.1 and a
 * free port, with a small interaction handler in place of a login page: it signs in as the account
 * `answer` names (or refuses with `access_denied` when it is `deny`) and grants the consent asked
 * for. The console's client is confidential (`client_secret_basic`), PKCE S256 is required, and the
 * ID token carries the profile, the e-mail and the role claim `backup_console_role`.
 */

export const IDP_CLIENT_ID = 'backup-console';
export const IDP_CLIENT_SECRET = 'a client secret of the test, long enough for HS256 at least';

/** An account's claims (without `sub`, which is its id); the role claim is a string or an array. */
export type IdpAccounts = Record<string, Record<string, unknown>>;

export interface TestIdp {
  /** The issuer: `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Who signs in at the provider's login prompt, or `deny` to refuse the sign-in. */
  answer: string;
  /** A key set to answer at /jwks instead of the provider's own (its ID tokens then fail the check). */
  otherJwks?: string;
  /** Registers the console's client with these redirect URIs: once, before the first sign-in. */
  registerClient(redirectUris: string[]): void;
  close(): Promise<void>;
}

/** An RSA private key as a JWK. */
export const rsaKey = () =>
  generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

/**
 * Starts the provider. `accounts` is read at each sign-in, so a test may change an account's claims
 * between two sign-ins. `redirectUris`: the client's, when they are known before the provider starts
 * (else call `registerClient`).
 */
export async function startIdp(options: {
  accounts: IdpAccounts;
  answer?: string;
  redirectUris?: string[];
}): Promise<TestIdp> {
  let provider: Provider | null = null;
  const server: Server = createServer((req, res) => {
    if (!provider) {
      res.statusCode = 503;
      res.end('no client registered yet');
    } else if (req.url?.startsWith('/interaction/'))
      interaction(provider, idp.answer, req, res).catch((err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      });
    else if (req.url === '/jwks' && idp.otherJwks)
      res.setHeader('content-type', 'application/json').end(idp.otherJwks);
    else void provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const idp: TestIdp = {
    url,
    answer: options.answer ?? '',
    registerClient(redirectUris) {
      if (provider) throw new Error('the test provider has its client already');
      provider = makeProvider(url, redirectUris, options.accounts);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  if (options.redirectUris) idp.registerClient(options.redirectUris);
  return idp;
}

async function interaction(
  provider: Provider,
  answer: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (answer === 'deny') {
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'The person declined.' },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  if (details.prompt.name === 'login') {
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: answer } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  // Consent: grant what the console asked for.
  const grant = new provider.Grant({
    accountId: details.session!.accountId,
    clientId: details.params.client_id as string,
  });
  const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

function makeProvider(issuer: string, redirectUris: string[], accounts: IdpAccounts): Provider {
  const key = rsaKey();
  return new Provider(issuer, {
    clients: [
      {
        client_id: IDP_CLIENT_ID,
        client_secret: IDP_CLIENT_SECRET,
        redirect_uris: redirectUris,
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...key, kid: 'test-key', use: 'sig', alg: 'RS256' }] as never },
    cookies: { keys: ['a cookie key of the test'] },
    pkce: { required: () => true, methods: ['S256'] },
    features: { devInteractions: { enabled: false } },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    interactions: { url: (_ctx, i) => `/interaction/${i.uid}` },
    // The ID token carries the profile and the role claim (not only the userinfo endpoint).
    conformIdTokenClaims: false,
    claims: {
      openid: ['sub', 'backup_console_role'],
      profile: ['preferred_username', 'name'],
      email: ['email'],
    },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, ...accounts[id] }),
    }),
  });
}
