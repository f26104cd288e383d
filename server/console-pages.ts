import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { CONFIG_ELEMENT_ID } from '../src/api/config-in-page';
import { findDialect } from '../src/api/dialects';
import { FIRST_READS_LINK_ID } from '../src/api/first-reads';
import type { FetchLike } from '../src/api/http';
import { PAGE_QUERIES_ID } from '../src/api/queries-in-page';
import { FIRST_READS_PATH } from './console/first-reads';
import { safeNext } from './console/oidc';
import type * as ServerRenderModule from '../src/server-render';
import { COLOR_SCHEME_SCRIPT, NEXT_PAGE_FILES_ID, PREFETCH_SCRIPT, WARM_UP_SCRIPT } from './page-scripts';
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

interface PreloadsFile {
  routes: RoutePreload[];
  /** Each dialect's adapter and the chunks it imports. */
  dialects: Record<string, string[]>;
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

/** index.html's preload of config.json (the page carries the config instead when the server can). */
const CONFIG_PRELOAD = /[ \t]*<link rel="preload" href="[^"]*config\.json" as="fetch" crossorigin ?\/?>\n?/;
/** A stylesheet link as Vite writes it and as `html()` adds them; the file is its first group. */
const STYLESHEET_LINK = /<link rel="stylesheet" crossorigin href="([^"]+\.css)" ?\/?>/g;
const stylesheetLink = (href: string) => `<link rel="stylesheet" crossorigin href="${attr(href)}">`;

const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * JSON as the text of a `<script type="application/json">`: never executed (so the CSP's
 * `script-src 'self'` allows it), and with every `<` escaped so that no `</script>` or `<!--` in a
 * label can end the element early. JSON.parse reads `\u003c` back as `<`.
 */
export function jsonInHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The runtime config, as far as the page reads it. */
export interface PageConfig {
  connections: {
    dialect: string;
    /** Console mode: the same-origin path the server forwards the connection's requests below. */
    basePath?: string;
    /** Present on a connection each person signs in to themselves. */
    signIn?: string;
  }[];
}

/** What the server's build of the console (`vite build --ssr`: src/server-render.tsx) exports. */
type ServerRender = Pick<typeof ServerRenderModule, 'SERVER_RENDERED_PATHS' | 'renderPage'> &
  Partial<Pick<typeof ServerRenderModule, 'SIGNED_IN_RENDERED_PATHS' | 'startSignedInPage'>>;

/**
 * A page sent in two parts: `head` at once, then what `rest()` makes (it never rejects), called once the
 * head is on its way. The head asks for the page's code, which the browser then fetches while the
 * server reads and renders the rest.
 */
export interface StreamedPage {
  head: string;
  rest: () => Promise<string>;
}

/** The root element as index.html has it, empty: where a page's head ends and its rendered part begins. */
const EMPTY_ROOT = '<div id="root"></div>';

/** Where the build writes the server's build, below the console's folder (a dot-folder: never served). */
export const SERVER_RENDER_FILE = '.server/server-render.js';

/** Rendered pages kept, by path and query: the plain /sign-in and a few variants (`?next=…`). */
const RENDERED_KEPT = 32;

/** The route of the Overview, whose first reads the page preloads. */
const OVERVIEW_ROUTE = '/';

/**
 * Whether the Overview has first reads for the server to answer in one request (console mode; the
 * reads themselves: server/console/first-reads.ts): a connection the server holds whose dialect names
 * `overviewReads`. None for a connection each person signs in to (the person may not have yet), nor
 * when the browser talks to the vendors itself.
 */
