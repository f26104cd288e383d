import type { QueryClient } from '@tanstack/react-query';
import { dehydrate, hashKey } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import type { StaticHandlerContext } from 'react-router';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { parseRuntimeConfig } from './api/connections';
import type { FetchLike } from './api/http';
import { readBookOf } from './api/live-watch';
import type { QueriesInPage } from './api/queries-in-page';
import { createQueryClient } from './api/query-client';
import { ApiRuntime } from './api/runtime';
import { adoptApi } from './api/start';
import { App } from './app/app';
import { routes } from './app/router';
import { documentTitle } from './components/document-title';
import { prefetchOverview } from './features/overview/queries';
import { signInWorksWithoutCode } from './features/session/sign-in-without-code';

/**
 * The pages the console server renders into the HTML it sends, for a visitor who is not signed in:
 * the page then shows as soon as the HTML and its stylesheets are in, before any script has loaded
 * (src/main.tsx hydrates it, unless the page works without its code: `RenderedPage.code`).
 */
export const SERVER_RENDERED_PATHS: readonly string[] = ['/sign-in'];

/**
 * The pages the console server renders with a signed-in person's data (`startSignedInPage`): the
 * Overview, the page a person lands on. Every other signed-in page renders in the browser alone.
 */
export const SIGNED_IN_RENDERED_PATHS: readonly string[] = ['/'];

/**
 * What the browser would show of a page at first: its markup, its title (set by an effect there), and
 * whether the page needs its code at all.
 */
export interface RenderedPage {
  markup: string;
  title: string;
  /**
   * False when the page works as the HTML it is: console mode's sign-in page, whose form the browser
   * sends to the console server itself (`POST /console/api/session/form`), which signs the person in
   * and sends them on, or back with why. Such a page is sent without the console's code; the page the
   * person goes on to loads it. True in vendor sign-in, whose form only the code can send, and where a
   * connection signs in each person with their own account (the step after the console's is the code's).
   */
  code: boolean;
}

const TITLES: Record<string, string> = { '/sign-in': 'Sign in', '/': 'Overview' };

const handler = createStaticHandler(routes);
/** The runtime built from the config last rendered with, and that config. */
let adopted: { config: unknown; runtime: ApiRuntime } | null = null;

/** Nothing is fetched while a page renders on the server: it shows what it shows without data. */
const noFetch = () => Promise.reject(new Error('The server does not fetch while it renders a page.'));

/** The page of a matched route as the browser's first render makes it, with the console's providers around it. */
function markupOf(context: StaticHandlerContext, client?: QueryClient): string {
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(
    <StrictMode>
      <App client={client}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </App>
    </StrictMode>,
  );
}

/**
 * The markup of `url`'s page (one of SERVER_RENDERED_PATHS) as the browser's first render makes it,
 * and its title,
 * with the runtime config the server carries in the page, or null when the page is not one the server
 * renders (a redirect, another path).
 */
export async function renderPage(url: URL, config: unknown): Promise<RenderedPage | null> {
  if (!SERVER_RENDERED_PATHS.includes(url.pathname)) return null;
  const context = await handler.query(new Request(url));
  if (context instanceof Response) return null;
  // The browser's runtime, as src/api/start.ts builds it, but signed out and with nothing stored.
  let runtime = adopted && adopted.config === config ? adopted.runtime : null;
  if (!runtime) {
    const parsed = parseRuntimeConfig(config);
    runtime = new ApiRuntime({
      connections: parsed.connections,
      console: parsed.console,
      fetch: noFetch,
      origin: url.origin,
      storage: null,
    });
    adopted = { config, runtime };
  }
  // Rendered at once (renderToString runs in one piece), so no other render sees this runtime meanwhile.
  adoptApi(runtime);
  const code = !signInWorksWithoutCode(runtime);
  return { markup: markupOf(context), title: documentTitle(TITLES[url.pathname]), code };
}

