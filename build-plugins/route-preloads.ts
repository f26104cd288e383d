import { readFileSync } from 'node:fs';
import type { Plugin, Rollup } from 'vite';

type OutputChunk = Rollup.OutputChunk;

/** A route of src/app/router.tsx: its path pattern and the file in src/app/routes/ it loads. */
export interface RouteFile {
  path: string;
  module: string;
}

/**
 * Reads the route table from router.tsx's source: `path: '/sign-in', lazy: () => import('./routes/x')`
 * at the top and `page('jobs', 'Jobs', () => import('./routes/jobs'))` under the layout (`page(undefined, …)`
 * is the index, `'*'` the catch-all). A unit test holds this against the router itself.
 */
export function routeFiles(routerSource: string): RouteFile[] {
  const out: RouteFile[] = [];
  const top = /path:\s*'([^']+)',\s*lazy:\s*\(\)\s*=>\s*import\('\.\/routes\/([^']+)'\)/g;
  for (const m of routerSource.matchAll(top)) out.push({ path: m[1]!, module: m[2]! });
  const child =
    /page\(\s*(undefined|'[^']*')\s*,\s*(?:'[^']*'\s*,\s*)?\(\)\s*=>\s*import\('\.\/routes\/([^']+)'\)/g;
  for (const m of routerSource.matchAll(child)) {
    const path = m[1] === 'undefined' ? '' : m[1]!.slice(1, -1);
    out.push({ path: `/${path}`, module: m[2]! });
  }
  return out;
}

/**
 * Writes `route-preloads.json`: for each route, the scripts (its chunk and every chunk it imports)
 * and stylesheets it needs before it can paint, less what index.html loads already. The server puts
 * them into the page it serves for that route (server/console-pages.ts), so that the route's code
 * downloads beside the entry chunk: no round trip waits for the entry chunk to run.
 */
export function routePreloadsPlugin(routerFile: string): Plugin {
  let base = '/';
  return {
    name: 'backup-console:route-preloads',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    // After Vite's own generateBundle, which drops the chunks that held only CSS.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const chunks = Object.values(bundle).filter((o): o is OutputChunk => o.type === 'chunk');
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const closure = (start: OutputChunk) => {
          const seen = new Set<string>();
          const visit = (c: OutputChunk) => {
            if (seen.has(c.fileName)) return;
            seen.add(c.fileName);
            for (const i of c.imports) if (byFile.has(i)) visit(byFile.get(i)!);
          };
          visit(start);
          return [...seen].map((f) => byFile.get(f)!);
        };
        const entry = chunks.find((c) => c.isEntry);
        if (!entry) return;
        const inHtml = new Set(
          closure(entry).flatMap((c) => [c.fileName, ...(c.viteMetadata?.importedCss ?? [])]),
        );
        const routes = routeFiles(readFileSync(routerFile, 'utf8')).map(({ path, module }) => {
          // A route's own chunk, or the chunk its module was built into (the entry holds /sign-in).
          const file = `/src/app/routes/${module}.tsx`;
          const chunk =
            chunks.find((c) => c.facadeModuleId?.endsWith(file)) ??
            chunks.find((c) => c.moduleIds.some((id) => id.endsWith(file)));
          if (!chunk) this.error(`route ${path}: no chunk for src/app/routes/${module}.tsx`);
          const needed = closure(chunk).filter((c) => !inHtml.has(c.fileName));
          const styles = new Set(
            closure(chunk).flatMap((c) =>
              [...(c.viteMetadata?.importedCss ?? [])].filter((f) => !inHtml.has(f)),
            ),
          );
          for (const f of [...needed.map((c) => c.fileName), ...styles])
            if (!(f in bundle)) this.error(`route ${path}: ${f} is not in the bundle`);
          return {
            path,
            scripts: needed.map((c) => base + c.fileName),
            styles: [...styles].map((f) => base + f),
          };
        });
        if (routes.length < 2) this.error(`found only ${routes.length} routes in ${routerFile}`);
        // The sign-in route's chunk holds the sign-in form and the inputs it shares with the list pages
        // and dialogs. The Overview, where everyone lands after signing in, has no input: it must not
        // load that chunk for a module or two it shares with it (vite.config.ts puts those into the
        // 'shared' group).
        const signIn = routes.find((r) => r.path === '/sign-in')?.scripts[0];
        const signInChunk = signIn ? byFile.get(signIn.slice(base.length)) : undefined;
        const landing = routes.find((r) => r.path === '/');
        if (signIn && signInChunk && landing?.scripts.includes(signIn)) {
          const users = chunks.filter((c) => c !== signInChunk && c.imports.includes(signInChunk.fileName));
          this.error(
            `the Overview loads the sign-in chunk (${users.map((c) => c.name).join(', ')} import from it); ` +
              `put the modules they share into the 'shared' group of vite.config.ts. The sign-in chunk ` +
              `holds: ${signInChunk.moduleIds.map((m) => m.replace(/^.*node_modules\//, '')).join(' ')}`,
          );
        }
        // Each dialect's adapter (src/api/<dialect>/adapter.ts): a signed-in page calls its
        // connections through them, so the server preloads those of the dialects config.json names.
        const dialects: Record<string, string[]> = {};
        for (const c of chunks) {
          const m = /\/src\/api\/([^/]+)\/adapter\.tsx?$/.exec(c.facadeModuleId ?? '');
          if (m && !c.isEntry)
            dialects[m[1]!] = closure(c)
              .filter((x) => !inHtml.has(x.fileName))
              .map((x) => base + x.fileName);
        }
        this.emitFile({
          type: 'asset',
          fileName: 'route-preloads.json',
          source: `${JSON.stringify({ routes, dialects }, null, 1)}\n`,
        });
      },
    },
  };
}
