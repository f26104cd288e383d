import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The reason the sign-in page shows (`/sign-in?error=…`) comes from this server alone. The server signs
 * each reason it sends a person back with (`&sig=…`, an HMAC under a key of this process), and the
 * page's address with a reason it did not sign is answered with a redirect to the page without it: a
 * link from elsewhere cannot make the console's own sign-in page say what its author likes. A reason
 * signed before a restart (or by another process behind the same address) is dropped the same way: the
 * page then shows without it, and signing in again says why.
 */
const KEY = randomBytes(32);

const signatureOf = (reason: string): string =>
  createHmac('sha256', KEY).update(reason).digest('base64url').slice(0, 22);

/**
 * The sign-in page showing why a sign-in did not happen, and going on to `next` after the next one;
 * with `username`, the name given, which the form shows again (never the password).
 */
export function signInPageSaying(reason: string, next: string | undefined | null, username = ''): string {
  const search = new URLSearchParams({
    ...(next && next !== '/' ? { next } : {}),
    error: reason,
    sig: signatureOf(reason),
    ...(username ? { username } : {}),
  });
  return `/sign-in?${search.toString()}`;
}

/**
 * The address to send a request for the sign-in page `url` to instead, when it carries a reason this
 * server did not sign (the same address without it); null when it may be served as it is.
 */
export function withoutForeignReason(url: URL): string | null {
  const reason = url.searchParams.get('error');
  const sig = url.searchParams.get('sig');
  if (reason === null && sig === null) return null;
  if (reason !== null && sig !== null) {
    const want = Buffer.from(signatureOf(reason));
    const given = Buffer.from(sig);
    if (given.length === want.length && timingSafeEqual(given, want)) return null;
  }
  const search = new URLSearchParams(url.search);
  search.delete('error');
  search.delete('sig');
  const rest = search.toString();
  return `${url.pathname}${rest ? `?${rest}` : ''}`;
}
