import type { Server } from 'node:http';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { guardConnections } from './server/connections.ts';
import { precompressPlugin } from './build-plugins/precompress.ts';
import { routePreloadsPlugin } from './build-plugins/route-preloads.ts';

const serviceUrl = process.env.SERVICE_URL ?? 'http://127.0.0.1:8081';

/** The dev and preview servers close after an unread request body as the service does (server/connections.ts). */
const connectionGuard: Plugin = {
  name: 'connection-guard',
  configureServer: (server) => void (server.httpServer && guardConnections(server.httpServer as Server)),
  configurePreviewServer: (server) => void guardConnections(server.httpServer as Server),
};

/**
 * React Router 7's package points every import at its development build (its `exports` name no
 * production one; react-router issue #14102), whose only difference is that its development warnings
 * are on: strings built on each render of the routes, and a "Hey developer" note in its default error
 * boundary. A build takes the production build beside it instead.
 */
const reactRouterProduction = {
  find: /^react-router$/,
  replacement: join(import.meta.dirname, 'node_modules/react-router/dist/production/index.mjs'),
};

export default defineConfig(({ command, isSsrBuild, mode }) => ({
  ...(command === 'build' && mode === 'production' ? { resolve: { alias: [reactRouterProduction] } } : {}),
  plugins: [
    react(),
    connectionGuard,
    // The browser's build only: the server's (`vite build --ssr`, src/server-render.tsx) is neither
    // preloaded nor sent.
    ...(isSsrBuild
      ? []
      : [routePreloadsPlugin(join(import.meta.dirname, 'src/app/router.tsx')), precompressPlugin()]),
  ],
  // The server's build carries what it imports, so that it runs wherever the built console is copied.
  ssr: { noExternal: true },
  // And React's production build, whatever NODE_ENV the server runs with (`npm start` sets none, and a
  // server build leaves process.env.NODE_ENV to run time, where React would pick its development build).
  ...(isSsrBuild && mode === 'production'
    ? { define: { 'process.env.NODE_ENV': JSON.stringify('production') } }
    : {}),
  server: {
    host: '127.0.0.1',
    // In development the reference service runs beside Vite; every API path goes to it so that
    // the browser stays same-origin, exactly as when `npm start` serves both from one port.
    proxy: Object.fromEntries(
      ['/v1.0', '/v2', '/v2.0', '/v5', '/dfw', '/ord', '/proxy', '/health'].map((p) => [
        p,
        { target: serviceUrl, changeOrigin: false },
      ]),
    ),
  },
  build: {
    target: 'es2022',
    // Maps are written for whoever debugs a build, but not linked from the files: the server does not
    // serve them.
    sourcemap: 'hidden',
    chunkSizeWarningLimit: 600,
    // Everything the entry imports statically goes into the entry chunk itself, not into the 15 small
    // shared chunks the automatic split made of it: on a phone's network each extra request on the way to
    // the first paint costs a round trip among six connections (Lighthouse mobile, /sign-in: LCP 2.78 →
    // 2.32 s, Overview 3.84 → 3.20 s; the initial JS stays the same code, 153 KB gzip). The sign-in
    // page, where every signed-out visit starts, is one chunk with the inputs it uses, beside the few
    // pieces it shares with the Overview (3 scripts in all instead of 11; its score 92 → 95).
    rolldownOptions: isSsrBuild
      ? // The server's build is one file: the server imports it anew after each build (with a query that
        // names the build), and a chunk that imported it back without that query would get a second copy
        // of every module in it (React's contexts among them), which the page's own would not see.
        { output: { codeSplitting: false } }
      : {
          output: {
            codeSplitting: {
              groups: [
                { name: 'initial', tags: ['$initial'] },
                // The pieces the Overview (where everyone lands after signing in) shares with the sign-in
                // route: without this group they go into the sign-in chunk, which the Overview would then
                // load whole (build-plugins/route-preloads.ts fails the build if it does).
                {
                  name: 'shared',
                  test: /(@mantine\/core\/esm\/(components\/Paper\/|core\/utils\/(get-env|primitive)\/|core\/styles-api\/use-resolved-styles-api\/|components\/ScrollArea\/utils\/to-int)|@mantine\/hooks\/esm\/(utils\/shallow-equal|use-shallow-effect|use-timeout|use-mutation-observer|use-mounted|utils\/use-callback-ref)\/|query-core\/build\/modern\/mutationObserver|react-query\/build\/modern\/useMutation|src\/components\/use-stable-callback)/,
                },
                { name: 'sign-in', test: /src\/app\/routes\/sign-in/ },
                // The Overview, where everyone lands after signing in, is one chunk with what it uses beyond
                // the entry and 'shared' (2 scripts instead of 9, a round trip less on a phone's network:
                // Lighthouse mobile FCP about 0.25 s earlier). Other pages that share a piece of it (empty
                // states, progress bars, run links) load this chunk for it, usually from the cache.
                { name: 'overview', test: /src\/app\/routes\/overview/ },
                // What the dialects' adapters share (zod and the few modules of src/api they all use): one
                // chunk, preloaded with them, instead of four.
                {
                  name: 'zod',
                  test: /(node_modules\/zod\/|src\/api\/contract\/(zod|error-bodies)\.ts|src\/api\/(base-provider|schedule-words)\.ts)/,
                },
              ],
            },
          },
        },
  },
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'server/**/*.test.ts',
      'bench/**/*.test.ts',
      'build-plugins/**/*.test.ts',
      'tools/**/*.test.ts',
      'e2e/support/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Every core (Vitest's default leaves one idle): many tests wait on real HTTP, timers and scrypt.
    // On the 2-core machine: 319 s with two workers, idle, against 477 s with one (a CI run the day before).
    maxWorkers: availableParallelism(),
    // Each worker evaluates the modules the test files share (React, Mantine, the app's own) once, not
    // once per file: no test mocks a module, and each sets up what it uses (its own service, runtime and
    // query client). The whole suite on the 2-core machine, idle: 319 s isolated, 256 s without.
    isolate: false,
    // CI reads the JSON report to print one closing tally for unit and e2e tests together.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'reports/unit.json' },
  },
}));
