import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFigures {
  initialJsGzip: number;
  initialCssGzip: number;
  totalJsGzip: number;
  totalCssGzip: number;
  initialFiles: string[];
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
  return {
    initialJsGzip: sum(initial, '.js'),
    initialCssGzip: sum(initial, '.css'),
    totalJsGzip: sum(assets, '.js'),
    totalCssGzip: sum(assets, '.css'),
    initialFiles: initial,
  };
}
