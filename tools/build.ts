import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');

/**
 * The console's build (`npm run build`): Vite's build for the browser into `outDir`, then the server's
 * build of the pages it renders (src/server-render.tsx, every dependency bundled in) into its
 * `.server/` folder, which the server never sends (server/console-pages.ts). `viteArgs` go to both
 * (the benchmark's `--logLevel warn`, `--minify false` for a profile).
 */
export function buildConsole(outDir = join(root, 'dist'), viteArgs: readonly string[] = []): void {
  const vite = (args: string[]) => {
    const r = spawnSync(
      process.execPath,
      [join(root, 'node_modules/vite/bin/vite.js'), 'build', ...args, ...viteArgs],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    if (r.status !== 0) throw new Error(`vite build ${args.join(' ')} failed`);
  };
  vite(['--outDir', outDir, '--emptyOutDir']);
  vite(['--ssr', 'src/server-render.tsx', '--outDir', join(outDir, '.server')]);
  // React's development build renders about twice as slowly and is twice the size: the server's build
  // must have left it out (vite.config.ts defines NODE_ENV for it).
  const server = readFileSync(join(outDir, '.server', 'server-render.js'), 'utf8');
  const dev = /node_modules\/[\w@/.-]+\.development\.js/.exec(server);
  if (dev) throw new Error(`the server's build carries ${dev[0]}: define process.env.NODE_ENV for it`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    buildConsole();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
