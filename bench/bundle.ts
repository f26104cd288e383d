import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFigures {
  initialJsGzip: number;
  initialCssGzip: number;
  totalJsGzip: number;
  totalCssGzip: number;
  initialFiles: string[];
  /**
   * The two pages every visit starts on, beside index.html: what the Overview loads before it can paint
   * and send its requests, and what the sign-in page (whose HTML paints by itself) loads before it works
   * with vendor sign-in (in console mode it loads none: its form works as HTML).
   */
  landing: { page: string; files: number; gzip: number }[];
}

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/**
 * What the first page loads: the entry script, the scripts it preloads and the stylesheets that
 * index.html links — read from the built index.html, as the browser would.
 */
export function measureBundle(distDir: string): BundleFigures {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const initial = [...new Set(refs)];
  const assets = readdirSync(join(distDir, 'assets'))
    .map((f) => `assets/${f}`)
    .filter((f) => statSync(join(distDir, f)).isFile());
  const sum = (files: string[], ext: string) =>
    files.filter((f) => f.endsWith(ext)).reduce((n, f) => n + gz(join(distDir, f)), 0);
  // route-preloads.json: each route's scripts and styles (the server preloads them from the page), and
  // each dialect's adapter chunks (preloaded for the connections config.json names: all three here).
  const preloads = JSON.parse(readFileSync(join(distDir, 'route-preloads.json'), 'utf8')) as {
    routes: { path: string; scripts: string[]; styles: string[] }[];
    dialects: Record<string, string[]>;
  };
  const landing = [
    { page: '/sign-in', path: '/sign-in', extra: [] as string[] },
    { page: 'Overview', path: '/', extra: Object.values(preloads.dialects).flat() },
  ].map(({ page, path, extra }) => {
    const r = preloads.routes.find((x) => x.path === path);
    const files = [
      ...new Set(
        [...initial, ...(r?.scripts ?? []), ...(r?.styles ?? []), ...extra].map((f) => f.replace(/^\//, '')),
      ),
    ];
    return { page, files: files.length, gzip: files.reduce((n, f) => n + gz(join(distDir, f)), 0) };
  });
  return {
    landing,
    initialJsGzip: sum(initial, '.js'),
    initialCssGzip: sum(initial, '.css'),
    totalJsGzip: sum(assets, '.js'),
    totalCssGzip: sum(assets, '.css'),
    initialFiles: initial,
  };
}
