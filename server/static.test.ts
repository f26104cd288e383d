import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { precompress } from '../build-plugins/precompress';
import type { Service } from './app';
import { createService, modules } from './app';
import { loadConfig } from './config';
import { acceptedEncodings } from './encoding';
import { listen } from './listen-test-support';
import { mountProxy } from './proxy';
import { createHash } from 'node:crypto';
import {
  COLOR_SCHEME_SCRIPT,
  NEXT_PAGE_FILES_ID,
  PAGE_SCRIPT_HASHES,
  PREFETCH_SCRIPT,
  WARM_UP_SCRIPT,
} from './page-scripts';
import { CONTENT_SECURITY_POLICY } from './security-headers';
import { jsonInHtml, SERVER_RENDER_FILE } from './console-pages';
import { serveConsole } from './static';
import { signInPageSaying } from './console/sign-in-reason';
import { tinyModule } from './testing/tiny-dialect/module';

/**
 * The server that serves the built console, over real HTTP (node:http, so that what goes over the
 * wire — compressed bytes, 304s, headers — is what is checked, not what fetch makes of it).
 */
let dir: string;
let service: Service;
let server: Awaited<ReturnType<typeof listen>>;

const SCRIPT = `export const words = ${JSON.stringify('backup console '.repeat(400))};\n`;

beforeAll(async () => {
  // A small build, as `vite build` lays it out.
  dir = mkdtempSync(join(tmpdir(), 'console-static-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, '.vite'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head><title>Backup Console</title>${'<meta name="x" content="padding">'.repeat(20)}<link rel="preload" href="/config.json" as="fetch" crossorigin /></head><body><div id="root"></div></body></html>`,
  );
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), SCRIPT);
  writeFileSync(join(dir, 'assets', 'index-abc123.js.map'), '{"version":3}');
  writeFileSync(join(dir, '.vite', 'manifest.json'), '{}');
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({ connections: [{ dialect: 'rackspace-v1' }], note: 'x'.repeat(400) }),
  );
  writeFileSync(
    join(dir, 'route-preloads.json'),
    JSON.stringify({
      routes: [
        { path: '/sign-in', scripts: ['/assets/sign-in-1.js'], styles: ['/assets/sign-in-1.css'] },
        { path: '/', scripts: ['/assets/overview-4.js'], styles: [] },
        { path: '/jobs/:connectionId/:id', scripts: ['/assets/job-2.js'], styles: [] },
        { path: '/*', scripts: ['/assets/not-found-3.js'], styles: [] },
      ],
      dialects: { 'rackspace-v1': ['/assets/adapter-v1.js'], 'veeam-v5': ['/assets/adapter-v5.js'] },
    }),
  );
  precompress(dir);
  service = await createService(loadConfig(['--data-dir', ':memory:'], {}));
  mountProxy(service.app, () => []);
  serveConsole(service, dir);
  server = await listen(service);
});
afterAll(async () => {
  await server.close();
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    if (method !== 'GET' && method !== 'HEAD') req.end('x'.repeat(2 * 1024 * 1024));
    else req.end();
  });
}

