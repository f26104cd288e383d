import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { parseRuntimeConfig } from './api/connections';
import { ApiRuntime } from './api/runtime';
import { adoptApi } from './api/start';
import { App } from './app/app';
import { routes } from './app/router';
import { documentTitle } from './components/document-title';
import { signInWorksWithoutCode } from './features/session/sign-in-without-code';

/**
 * The pages the console server renders into the HTML it sends, for a visitor who is not signed in:
 * the page then shows as soon as the HTML and its stylesheets are in, before any script has loaded
 * (src/main.tsx hydrates it, unless the page works without its code: `RenderedPage.code`). Signed-in
 * pages render in the browser alone: what they show is the person's and changes by the second.
 */
export const SERVER_RENDERED_PATHS: readonly string[] = ['/sign-in'];

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

const TITLES: Record<string, string> = { '/sign-in': 'Sign in' };

const handler = createStaticHandler(routes);
/** The runtime built from the config last rendered with, and that config. */
let adopted: { config: unknown; runtime: ApiRuntime } | null = null;

/** Nothing is fetched while a page renders on the server: it shows what it shows without data. */
const noFetch = () => Promise.reject(new Error('The server does not fetch while it renders a page.'));

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
  const router = createStaticRouter(handler.dataRoutes, context);
  const code = !signInWorksWithoutCode(runtime);
  const markup = renderToString(
    <StrictMode>
      <App>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </App>
    </StrictMode>,
  );
  return { markup, title: documentTitle(TITLES[url.pathname]), code };
}
