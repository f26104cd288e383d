import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Representation } from './encoding';

/**
 * What the build says each route needs at once (`route-preloads.json`, written by
 * build-plugins/route-preloads.ts): its scripts and stylesheets beyond those index.html links already.
 */
export interface RoutePreload {
  path: string;
  scripts: string[];
  styles: string[];
}

/** Whether a route pattern (`/jobs/:connectionId/:id`, `/*`) matches a path, as the router would. */
export function matchesRoute(pattern: string, path: string): boolean {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  for (let i = 0; i < want.length; i++) {
    const segment = want[i]!;
    if (segment === '*') return true;
    const actual = have[i];
    if (actual === undefined) return false;
    if (!segment.startsWith(':') && segment.toLowerCase() !== actual.toLowerCase()) return false;
  }
  return have.length === want.length;
}

const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The console's page: `index.html` with, for the route asked for, a modulepreload of each script and
 * a link to each stylesheet the route needs, so that the browser fetches them beside the entry chunk
 * instead of after it has run. Each route's page is built and compressed once, and again when
 * index.html changes on disk.
 */
export class ConsolePages {
  private readonly index: string;
  private readonly preloadsFile: string;
  private version = -1;
  private routes: RoutePreload[] = [];
  private readonly built = new Map<string, Representation[]>();

  constructor(root: string) {
    this.index = join(root, 'index.html');
    this.preloadsFile = join(root, 'route-preloads.json');
    if (!existsSync(this.index)) throw new Error(`No built console in ${root}: run \`npm run build\` first.`);
  }

  page(path: string): Representation[] {
    this.refresh();
    const route = this.routes.find((r) => matchesRoute(r.path, path));
    const key = route?.path ?? '';
    let page = this.built.get(key);
    if (!page) {
      page = this.build(route);
      this.built.set(key, page);
    }
    return page;
  }

  private refresh(): void {
    const version = statSync(this.index).mtimeMs;
    if (version === this.version) return;
    this.version = version;
    this.built.clear();
    const routes = existsSync(this.preloadsFile)
      ? (JSON.parse(readFileSync(this.preloadsFile, 'utf8')) as { routes: RoutePreload[] }).routes
      : [];
    // The catch-all last, whatever the file's order.
    this.routes = [...routes].sort((a, b) => Number(a.path.includes('*')) - Number(b.path.includes('*')));
  }

  private build(route: RoutePreload | undefined): Representation[] {
    let html = readFileSync(this.index, 'utf8');
    if (route) {
      const links = [
        ...route.scripts.map((s) => `<link rel="modulepreload" crossorigin href="${attr(s)}">`),
        ...route.styles.map((s) => `<link rel="stylesheet" crossorigin href="${attr(s)}">`),
      ];
      html = html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
    }
    const plain = Buffer.from(html);
    const tag = createHash('sha256').update(plain).digest('base64url').slice(0, 22);
    const br = brotliCompressSync(plain, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: plain.length },
    });
    const gz = gzipSync(plain, { level: 9 });
    return [
      { encoding: null, etag: `"${tag}"`, body: () => plain },
      { encoding: 'br', etag: `"${tag}-br"`, body: () => br },
      { encoding: 'gzip', etag: `"${tag}-gzip"`, body: () => gz },
    ];
  }
}
