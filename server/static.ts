import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { Hono } from 'hono';
import { API_PREFIX } from './app';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the built console: files from `dir`, hashed assets cached for a year, and `index.html` for
 * every other GET so that deep links into the single-page app work.
 */
export function serveConsole(app: Hono, dir: string): void {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) throw new Error(`No built console in ${root}: run \`npm run build\` first.`);

  app.get('*', (c, next) => {
    if (API_PREFIX.test(c.req.path) || c.req.path.startsWith('/proxy/')) return next();
    const rel = normalize(decodeURIComponent(c.req.path)).replace(/^([/\\])+/, '');
    const file = join(root, rel);
    if (rel && file.startsWith(root) && existsSync(file) && statSync(file).isFile()) {
      const immutable = rel.startsWith('assets/');
      return c.body(readFileSync(file), 200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
    if (extname(rel) && rel !== 'index.html') return c.text(`Not found: ${c.req.path}`, 404);
    return c.body(readFileSync(index), 200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-cache' });
  });
}
