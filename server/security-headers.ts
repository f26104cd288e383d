import type { MiddlewareHandler } from 'hono';
import { PAGE_SCRIPT_HASHES } from './page-scripts';

/**
 * The console's Content-Security-Policy. Scripts only from the console's own files (no eval, and no
 * inline script but a page's own, server/page-scripts.ts, allowed by their hashes); data only
 * from its own origin (real vendors are reached through the forwarding proxy, same-origin). Styles
 * allow 'unsafe-inline' because Mantine writes its CSS variables and per-component responsive styles
 * into <style> elements at run time, and a server-rendered page carries its stylesheets inline.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${PAGE_SCRIPT_HASHES.join(' ')}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/**
 * Puts the security headers on every answer the server gives: the console's files, the APIs, the
 * proxy's answers, 404s, 413s and 500s alike.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    let headers = c.res.headers;
    try {
      for (const [name, value] of Object.entries(HEADERS)) headers.set(name, value);
    } catch {
      // A Response whose headers are immutable (as fetch's are): copy it once, then set them.
      c.res = new Response(c.res.body, c.res);
      headers = c.res.headers;
      for (const [name, value] of Object.entries(HEADERS)) headers.set(name, value);
    }
  };
}
