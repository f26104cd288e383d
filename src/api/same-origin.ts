/**
 * Makes a vendor URL reachable from the browser without CORS: a URL of the console's own origin becomes
 * a path; a foreign one goes through the service's forwarding proxy, `/proxy/<scheme>/<host>/<path>`
 * (server/proxy.ts). Relative URLs (the default config's "/v2.0", "/v5") stay as they are.
 */
export function sameOrigin(url: string, origin: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url.replace(/\/$/, '');
  const target = new URL(url);
  const path = target.pathname.replace(/\/$/, '');
  if (target.origin === new URL(origin).origin) return `${path}${target.search}`;
  const scheme = target.protocol.replace(':', '');
  return `/proxy/${scheme}/${target.host}${path}${target.search}`;
}