/** A page rendered with a person's data: its markup, and the answers it was rendered from. */
export interface SignedInPage {
  markup: string;
  /**
   * The query cache the page was rendered from, for the browser's first render to start from, with when
   * its reads began and what each query read (so that the browser asks only what changed since).
   */
  queries: QueriesInPage;
}

/**
 * A page with a person's data on its way: what is known once the person's session is (its title), and
 * its render, which waits for the page's reads. The console server sends the page's head, which asks
 * for its code, as soon as it has this, and the rest once the render is done, so that the browser
 * fetches the code while the server reads and renders (server/console-pages.ts).
 */
export interface SignedInRender {
  title: string;
  /**
   * Renders the page (the server calls it once the head is on its way): the page, or null when a read
   * failed or took longer than SIGNED_IN_READS_WAIT_MS: a page shown half from the server and half
   * loading would show the person less than the page that loads in the browser, which the server then
   * sends instead. Rejects if the render itself fails.
   */
  render: () => Promise<SignedInPage | null>;
}

/**
 * How long the render waits for its reads: a vendor slower than that (its answer not in the poller's
 * cache) does not hold the page back; the page comes without data and asks for it itself.
 */
export const SIGNED_IN_READS_WAIT_MS = 1000;

/**
 * Starts `url`'s page (one of SIGNED_IN_RENDERED_PATHS) for the person whose requests `fetch` answers:
 * the console server's own routes, in its process, with that person's cookie. The session is asked for
 * as the browser asks for it; once it is a good one, the page's render (`SignedInRender.render`) reads
 * every query the page's first render reads, through the connections' providers as the browser's would
 * (the rule check, the poller's cache and the watch at each read's pace are the server's routes').
 * Null, and the browser renders the page itself as before, when the page is not one of those, the
 * config is not console mode or has a connection each person signs in to (only the browser holds
 * those), or the session is not a good one.
 */
export async function startSignedInPage(
  url: URL,
  config: unknown,
  fetch: FetchLike,
): Promise<SignedInRender | null> {
  if (!SIGNED_IN_RENDERED_PATHS.includes(url.pathname)) return null;
  const parsed = parseRuntimeConfig(config);
  if (!parsed.console || parsed.connections.some((c) => c.personal)) return null;
  const context = await handler.query(new Request(url));
  if (context instanceof Response) return null;
  const runtime = new ApiRuntime({
    connections: parsed.connections,
    console: parsed.console,
    fetch,
    origin: url.origin,
    storage: null,
  });
  await runtime.resumeConsoleSession();
  const connections = runtime.connections.filter((c) => runtime.session.get(c.id));
  if (connections.length === 0) return null;
  return {
    title: documentTitle(TITLES[url.pathname]),
    render: () => renderWithData(context, runtime, connections),
  };
}

async function renderWithData(
  context: StaticHandlerContext,
  runtime: ApiRuntime,
  connections: ApiRuntime['connections'],
): Promise<SignedInPage | null> {
  const client = createQueryClient({ retry: false });
  // The API module's runtime is the process's, as in the browser: this person's while the queries start
  // (each takes its connection's provider at once, which keeps its runtime) and while the page renders
  // (in one piece); another person's render may adopt its own in between.
  adoptApi(runtime);
  // Before the first read leaves: whatever changes on the vendor from now on may not be in the answers.
  const readFrom = Date.now();
  const read = prefetchOverview(client, connections);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(resolve, SIGNED_IN_READS_WAIT_MS, null)));
  const answered = await Promise.race([read, late]).finally(() => clearTimeout(timer));
  if (!answered) return null;
  const pageQueries = new Set(answered.map(hashKey));
  adoptApi(runtime);
  const markup = markupOf(context, client);
  const state = dehydrate(client, { shouldDehydrateQuery: (q) => pageQueries.has(q.queryHash) });
  const book = readBookOf(client);
  const cache = client.getQueryCache();
  const reads = Object.fromEntries(
    state.queries.map((q) => [q.queryHash, book.readsOf(cache.get(q.queryHash)!)]),
  );
  const page = { markup, queries: { ...state, readFrom, reads } };
  client.clear();
  return page;
}
