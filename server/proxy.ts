import type { Hono } from 'hono';

/**
 * Forwards the console's calls to a real vendor so that the browser stays same-origin:
 * `/proxy/https/dfw.backup.api.rackspacecloud.com/v1.0/123/...` → `https://dfw.backup.api.../v1.0/123/...`.
 * Only origins on the allow list are reached (an open proxy would be a gift to anyone); an entry may
 * start with `*.` to allow a domain's hosts, e.g. `https://*.backup.api.rackspacecloud.com`. A vendor's
 * redirect is followed inside the proxy (at most 5) when it leads to an allowed origin, and refused
 * with a 502 otherwise: the browser never sees a `Location`.
 */
export function isAllowed(target: URL, allowList: readonly string[]): boolean {
  return allowList.some((entry) => {
    const m = /^(https?):\/\/(\*\.)?([^/]+)$/.exec(entry.replace(/\/$/, ''));
    if (!m) return false;
    const [, scheme, wildcard, host] = m;
    if (`${scheme}:` !== target.protocol) return false;
    return wildcard ? target.host.endsWith(`.${host}`) : target.host === host;
  });
}

const MAX_REDIRECTS = 5;

const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'cookie',
];

export function mountProxy(app: Hono, allowList: () => readonly string[]): void {
  app.all('/proxy/:scheme/:host/*', async (c) => {
    const { scheme, host } = c.req.param();
    if (scheme !== 'https' && scheme !== 'http')
      return c.json({ message: 'Proxy: scheme must be http or https.' }, 400);
    const url = new URL(c.req.url);
    const rest = url.pathname.split('/').slice(4).join('/');
    let target: URL;
    try {
      target = new URL(`${scheme}://${host}/${rest}${url.search}`);
    } catch {
      // A host the URL parser refuses ("a b.com", "[x", a port past 65535) is the caller's mistake.
      return c.json({ message: `Proxy: "${scheme}://${host}" is not a valid origin.` }, 400);
    }
    if (!isAllowed(target, allowList())) {
      return c.json(
        {
          message: `Proxy: ${target.origin} is not an allowed target. Add it to PROXY_TARGETS or the connections config.`,
        },
        403,
      );
    }
    const headers = new Headers(c.req.raw.headers);
    for (const h of HOP_BY_HOP) headers.delete(h);
    let method = c.req.method;
    let body = method === 'GET' || method === 'HEAD' ? undefined : await c.req.arrayBuffer();
    try {
      // Redirects are followed here, never handed to the browser (which would send the vendor's token
      // wherever they point), and only to allowed origins.
      for (let hop = 0; ; hop++) {
        const upstream = await fetch(target, {
          method,
          headers,
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(30_000),
        });
        const location = upstream.headers.get('location');
        if (upstream.status >= 300 && upstream.status < 400 && location) {
          await upstream.body?.cancel();
          const next = new URL(location, target);
          if (!isAllowed(next, allowList()))
            return c.json(
              {
                message: `Proxy: ${target.origin} redirected to ${next.origin}, which is not an allowed target; the redirect was not followed.`,
              },
              502,
            );
          if (hop >= MAX_REDIRECTS)
            return c.json(
              { message: `Proxy: more than ${MAX_REDIRECTS} redirects from ${target.origin}.` },
              502,
            );
          // 303, and 301/302 after a POST, continue as a GET without the body, as browsers do.
          if (
            upstream.status === 303 ||
            ((upstream.status === 301 || upstream.status === 302) && method === 'POST')
          ) {
            method = method === 'HEAD' ? 'HEAD' : 'GET';
            body = undefined;
            headers.delete('content-type');
          }
          target = next;
          continue;
        }
        const out = new Headers(upstream.headers);
        for (const h of [...HOP_BY_HOP, 'content-encoding', 'set-cookie']) out.delete(h);
        return new Response(upstream.body, { status: upstream.status, headers: out });
      }
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      return c.json({ message: `Proxy: could not reach ${target.origin} (${reason}).` }, 502);
    }
  });
}