describe('compression', () => {
  it('sends the build’s Brotli or gzip variant by content negotiation, the plain file otherwise', async () => {
    const br = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.body.length).toBeLessThan(SCRIPT.length / 10);
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);

    const gz = await get('/assets/index-abc123.js', { 'accept-encoding': 'br;q=0, gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);

    const plain = await get('/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    // Each variant is its own representation: its own ETag.
    expect(new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]).size).toBe(3);
  });

  it('compresses the page too, and honours q-values and *', () => {
    expect(acceptedEncodings('gzip;q=1.0, br;q=0.5')).toEqual(['gzip', 'br']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('*;q=0.1, gzip;q=0')).toEqual(['br']);
    expect(acceptedEncodings('identity')).toEqual([]);
    expect(acceptedEncodings(undefined)).toEqual([]);
  });

  it('serves a file edited after the build as it is now, not its stale compressed variant', async () => {
    const file = join(dir, 'config.json');
    const edited = JSON.stringify({
      connections: [{ dialect: 'rackspace-v1' }],
      edited: true,
      note: 'y'.repeat(400),
    });
    writeFileSync(file, edited);
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    const res = await get('/config.json', { 'accept-encoding': 'br, gzip' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe(edited);
  });
});

describe('caching', () => {
  it('caches hashed assets for a year, immutable', async () => {
    const res = await get('/assets/index-abc123.js', { 'accept-encoding': 'br' });
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates the page and config.json by ETag: 304 while unchanged', async () => {
    for (const path of ['/sign-in', '/', '/config.json']) {
      const first = await get(path, { 'accept-encoding': 'br' });
      expect(first.status, path).toBe(200);
      expect(first.headers['cache-control'], path).toBe('no-cache');
      const etag = first.headers.etag as string;
      expect(etag, path).toMatch(/^"/);
      const again = await get(path, { 'accept-encoding': 'br', 'if-none-match': etag });
      expect(again.status, path).toBe(304);
      expect(again.body.length, path).toBe(0);
      const other = await get(path, { 'accept-encoding': 'br', 'if-none-match': '"something-else"' });
      expect(other.status, path).toBe(200);
    }
  });
});

describe('the page of each route', () => {
  it('preloads what the route needs, beside the entry chunk', async () => {
    const signIn = brotliDecompressSync((await get('/sign-in', { 'accept-encoding': 'br' })).body).toString();
    expect(signIn).toContain('<link rel="modulepreload" crossorigin href="/assets/sign-in-1.js">');
    expect(signIn).toContain('<link rel="stylesheet" crossorigin href="/assets/sign-in-1.css">');
    expect(signIn.indexOf('sign-in-1.js')).toBeLessThan(signIn.indexOf('</head>'));

    const job = (await get('/jobs/veeam/3396ba22')).body.toString();
    expect(job).toContain('/assets/job-2.js');
    expect(job).not.toContain('sign-in-1');
    // The adapters of the dialects config.json uses, for the pages that call the connections at once.
    expect(job).toContain('/assets/adapter-v1.js');
    expect(job).not.toContain('/assets/adapter-v5.js');
    expect(signIn).not.toContain('adapter-');
    const unknown = (await get('/no/such/page')).body.toString();
    expect(unknown).toContain('/assets/not-found-3.js');
  });

  it('carries the runtime config in a script element that never runs, instead of preloading config.json', async () => {
    const page = (await get('/sign-in')).body.toString();
    const carried = /<script type="application\/json" id="console-config">(.*?)<\/script>/.exec(page);
    expect(carried?.[1] && JSON.parse(carried[1])).toEqual(
      JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')),
    );
    expect(page).not.toContain('href="/config.json"');
    expect(page.indexOf('console-config')).toBeLessThan(page.indexOf('</head>'));
    // Vendor sign-in: no console session to ask for.
    expect(page).not.toContain('/console/api/session');
  });

  it('escapes what could end the script element early', () => {
    const text = jsonInHtml({ label: '</script><script>alert(1)</script><!--', line: '\u2028' });
    expect(text).not.toMatch(/[<\u2028]/);
    expect(JSON.parse(text)).toEqual({ label: '</script><script>alert(1)</script><!--', line: '\u2028' });
  });

  it('answers HEAD as GET without a body', async () => {
    const res = await get('/sign-in', {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body.length).toBe(0);
  });
});

describe('bad paths', () => {
  it('answers %25 and malformed escapes with 404, never a 500 or a logged stack', async () => {
    const logged = vi.spyOn(console, 'error');
    try {
      for (const path of ['/%25', '/%zz', '/%', '/a%25zz', '/%2541', '/assets/%25', '/jobs/%E0%A4%A']) {
        const res = await get(path);
        expect(res.status, path).toBe(404);
        expect(res.body.toString(), path).not.toMatch(/URIError|at .*\.ts:/);
      }
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it('serves no source map, no dot-folder and nothing outside the build', async () => {
    for (const path of [
      '/assets/index-abc123.js.map',
      '/.vite/manifest.json',
      '/../package.json',
      '/%2e%2e/x.js',
    ])
      expect((await get(path)).status, path).toBe(404);
    expect(readFileSync(join(dir, 'assets', 'index-abc123.js.map'), 'utf8')).toContain('version');
  });
});

describe('API paths', () => {
  it("are left to the service's modules, one added at run time too: its 404, not the console's page", async () => {
    const own = await createService(loadConfig(['--data-dir', ':memory:'], {}), undefined, [
      ...modules,
      tinyModule,
    ]);
    serveConsole(own, dir);
    try {
      for (const path of ['/tiny/v1/nothing', '/v5/nothing']) {
        const res = await own.app.request(path);
        expect(res.status, path).toBe(404);
        expect(res.headers.get('content-type'), path).toContain('application/json');
      }
      expect(await (await own.app.request('/tiny/v1/nothing')).json()).toMatchObject({
        problem: { status: 404 },
      });
      // Beside them, the console's own deep links are its page.
      const page = await own.app.request('/jobs/tiny/t1');
      expect(page.headers.get('content-type')).toContain('text/html');
    } finally {
      own.close();
    }
  });
});

describe('security headers', () => {
  it('are on everything the server answers: pages, files, API answers, errors, the proxy', async () => {
    const answers = await Promise.all([
      get('/sign-in'),
      get('/assets/index-abc123.js'),
      get('/config.json'),
      get('/assets/nothing.js'),
      get('/%25'),
      get('/health'),
      get('/v5/Jobs'),
      get('/v2.0/nothing'),
      get('/v5/Token', { 'content-type': 'application/x-www-form-urlencoded' }, 'POST'),
      get('/proxy/https/example.com/x'),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 404, 404, 200, 401, 404, 413, 403]);
    for (const a of answers) {
      expect(a.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(a.headers['x-content-type-options']).toBe('nosniff');
      expect(a.headers['referrer-policy']).toBe('no-referrer');
      expect(a.headers['x-frame-options']).toBe('DENY');
    }
    // The console's own files, and the inline scripts a page carries, by their hashes.
    const hashes = [COLOR_SCHEME_SCRIPT, WARM_UP_SCRIPT, PREFETCH_SCRIPT].map(
      (script) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`,
    );
    expect(PAGE_SCRIPT_HASHES).toEqual(hashes);
    expect(CONTENT_SECURITY_POLICY).toContain(`script-src 'self' ${hashes.join(' ')};`);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });
});

describe('console mode (the server holds the connections)', () => {
  it("answers config.json with the server's own, revalidated by ETag, and preloads its dialects' adapters", async () => {
    const held = {
      console: { session: '/console/api/session', oidc: null },
      connections: [
        { id: 'veeam', label: 'Veeam', dialect: 'veeam-v5', basePath: '/console/api/connections/veeam' },
      ],
    };
    const own = await createService(loadConfig(['--data-dir', ':memory:'], {}));
    serveConsole(own, dir, held);
    const ownServer = await listen(own);
    try {
      const fetchRaw = (path: string, headers: Record<string, string> = {}) =>
        fetch(`${ownServer.url}${path}`, { headers });
      const config = await fetchRaw('/config.json');
      expect(config.headers.get('cache-control')).toBe('no-cache');
      expect(await config.json()).toEqual(held);
      const again = await fetchRaw('/config.json', { 'if-none-match': config.headers.get('etag')! });
      expect(again.status).toBe(304);
      // The page preloads the adapter of the dialect the server holds, not the file's (rackspace-v1).
      const page = await (await fetchRaw('/jobs/veeam/1')).text();
      expect(page).toContain('/assets/adapter-v5.js');
      expect(page).not.toContain('/assets/adapter-v1.js');
      // The page carries the server's config and asks for the cookie's session beside the code, so
      // neither config.json nor the session waits for the entry chunk to run.
      const signIn = await (await fetchRaw('/sign-in')).text();
      for (const html of [page, signIn]) {
        expect(html).toContain(
          `<script type="application/json" id="console-config">${JSON.stringify(held)}</script>`,
        );
        expect(html).toContain('<link rel="preload" href="/console/api/session" as="fetch" crossorigin>');
        expect(html).not.toContain('href="/config.json"');
      }
    } finally {
      await ownServer.close();
      own.close();
    }
  });

  it("preloads the Overview's first reads of the connections the server holds in one request, and only on the Overview", async () => {
    const connection = (id: string, dialect: string, signIn?: string) => ({
      id,
      label: id,
      dialect,
      basePath: `/console/api/connections/${id}`,
      ...(signIn ? { signIn } : {}),
    });
    const held = {
      console: { session: '/console/api/session', oidc: null },
      connections: [
        connection('veeam', 'veeam-v5'),
        connection('ord', 'rackspace-v2'),
        connection('mine', 'rackspace-v1', 'per-person'),
      ],
    };
    // Only connections each person signs in to: their reads would need that person's own sign-in first.
    const personalOnly = { ...held, connections: [connection('mine', 'rackspace-v1', 'per-person')] };
    for (const [config, overview] of [
      [held, ['/console/api/session', '/console/api/first-reads']],
      [personalOnly, ['/console/api/session']],
    ] as const) {
      const own = await createService(loadConfig(['--data-dir', ':memory:'], {}));
      serveConsole(own, dir, config);
      const ownServer = await listen(own);
      try {
        const html = async (path: string) => (await fetch(`${ownServer.url}${path}`)).text();
        const preloads = (page: string) =>
          [...page.matchAll(/<link rel="preload" href="([^"]+)" as="fetch" crossorigin[^>]*>/g)].map(
            (m) => m[1],
          );
        const page = await html('/');
        expect(preloads(page)).toEqual(overview);
        if (overview.length > 1) expect(page).toContain('crossorigin id="first-reads">');
        for (const path of ['/sign-in', '/jobs', '/activity'])
          expect(preloads(await html(path)), path).toEqual(['/console/api/session']);
      } finally {
        await ownServer.close();
        own.close();
      }
    }
  });
});

describe('the sign-in page rendered on the server', () => {
  // The server's build as `vite build --ssr` lays it out, standing in for src/server-render.tsx: it
  // counts its renders and fails when asked to.
  const RENDERER = `
globalThis.__consoleRendererLoads = (globalThis.__consoleRendererLoads ?? 0) + 1;
export const SERVER_RENDERED_PATHS = ['/sign-in'];
export async function renderPage(url, config) {
  globalThis.__consoleRenders = (globalThis.__consoleRenders ?? 0) + 1;
  if (url.searchParams.has('fail')) throw new Error('the render failed');
  return {
    markup: '<main><h1>Sign in</h1><p>' + config.connections.length + ' connection(s)</p></main>',
    title: 'Sign in · Backup Console',
    // As src/server-render.tsx decides: console mode's sign-in page works without its code.
    code: config.console === undefined,
  };
}
`;
  const renders = () => (globalThis as { __consoleRenders?: number }).__consoleRenders ?? 0;
  const loads = () => (globalThis as { __consoleRendererLoads?: number }).__consoleRendererLoads ?? 0;
  let built: string;
  let own: Service;
  let ownServer: Awaited<ReturnType<typeof listen>>;
  const page = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${ownServer.url}${path}`, { headers });
    return { status: res.status, html: await res.text() };
  };

  beforeAll(async () => {
    built = mkdtempSync(join(tmpdir(), 'console-rendered-'));
    mkdirSync(join(built, 'assets'));
    mkdirSync(join(built, '.server'));
    writeFileSync(
      join(built, 'index.html'),
      '<!doctype html><html><head><title>Backup Console</title><link rel="stylesheet" crossorigin href="/assets/index-1.css"></head><body><div id="root"></div></body></html>',
    );
    writeFileSync(join(built, 'assets', 'index-1.css'), 'main{color:teal}');
    writeFileSync(join(built, 'assets', 'sign-in-1.css'), 'h1{margin:0}');
    writeFileSync(
      join(built, 'route-preloads.json'),
      JSON.stringify({
        routes: [
          { path: '/sign-in', scripts: ['/assets/sign-in-1.js'], styles: ['/assets/sign-in-1.css'] },
          { path: '/*', scripts: [], styles: [] },
        ],
        dialects: {},
      }),
    );
    writeFileSync(join(built, 'config.json'), JSON.stringify({ connections: [{ dialect: 'rackspace-v1' }] }));
    writeFileSync(join(built, SERVER_RENDER_FILE), RENDERER);
    own = await createService(loadConfig(['--data-dir', ':memory:'], {}));
    serveConsole(own, built);
    ownServer = await listen(own);
  });
  afterAll(async () => {
    await ownServer.close();
    own.close();
    rmSync(built, { recursive: true, force: true });
  });

  it("shows a reason for a refused sign-in only when this server gave it: another's is taken off the address", async () => {
    const at = (path: string) => fetch(`${ownServer.url}${path}`, { redirect: 'manual' });
    const forged = await at('/sign-in?next=%2Fjobs&error=Your+account+is+locked%3A+call+555-0100');
    expect(forged.status).toBe(303);
    expect(forged.headers.get('location')).toBe('/sign-in?next=%2Fjobs');
    const signed = signInPageSaying('Wrong user name or password.', '/jobs');
    expect(signed).toMatch(/^\/sign-in\?next=%2Fjobs&error=Wrong\+user\+name\+or\+password\.&sig=/);
    expect((await at(signed)).status).toBe(200);
    // The signature of one reason does not carry another.
    const swapped = signed.replace('Wrong+user+name', 'Call+us');
    expect((await at(swapped)).headers.get('location')).toBe('/sign-in?next=%2Fjobs');
    expect((await at('/sign-in?sig=abc')).headers.get('location')).toBe('/sign-in');
  });

  it('sends the page with its content, title, stylesheets and colour scheme in it', async () => {
    const { status, html } = await page('/sign-in');
    expect(status).toBe(200);
    expect(html).toContain('<div id="root"><main><h1>Sign in</h1><p>1 connection(s)</p></main></div>');
    expect(html).toContain('<title>Sign in · Backup Console</title>');
    expect(html).toContain('<html data-mantine-color-scheme="light">');
    // The colour scheme is set before the body paints, by the one script the CSP allows by its hash.
    expect(html).toContain(`<script>${COLOR_SCHEME_SCRIPT}</script>`);
    // The stylesheets are in the page; their links follow the content, for print only, so that they
    // hold up no paint and the code's loader finds them.
    const head = html.slice(0, html.indexOf('<body>'));
    expect(head).toContain('<style>main{color:teal}</style>');
    expect(head).toContain('<style>h1{margin:0}</style>');
    expect(head).not.toContain('rel="stylesheet"');
    const tail = html.slice(html.indexOf('<div id="root">'));
    expect(tail).toContain('<link media="print" rel="stylesheet" crossorigin href="/assets/index-1.css">');
    expect(tail).toContain('<link media="print" rel="stylesheet" crossorigin href="/assets/sign-in-1.css">');
  });

  it('renders each address once, and only the pages it renders', async () => {
    const before = renders();
    await page('/sign-in?next=%2Fjobs');
    const again = await page('/sign-in?next=%2Fjobs');
    expect(renders()).toBe(before + 1);
    expect(again.html).toContain('<h1>Sign in</h1>');
    const other = await page('/jobs');
    expect(other.html).toContain('<div id="root"></div>');
    expect(renders()).toBe(before + 1);
  });

  it('sets the colour scheme and warms up the start of a page the browser renders, once it is parsed', async () => {
    const { html } = await page('/jobs');
    // As the body's last element, after every link the parser must see, and in a task of its own.
    expect(html).toContain(`<script>${WARM_UP_SCRIPT}</script>\n  </body>`);
    expect(html.indexOf(WARM_UP_SCRIPT)).toBeGreaterThan(html.lastIndexOf('<link'));
    expect(WARM_UP_SCRIPT).toMatch(/^setTimeout\(function\(\)\{.*\}\)$/);
    expect(WARM_UP_SCRIPT).toContain(COLOR_SCHEME_SCRIPT);
    expect(html.split('<script>').length).toBe(2);
    // The sign-in page the server renders makes no formatter before its form is React's.
    const signIn = await page('/sign-in');
    expect(signIn.html).toContain('<h1>Sign in</h1>');
    expect(signIn.html).toContain(COLOR_SCHEME_SCRIPT);
    expect(signIn.html).not.toContain(WARM_UP_SCRIPT);
  });

  it('renders it whatever cookie comes when people sign in to the vendors (there is no console session)', async () => {
    const { html } = await page('/sign-in', { cookie: 'console_session=abc' });
    expect(html).toContain('<div id="root"><main><h1>Sign in</h1>');
  });

  it('sends the page the browser renders when the render fails, and says why in the log', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { status, html } = await page('/sign-in?fail=1');
      expect(status).toBe(200);
      expect(html).toContain('<div id="root"></div>');
      expect(String(logged.mock.calls[0]?.[0])).toContain('rendering /sign-in on the server failed');
      // Once: the same build and config would fail the same way again.
      expect((await page('/sign-in?fail=1')).html).toContain('<div id="root"></div>');
      expect(logged).toHaveBeenCalledTimes(1);
    } finally {
      logged.mockRestore();
    }
  });

  it('loads the server build when told to (the server does once it listens), so that no page waits for it', async () => {
    // A build of its own: a module is loaded once per address, and the others' is loaded already.
    const copy = mkdtempSync(join(tmpdir(), 'console-warm-'));
    cpSync(built, copy, { recursive: true });
    const another = await createService(loadConfig(['--data-dir', ':memory:'], {}));
    try {
      const before = loads();
      const { warm } = serveConsole(another, copy);
      expect(loads()).toBe(before);
      expect(await warm()).toBe(true);
      expect(loads()).toBe(before + 1);
      const html = await (await another.app.request('/sign-in')).text();
      expect(html).toContain('<h1>Sign in</h1>');
      // The page was rendered by the build loaded before it.
      expect(loads()).toBe(before + 1);
      expect(await warm()).toBe(true);
      expect(loads()).toBe(before + 1);
    } finally {
      another.close();
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('tells when there is no server build to load, or one that does not load (said in the log), and pages render in the browser', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const without = mkdtempSync(join(tmpdir(), 'console-warm-none-'));
    const broken = mkdtempSync(join(tmpdir(), 'console-warm-broken-'));
    cpSync(built, without, { recursive: true });
    cpSync(built, broken, { recursive: true });
    rmSync(join(without, SERVER_RENDER_FILE));
    writeFileSync(join(broken, SERVER_RENDER_FILE), 'export const = ;');
    const services = [
      await createService(loadConfig(['--data-dir', ':memory:'], {})),
      await createService(loadConfig(['--data-dir', ':memory:'], {})),
    ];
    try {
      expect(await serveConsole(services[0]!, without).warm()).toBe(false);
      expect(logged).not.toHaveBeenCalled();
      expect(await serveConsole(services[1]!, broken).warm()).toBe(false);
      expect(String(logged.mock.calls[0]?.[0])).toContain('does not load; pages render in the browser');
      const html = await (await services[1]!.app.request('/sign-in')).text();
      expect(html).toContain('<div id="root"></div>');
    } finally {
      logged.mockRestore();
      for (const s of services) s.close();
      rmSync(without, { recursive: true, force: true });
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('never sends the server build itself', async () => {
    expect((await page(`/${SERVER_RENDER_FILE}`)).status).toBe(404);
  });

  it('sends a page that works without its code (console mode) with none, and the next page’s files to prefetch', async () => {
    // The same build, with the config of console mode: people sign in to the console server.
    const consoleBuilt = mkdtempSync(join(tmpdir(), 'console-rendered-bare-'));
    for (const f of [
      'index.html',
      'route-preloads.json',
      SERVER_RENDER_FILE,
      'assets/index-1.css',
      'assets/sign-in-1.css',
    ]) {
      mkdirSync(join(consoleBuilt, f, '..'), { recursive: true });
      writeFileSync(join(consoleBuilt, f), readFileSync(join(built, f)));
    }
    writeFileSync(
      join(consoleBuilt, 'index.html'),
      '<!doctype html><html><head><title>Backup Console</title>\n    <!-- about config.json -->\n    <link rel="preload" href="/config.json" as="fetch" crossorigin />\n    <script type="module" crossorigin src="/assets/index-9.js"></script>\n    <link rel="modulepreload" crossorigin href="/assets/vendor-9.js">\n    <link rel="stylesheet" crossorigin href="/assets/index-1.css"></head><body><div id="root"></div><noscript>It needs JavaScript.</noscript></body></html>',
    );
    writeFileSync(
      join(consoleBuilt, 'route-preloads.json'),
      JSON.stringify({
        routes: [
          { path: '/sign-in', scripts: ['/assets/sign-in-1.js'], styles: ['/assets/sign-in-1.css'] },
          { path: '/', scripts: ['/assets/overview-1.js'], styles: ['/assets/overview-1.css'] },
          { path: '/jobs', scripts: ['/assets/jobs-1.js'], styles: [] },
          { path: '/*', scripts: [], styles: [] },
        ],
        dialects: { 'veeam-v5': ['/assets/adapter-v5.js'] },
      }),
    );
    writeFileSync(
      join(consoleBuilt, 'config.json'),
      JSON.stringify({
        connections: [{ dialect: 'veeam-v5' }],
        console: { session: '/console/api/session' },
      }),
    );
    const bare = await createService(loadConfig(['--data-dir', ':memory:'], {}));
    serveConsole(bare, consoleBuilt);
    const bareServer = await listen(bare);
    try {
      const at = async (path: string) => {
        const res = await fetch(`${bareServer.url}${path}`);
        return { html: await res.text(), csp: res.headers.get('content-security-policy') ?? '' };
      };
      const { html, csp } = await at('/sign-in?next=%2Fjobs%3Fq%3Dx');
      expect(html).toContain('<div id="root"><main><h1>Sign in</h1><p>1 connection(s)</p></main></div>');
      // Nothing that loads or runs code, no config for it, no session asked for, no comment about them.
      expect(html).not.toMatch(/type="module"|modulepreload|rel="preload"|console-config|<!--/);
      expect(html).not.toContain('media="print"');
      // Its form works without JavaScript: its <noscript> says so.
      expect(html).toContain('<noscript>Signing in works without JavaScript;');
      expect(html).not.toContain('It needs JavaScript.');
      // Its stylesheets inline, as before.
      const head = html.slice(0, html.indexOf('<body>'));
      expect(head).toContain('<style>main{color:teal}</style>');
      expect(head).toContain('<style>h1{margin:0}</style>');
      expect(head).not.toContain('rel="stylesheet"');
      // The files the page named by ?next= will need, for the one other script the CSP allows.
      const list = new RegExp(
        `<script type="application/json" id="${NEXT_PAGE_FILES_ID}">(.*?)</script>`,
      ).exec(html);
      expect(JSON.parse(list![1]!)).toEqual([
        '/assets/index-9.js',
        '/assets/vendor-9.js',
        '/assets/index-1.css',
        '/assets/jobs-1.js',
        '/assets/adapter-v5.js',
      ]);
      expect(html).toContain(`<script>${PREFETCH_SCRIPT}</script>\n  </body>`);
      expect(html.split('<script>').length).toBe(3);
      const hash = `'sha256-${createHash('sha256').update(PREFETCH_SCRIPT).digest('base64')}'`;
      expect(csp).toContain(hash);
      // Without ?next=, the Overview's.
      const plain = await at('/sign-in');
      const files = JSON.parse(
        new RegExp(`id="${NEXT_PAGE_FILES_ID}">(.*?)</script>`).exec(plain.html)![1]!,
      ) as string[];
      expect(files).toContain('/assets/overview-1.js');
      expect(files).toContain('/assets/overview-1.css');
      // A page the browser renders keeps its code.
      expect((await at('/jobs')).html).toContain(
        '<script type="module" crossorigin src="/assets/index-9.js">',
      );
    } finally {
      await bareServer.close();
      bare.close();
      rmSync(consoleBuilt, { recursive: true, force: true });
    }
  });
});

describe("the Overview rendered with a person's data (console mode)", () => {
  // A server build as src/server-render.tsx's: the Overview for whoever the console's own session
  // route says the cookie is, from that route answered in the server's process.
  const RENDERER = `
export const SERVER_RENDERED_PATHS = ['/sign-in'];
export const SIGNED_IN_RENDERED_PATHS = ['/'];
export async function renderPage(url) {
  return { markup: '<main><h1>Sign in</h1></main>', title: 'Sign in · Backup Console', code: false };
}
export async function startSignedInPage(url, config, fetch) {
  if (url.searchParams.has('fail')) throw new Error('the render failed');
  const who = await fetch('/console/api/session', { method: 'GET' });
  if (!who.ok) return null;
  const { user } = await who.json();
  const render = async () => {
    // ?hold: the render waits until the test lets it go; ?late: its reads were late; ?broken: it fails.
    if (url.searchParams.has('hold')) await new Promise((resolve) => (globalThis.releaseOverview = resolve));
    if (url.searchParams.has('late')) return null;
    if (url.searchParams.has('broken')) throw new Error('the render broke');
    return {
      markup: '<main><h1>Overview</h1><p>' + user.username + '</p></main>',
      queries: { mutations: [], queries: [{ queryKey: ['runs', user.username], state: { data: '</script><b>' } }] },
    };
  };
  return { title: 'Overview · Backup Console', render };
}
`;
  let built: string;
  let own: Service;
  let ownServer: Awaited<ReturnType<typeof listen>>;
  const held = {
    console: { session: '/console/api/session', oidc: null },
    connections: [
      { id: 'veeam', label: 'Veeam', dialect: 'veeam-v5', basePath: '/console/api/connections/veeam' },
    ],
  };
  const page = async (path: string, cookie?: string) => {
    const res = await fetch(`${ownServer.url}${path}`, {
      headers: cookie ? { cookie: `console_session=${cookie}` } : {},
    });
    return { res, html: await res.text() };
  };

  beforeAll(async () => {
    built = mkdtempSync(join(tmpdir(), 'console-signed-in-'));
    mkdirSync(join(built, 'assets'));
    mkdirSync(join(built, '.server'));
    writeFileSync(
      join(built, 'index.html'),
      '<!doctype html><html><head><title>Backup Console</title>\n    <script type="module" crossorigin src="/assets/index-9.js"></script>\n    <link rel="stylesheet" crossorigin href="/assets/index-1.css"></head><body><div id="root"></div><noscript>It needs JavaScript.</noscript></body></html>',
    );
    writeFileSync(join(built, 'assets', 'index-1.css'), 'main{color:teal}');
    writeFileSync(
      join(built, 'route-preloads.json'),
      JSON.stringify({
        routes: [
          { path: '/sign-in', scripts: [], styles: [] },
          { path: '/', scripts: ['/assets/overview-1.js'], styles: [] },
          { path: '/*', scripts: [], styles: [] },
        ],
        dialects: { 'veeam-v5': ['/assets/adapter-v5.js'] },
      }),
    );
    writeFileSync(join(built, SERVER_RENDER_FILE), RENDERER);
    own = await createService(loadConfig(['--data-dir', ':memory:'], {}));
    // The console's session route as the render asks it: "good-<name>" is a session of <name>.
    own.app.get('/console/api/session', (c) => {
      const cookie = /console_session=([^;]+)/.exec(c.req.header('cookie') ?? '')?.[1] ?? '';
      return cookie.startsWith('good-')
        ? c.json({ user: { username: cookie.slice(5), role: 'viewer' } })
        : c.json({ message: 'Sign in again.' }, 401);
    });
    serveConsole(own, built, held);
    ownServer = await listen(own);
  });
  afterAll(async () => {
    await ownServer.close();
    own.close();
    rmSync(built, { recursive: true, force: true });
  });

  it('sends each person their own Overview, with its answers for the code, stored by no cache', async () => {
    for (const name of ['alice', 'bob']) {
      const { res, html } = await page('/', `good-${name}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(html).toContain(`<div id="root"><main><h1>Overview</h1><p>${name}</p></main></div>`);
      expect(html).toContain('<title>Overview · Backup Console</title>');
      // The answers, escaped so that no text in them can end the element.
      const queries = new RegExp('<script type="application/json" id="page-queries">(.*?)</script>').exec(
        html,
      );
      expect(queries![1]).toContain('\\u003c/script>');
      expect(JSON.parse(queries![1]!)).toEqual({
        mutations: [],
        queries: [{ queryKey: ['runs', name], state: { data: '</script><b>' } }],
      });
      // Its code and the route's, the config, its stylesheet inline, the colour scheme before the paint;
      // no first reads to preload: the page has them.
      expect(html).toContain('<script type="module" crossorigin src="/assets/index-9.js">');
      expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/overview-1.js">');
      expect(html).toContain('id="console-config"');
      expect(html).not.toContain('first-reads');
      expect(html.slice(0, html.indexOf('<body>'))).toContain('<style>main{color:teal}</style>');
      expect(html).toContain(`<script>${COLOR_SCHEME_SCRIPT}</script>`);
      expect(html).toContain(`<script>${WARM_UP_SCRIPT}</script>`);
      // Its data shows without JavaScript, as of the load: its <noscript> says so, not that it needs it.
      expect(html).toContain(
        '<noscript>Without JavaScript this page shows its data as it was when it loaded',
      );
      expect(html).not.toContain('It needs JavaScript.');
    }
  });

  it('sends the page the browser renders to whoever has no good session, and on any other path', async () => {
    for (const cookie of [undefined, 'ended', 'good-alice']) {
      const { res, html } = await page(cookie === 'good-alice' ? '/jobs' : '/', cookie);
      expect(html).toContain('<div id="root"></div>');
      expect(html).toContain('<noscript>It needs JavaScript.</noscript>');
      expect(html).not.toContain('page-queries');
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('renders the sign-in page for a cookie that names no session, and leaves it to the browser for one that does', async () => {
    expect((await page('/sign-in', 'ended')).html).toContain('<div id="root"><main><h1>Sign in</h1>');
    expect((await page('/sign-in')).html).toContain('<div id="root"><main><h1>Sign in</h1>');
    expect((await page('/sign-in', 'good-alice')).html).toContain('<div id="root"></div>');
  });

  it('sends the head, which asks for the code, before the render is done, in each encoding', async () => {
    const held = globalThis as { releaseOverview?: () => void };
    for (const encoding of ['br', 'gzip', 'identity']) {
      held.releaseOverview = undefined;
      const res = await fetch(`${ownServer.url}/?hold=1`, {
        headers: { cookie: 'console_session=good-alice', 'accept-encoding': encoding },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(encoding === 'identity' ? null : encoding);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-accel-buffering')).toBe('no');
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      // All that comes while the render is held: the head, with the code and the route's preloads.
      let head = '';
      let pending = reader.read();
      // Its first part whenever it comes, then whatever more comes within 300 ms of the last.
      for (let first = true; ; first = false) {
        const next = first
          ? await pending
          : await Promise.race([pending, new Promise<null>((resolve) => setTimeout(resolve, 300, null))]);
        if (next === null) break;
        if (next.done) throw new Error('the page ended while its render was held');
        head += next.value;
        pending = reader.read();
      }
      expect(head).toContain('<script type="module" crossorigin src="/assets/index-9.js">');
      expect(head).toContain('<link rel="modulepreload" crossorigin href="/assets/overview-1.js">');
      expect(head).toContain('<title>Overview · Backup Console</title>');
      expect(head).toContain('<body>');
      expect(head).not.toContain('<div id="root"');
      // The render started once the head had gone, and waits.
      await vi.waitFor(() => expect(held.releaseOverview).toBeDefined());
      held.releaseOverview!();
      let html = head;
      for (let next = await pending; !next.done; next = await reader.read()) html += next.value;
      expect(html).toContain('<div id="root"><main><h1>Overview</h1><p>alice</p></main></div>');
      expect(html).toContain('id="page-queries"');
      expect(html.trimEnd().endsWith('</html>')).toBe(true);
    }
  });

  it('sends the rest of the page the browser renders when the render gives up after the head has gone', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      for (const why of ['late', 'broken']) {
        const { res, html } = await page(`/?${why}=1`, 'good-alice');
        expect(res.status).toBe(200);
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(html).toContain('<div id="root"></div>');
        expect(html).not.toContain('page-queries');
        // What that page needs beside its code: its first reads, preloaded from the body.
        expect(html).toContain(
          '<link rel="preload" href="/console/api/first-reads" as="fetch" crossorigin id="first-reads">',
        );
        expect(html).toContain('<noscript>It needs JavaScript.</noscript>');
        expect(html).toContain(`<script>${WARM_UP_SCRIPT}</script>`);
        expect(html.trimEnd().endsWith('</html>')).toBe(true);
      }
      // Only the render that failed is a fault worth the log.
      expect(logged.mock.calls.length).toBe(1);
      expect(String(logged.mock.calls[0]?.[0])).toContain('rendering / on the server failed');
    } finally {
      logged.mockRestore();
    }
  });

  it('answers HEAD with the headers alone, and outlives a browser gone before the rest', async () => {
    const held = globalThis as { releaseOverview?: () => void };
    held.releaseOverview = undefined;
    const head = await fetch(`${ownServer.url}/?hold=1`, {
      method: 'HEAD',
      headers: { cookie: 'console_session=good-alice' },
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('cache-control')).toBe('no-store');
    expect(await head.text()).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(held.releaseOverview).toBeUndefined(); // no render began
    const gone = new AbortController();
    const res = await fetch(`${ownServer.url}/?hold=1`, {
      headers: { cookie: 'console_session=good-alice' },
      signal: gone.signal,
    });
    await res.body!.getReader().read();
    await vi.waitFor(() => expect(held.releaseOverview).toBeDefined());
    gone.abort();
    await new Promise((resolve) => setTimeout(resolve, 50));
    held.releaseOverview!();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The server goes on answering.
    expect((await page('/', 'good-bob')).html).toContain('<p>bob</p>');
  });

  it('sends the page the browser renders when the render fails, and says why in the log', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { res, html } = await page('/?fail=1', 'good-alice');
      expect(res.status).toBe(200);
      expect(html).toContain('<div id="root"></div>');
      expect(String(logged.mock.calls[0]?.[0])).toContain('rendering / on the server failed');
    } finally {
      logged.mockRestore();
    }
  });
});
