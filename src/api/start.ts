import { configInPage } from './config-in-page';
import { loadRuntimeConfig, parseRuntimeConfig } from './connections';
import { withFirstReads } from './first-reads';
import type { FetchLike } from './http';
import { ApiRuntime, setApiRuntime } from './runtime';

let starting: Promise<ApiRuntime> | null = null;
let started: ApiRuntime | null = null;

/** The runtime once startApi() has resolved (null before): lets the first render skip the boot screen. */
export function startedApi(): ApiRuntime | null {
  return started;
}

/**
 * The API module of a page the server renders (src/server-render.tsx): `runtime` is built from the
 * server's config, with no session and a fetch that refuses (nothing is asked for while rendering).
 */
export function adoptApi(runtime: ApiRuntime): void {
  setApiRuntime(runtime);
  started = runtime;
  starting = Promise.resolve(runtime);
}

/**
 * Starts the API module in the browser once: reads the config the page carries (or loads
 * /config.json) and checks it, then builds the runtime
 * with the page's fetch, origin and this tab's sessionStorage (in console mode, also asks the console
 * server for this browser's session). A bad config rejects with a message
 * (ConnectionsConfigError) for the app to show instead of a blank page.
 */
export function startApi(): Promise<ApiRuntime> {
  starting ??= (async () => {
    // The Overview's page brings its first reads in one request (console mode; first-reads.ts).
    const fetchImpl: FetchLike = withFirstReads(
      (url, init) => window.fetch(url, init),
      document,
      window.location.origin,
    );
    const url = `${import.meta.env.BASE_URL}config.json`;
    // The config the server carried in the page, else config.json (Vite's dev server, an old page).
    const inPage = configInPage(document);
    const config =
      inPage === undefined ? await loadRuntimeConfig(fetchImpl, url) : parseRuntimeConfig(inPage, url);
    const runtime = new ApiRuntime({
      connections: config.connections,
      console: config.console,
      fetch: fetchImpl,
      origin: window.location.origin,
      storage: window.sessionStorage,
    });
    // Console mode: whether this browser's cookie is still a session (a reload, a new tab).
    if (runtime.consoleMode) await runtime.resumeConsoleSession();
    setApiRuntime(runtime);
    started = runtime;
    return runtime;
  })();
  starting.catch(() => {
    starting = null; // a retry may succeed once the file is fixed
  });
  return starting;
}