function hasFirstReads(config: PageConfig): boolean {
  return config.connections.some(
    (c) => c.basePath && !c.signIn && (findDialect(c.dialect)?.overviewReads?.length ?? 0) > 0,
  );
}

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
  private dialects: Record<string, string[]> = {};
  /** The runtime config as parsed, or undefined when it is unreadable (the console then fetches it and says why). */
  private configValue: unknown;
  private readonly config: string;
  private configVersion = -1;
  private readonly built = new Map<string, Representation[]>();
  /** The shells of signed-in rendered pages (`signedInShell`), by route and title. */
  private readonly shells = new Map<string, { head: string; withData: string; withoutData: string }>();
  /** Pages rendered on the server, by path and query, oldest first (null: its render failed). */
  private readonly rendered = new Map<string, Representation[] | null>();
  /** The server's build, loaded on first use and again after a new build; null when there is none. */
  private renderer: { version: number; module: Promise<ServerRender | null> } | null = null;

  /** `runtimeConfig`: the config.json the server answers itself (console mode), else the file's. */
  constructor(
    private readonly root: string,
    private readonly runtimeConfig?: PageConfig,
  ) {
    this.index = join(root, 'index.html');
    this.preloadsFile = join(root, 'route-preloads.json');
    this.config = join(root, 'config.json');
    if (!existsSync(this.index)) throw new Error(`No built console in ${root}: run \`npm run build\` first.`);
  }

  page(path: string): Representation[] {
    this.refresh();
    const route = this.routeOf(path);
    const key = route?.path ?? '';
    let page = this.built.get(key);
    if (!page) {
      page = representations(withPageScripts(this.html(route)));
      this.built.set(key, page);
    }
    return page;
  }

  /**
   * The page of `url` with its content rendered in it (src/server-render.tsx), for one of the paths the
   * console renders on the server (the sign-in page), else null: then `page()` serves the page that
   * renders in the browser alone. Also null without the server's build or a readable config, and when
   * the render fails (logged): the browser renders the page itself then, as before.
   */
  async renderedPage(url: URL): Promise<Representation[] | null> {
    this.refresh();
    if (this.configValue === undefined) return null;
    const render = await this.serverRender();
    if (!render?.SERVER_RENDERED_PATHS.includes(url.pathname)) return null;
    const key = url.pathname + url.search;
    const kept = this.rendered.get(key);
    if (kept !== undefined) {
      this.rendered.delete(key);
      this.rendered.set(key, kept);
      return kept;
    }
    const version = this.version;
    const keep = (page: Representation[] | null) => {
      // A page rendered from a build or config replaced meanwhile is sent, not kept.
      if (version !== this.version) return page;
      this.rendered.set(key, page);
      if (this.rendered.size > RENDERED_KEPT) this.rendered.delete(this.rendered.keys().next().value!);
      return page;
    };
    let rendered: Awaited<ReturnType<ServerRender['renderPage']>>;
    try {
      rendered = await render.renderPage(url, this.configValue);
    } catch (err) {
      // Logged once: the same build and config fail the same way until either changes.
      console.error(`rendering ${url.pathname} on the server failed; the browser renders it:`, err);
      return keep(null);
    }
    if (rendered === null) return keep(null);
    const { markup, title } = rendered;
    // (A server build from before pages could go without their code says nothing: with it.)
    const code = rendered.code !== false;
    const html = this.withStylesInline(
      withMarkup(
        code ? this.html(this.routeOf(url.pathname)) : this.htmlWithoutCode(url),
        markup,
        title,
        code ? undefined : NOSCRIPT_SIGN_IN,
      ),
      code,
    );
    // Brotli's best takes about 0.1 s of CPU on a rendered page: spent once on the plain address, while
    // a variant (`?next=…`, whose query anyone may vary) gets a quick level, about 2 ms and 15 % larger.
    return keep(representations(html, url.search ? 5 : 11));
  }

  /**
   * The page of `url` rendered with a signed-in person's data (src/server-render.tsx: the Overview),
   * `fetch` answering that person's requests to the console server's own routes, in two parts: the head
   * once the person's session is known to be good, so that the browser fetches the code while the
   * server reads and renders, and the rest once rendered. Null when the server does not render that
   * page for them (another page, no server build, a config without console mode, a session that is not
   * a good one): then `page()` serves the page that renders in the browser. When the render gives up
   * (a read failed or was late) or fails (logged) after the head has gone, the rest is that of the page
   * the browser renders: an empty root, and the first reads to preload. Never kept: it is that
   * person's, as of now.
   */
  async signedInPage(url: URL, fetch: FetchLike): Promise<StreamedPage | null> {
    this.refresh();
    if (this.configValue === undefined || !this.runtimeConfig) return null;
    const render = await this.serverRender();
    if (!render?.startSignedInPage || !render.SIGNED_IN_RENDERED_PATHS?.includes(url.pathname)) return null;
    const failed = (err: unknown) =>
      console.error(`rendering ${url.pathname} on the server failed; the browser renders it:`, err);
    let started: Awaited<ReturnType<NonNullable<ServerRender['startSignedInPage']>>>;
    try {
      started = await render.startSignedInPage(url, this.configValue, fetch);
    } catch (err) {
      failed(err);
      return null;
    }
    if (started === null) return null;
    const route = this.routeOf(url.pathname);
    const { head, withData, withoutData } = this.signedInShell(route, started.title);
    const browserRenders = () => `${EMPTY_ROOT}${this.firstReadsLink(route)}${withoutData}`;
    const rest = () =>
      started.render().then(
        (page) =>
          page
            ? `<div id="root">${page.markup}</div>\n    ` +
              `<script type="application/json" id="${PAGE_QUERIES_ID}">${jsonInHtml(page.queries)}</script>` +
              withData
            : browserRenders(),
        (err: unknown) => {
          failed(err);
          return browserRenders();
        },
      );
    return { head, rest };
  }

  /**
   * What a signed-in rendered page is made in, the same for everyone: its head, and what follows its root
   * with its data in it and without. Built once per route and title, and again when the build or the
   * config changes, not on every request (index.html and the stylesheets are read from disk to make it).
   */
  private signedInShell(
    route: RoutePreload | undefined,
    title: string,
  ): { head: string; withData: string; withoutData: string } {
    const key = `${route?.path ?? ''}\n${title}`;
    let shell = this.shells.get(key);
    if (!shell) {
      // The page's data will be in it: no first reads to preload in its head (`html()`).
      const [head, withoutData] = splitAtRoot(
        withPageScripts(
          this.withStylesInline(withMarkup(this.html(route, { firstReads: false }), '', title), true),
        ),
      );
      shell = { head, withData: withNoscript(withoutData, NOSCRIPT_WITH_DATA), withoutData };
      this.shells.set(key, shell);
    }
    return shell;
  }

  /**
   * A rendered page's stylesheets in the page itself, so that it paints once the HTML is in rather than
   * a round trip later. On a page with its code (`keepLinks`) their links stay, at the end of the body
   * and for print only, so that they hold up neither the paint nor the parser (and with it the code):
   * the files still load, at the lowest priority, into the cache for the pages that follow, and the
   * code's loader, which fetches a page's stylesheet unless a link to it is there, finds them and
   * fetches nothing. A page without its code prefetches them with the rest (`htmlWithoutCode`).
   */
  private withStylesInline(html: string, keepLinks: boolean): string {
    const links: string[] = [];
    const out = html.replace(STYLESHEET_LINK, (link, href: string) => {
      const file = join(this.root, href.replace(/^\/+/, ''));
      const css = file.startsWith(this.root) && existsSync(file) ? readFileSync(file, 'utf8') : null;
      if (css === null || /<\/style/i.test(css)) return link;
      links.push(link.replace('<link ', '<link media="print" '));
      return `<style>${css}</style>`;
    });
    return keepLinks ? out.replace('</body>', `  ${links.join('\n    ')}\n  </body>`) : out;
  }

  /**
   * index.html for a page that works without the console's code (`RenderedPage.code`: console mode's
   * sign-in page): no script, no module preload, no config and no comment, a link to each of the
   * page's own stylesheets (put inline by `withStylesInline`), and, for PREFETCH_SCRIPT to fetch once
   * the page has painted, the files the page the person goes on to (`?next=`, else the Overview) will
   * need: the entry chunk, that route's chunks, the adapters of the connections' dialects and the
   * stylesheets. Nothing the page asks for while it loads but the page itself.
   */
  private htmlWithoutCode(url: URL): string {
    const files: string[] = [];
    const take = (_: string, href: string) => {
      files.push(href);
      return '';
    };
    let html = readFileSync(this.index, 'utf8')
      .replace(/[ \t]*<!--[\s\S]*?-->\n?/g, '')
      .replace(CONFIG_PRELOAD, '')
      .replace(/[ \t]*<script type="module" crossorigin src="([^"]+)"><\/script>\n?/g, take)
      .replace(/[ \t]*<link rel="modulepreload" crossorigin href="([^"]+)" ?\/?>\n?/g, take);
    for (const [, href] of html.matchAll(STYLESHEET_LINK)) files.push(href!);
    const next = this.routeOf(safeNext(url.searchParams.get('next')).replace(/[?#].*$/, ''));
    files.push(...(next?.scripts ?? []), ...this.adapters(), ...(next?.styles ?? []));
    const own = this.routeOf(url.pathname)?.styles ?? [];
    html = html.replace('</head>', () => `  ${own.map(stylesheetLink).join('\n    ')}\n  </head>`);
    return html.replace(
      '</body>',
      () =>
        `  <script type="application/json" id="${NEXT_PAGE_FILES_ID}">${jsonInHtml([...new Set(files)])}</script>\n` +
        `    <script>${PREFETCH_SCRIPT}</script>\n  </body>`,
    );
  }

  /**
   * The Overview's data, asked for beside its code rather than once the code has run: all of its first
   * reads in one request (server/console/first-reads.ts), first of the route's links, since each request
   * waits for one of the browser's six connections to the host. Empty on another route, or when the
   * connections have no first reads.
   */
  private firstReadsLink(route: RoutePreload | undefined): string {
    return route?.path === OVERVIEW_ROUTE && this.runtimeConfig && hasFirstReads(this.runtimeConfig)
      ? `<link rel="preload" href="${FIRST_READS_PATH}" as="fetch" crossorigin id="${FIRST_READS_LINK_ID}">`
      : '';
  }

  /** The adapter chunks of the dialects the connections use. */
  private adapters(): string[] {
    return Object.values(this.dialects).flat();
  }

  private routeOf(path: string): RoutePreload | undefined {
    return this.routes.find((r) => matchesRoute(r.path, path));
  }

  /**
   * Loads the server's build of the console ahead of the first page that needs it, and tells whether
   * there is one that loads. The server calls it once it listens: run by `tsx`, the import of that
   * build (2.4 MB of JavaScript, which tsx compiles first) takes about a second on the project's
   * machine, which the first person to open a page after a start would otherwise wait for.
   */
  async warm(): Promise<boolean> {
    try {
      this.refresh();
      return (await this.serverRender()) !== null;
    } catch (err) {
      // A build deleted or half-written meanwhile: the pages say so when asked for; no crash here.
      console.error(`the console's build in ${this.root} could not be read:`, err);
      return false;
    }
  }

  /** The server's build of the current build (imported anew when the build changes). */
  private serverRender(): Promise<ServerRender | null> {
    if (this.renderer?.version !== this.version) {
      const file = join(this.root, SERVER_RENDER_FILE);
      const version = this.version;
      const module = existsSync(file)
        ? (import(`${pathToFileURL(file).href}?v=${version}`) as Promise<ServerRender>).catch(
            (err: unknown) => {
              console.error(
                `the server's build of the console (${file}) does not load; pages render in the browser:`,
                err,
              );
              return null;
            },
          )
        : Promise.resolve(null);
      this.renderer = { version, module };
    }
    return this.renderer.module;
  }

  private refresh(): void {
    const version = statSync(this.index).mtimeMs;
    const configVersion = statSync(this.config, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (version === this.version && configVersion === this.configVersion) return;
    this.version = version;
    this.configVersion = configVersion;
    this.built.clear();
    this.shells.clear();
    this.rendered.clear();
    const file = existsSync(this.preloadsFile)
      ? (JSON.parse(readFileSync(this.preloadsFile, 'utf8')) as Partial<PreloadsFile>)
      : {};
    const routes = file.routes ?? [];
    // The adapters of the dialects the connections use; none when config.json is unreadable (the
    // console then shows why itself).
    this.dialects = {};
    this.configValue = undefined;
    try {
      const config = (this.runtimeConfig ?? JSON.parse(readFileSync(this.config, 'utf8'))) as {
        connections?: { dialect?: unknown }[];
      };
      this.configValue = config;
      for (const c of config.connections ?? [])
        if (typeof c.dialect === 'string' && file.dialects?.[c.dialect])
          this.dialects[c.dialect] = file.dialects[c.dialect]!;
    } catch {
      this.dialects = {};
    }
    // The catch-all last, whatever the file's order.
    this.routes = [...routes].sort((a, b) => Number(a.path.includes('*')) - Number(b.path.includes('*')));
  }

  /** index.html with the config and the route's preloads (and the Overview's first reads, unless told not to). */
  private html(route: RoutePreload | undefined, { firstReads = true } = {}): string {
    let html = readFileSync(this.index, 'utf8');
    if (this.configValue !== undefined) {
      // The runtime config travels in the page: no config.json request before the code can start.
      // Console mode: the session the cookie names is asked for at once, beside the code.
      const session = (this.configValue as { console?: { session?: unknown } }).console?.session;
      const head = [
        `<script type="application/json" id="${CONFIG_ELEMENT_ID}">${jsonInHtml(this.configValue)}</script>`,
        ...(typeof session === 'string'
          ? [`<link rel="preload" href="${attr(session)}" as="fetch" crossorigin>`]
          : []),
      ];
      // index.html's own preload of config.json is then not needed.
      html = html.replace(CONFIG_PRELOAD, '').replace('</head>', `  ${head.join('\n    ')}\n  </head>`);
    }
    if (route) {
      // Signed-in pages call the connections at once; the sign-in page needs no adapter to paint.
      const adapters = route.path === '/sign-in' ? [] : this.adapters();
      const scripts = [...new Set([...route.scripts, ...adapters])];
      const links = [
        ...(firstReads ? [this.firstReadsLink(route)].filter(Boolean) : []),
        ...scripts.map((s) => `<link rel="modulepreload" crossorigin href="${attr(s)}">`),
        ...route.styles.map(stylesheetLink),
      ];
      html = html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
    }
    return html;
  }
}

/**
 * What a browser that runs no script shows of index.html's `<noscript>` on a page that works as its
 * HTML: console mode's sign-in page (its form is sent by the browser itself) and the Overview rendered
 * with the person's data (its data shows, as of the page's load).
 */
const NOSCRIPT_SIGN_IN =
  'Signing in works without JavaScript; the console’s pages need it: turn it on for this site to use them.';
const NOSCRIPT_WITH_DATA =
  'Without JavaScript this page shows its data as it was when it loaded, does not update, and its ' +
  'buttons do nothing: turn JavaScript on for this site to use the console.';

/**
 * `html` with a page the server rendered in it: its markup in the root, its title, the colour-scheme
 * script that sets Mantine's colours before the first paint (light until the script says otherwise, and
 * for a browser that runs no script), and, for a page that works without its code, what its
 * `<noscript>` says instead of index.html's words.
 */
function withMarkup(html: string, markup: string, title: string, noscript?: string): string {
  return withNoscript(html, noscript)
    .replace(EMPTY_ROOT, () => `<div id="root">${markup}</div>`)
    .replace(/<html([^>]*)>/, '<html$1 data-mantine-color-scheme="light">')
    .replace(
      /<title>[^<]*<\/title>/,
      () => `<title>${escapeHtml(title)}</title>\n    <script>${COLOR_SCHEME_SCRIPT}</script>`,
    );
}

/** `html` with its `<noscript>` saying `text` instead (unchanged without a text). */
function withNoscript(html: string, text: string | undefined): string {
  return text
    ? html.replace(/<noscript>[^<]*<\/noscript>/, () => `<noscript>${escapeHtml(text)}</noscript>`)
    : html;
}

/** A page with an empty root, in two: up to the root, and from it on without it. */
function splitAtRoot(html: string): [string, string] {
  const at = html.indexOf(EMPTY_ROOT);
  if (at < 0) throw new Error('index.html has no empty <div id="root"></div>');
  return [html.slice(0, at), html.slice(at + EMPTY_ROOT.length)];
}

/**
 * A page the browser renders, with its inline script (server/page-scripts.ts) as the body's last
 * element, after every link the parser must see: the colour scheme and the warm-up of what the code's
 * start would otherwise meet cold, while that code is on its way.
 */
function withPageScripts(html: string): string {
  return html.replace('</body>', () => `  <script>${WARM_UP_SCRIPT}</script>\n  </body>`);
}

/** A page as sent: plain, Brotli (at `brotliQuality`) and gzip, each with its ETag. */
function representations(html: string, brotliQuality = 11): Representation[] {
  const plain = Buffer.from(html);
  const tag = createHash('sha256').update(plain).digest('base64url').slice(0, 22);
  const br = brotliCompressSync(plain, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: brotliQuality,
      [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
    },
  });
  const gz = gzipSync(plain, { level: 9 });
  return [
    { encoding: null, etag: `"${tag}"`, body: () => plain },
    { encoding: 'br', etag: `"${tag}-br"`, body: () => br },
    { encoding: 'gzip', etag: `"${tag}-gzip"`, body: () => gz },
  ];
}
