import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { CONSOLE_API_PATH, consoleCall } from './api/console-call';
import type { PathChange } from './api/page-answers';
import { coverPageAnswers } from './api/page-answers';
import { adoptQueriesInPage } from './api/queries-in-page';
import { startApi } from './api/start';
import { App } from './app/app';
import { queryClient } from './app/query-client';
import { routes } from './app/router';
import { afterFirstPaint } from './lib/after-first-paint';
import { warmDateFormats } from './lib/format';
import { keepFocus } from './lib/keep-focus';
import { whenReady } from './lib/ready-mark';

/** How long the first render waits for the config and the page's code before it shows the boot screen. */
const FIRST_RENDER_WAIT_MS = 1000;

const router = createBrowserRouter(routes);

/** Resolves once the router has loaded the code of the page the URL names (its lazy routes). */
function routerReady(): Promise<void> {
  if (router.state.initialized) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = router.subscribe((state) => {
      if (!state.initialized) return;
      stop();
      resolve();
    });
  });
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
/** The server rendered the page into the HTML (the sign-in page, the Overview: src/server-render.tsx). */
const serverRendered = root.hasChildNodes();
/**
 * The server rendered it with the person's data (the Overview), and the page carries the answers it
 * rendered from: the browser's first render starts from them.
 */
const adopted = serverRendered ? adoptQueriesInPage(document, queryClient) : null;
const withData = adopted !== null;
// They are not read again as the page is taken over; once the stream is held, what changed since the
// server read them is (src/api/page-answers.ts).
if (adopted?.reads)
  coverPageAnswers(queryClient, adopted.reads, {
    changesSince: async (since) => {
      const answer = (await consoleCall('GET', `${CONSOLE_API_PATH}/changes?since=${since}`)) as {
        changes?: PathChange[];
      };
      if (!Array.isArray(answer?.changes)) throw new Error('The changes came without their list.');
      return answer.changes;
    },
  });

const app = (
  <StrictMode>
    <App>
      <RouterProvider router={router} />
    </App>
  </StrictMode>
);

if (withData) {
  // The page shows the person's data already. The browser renders it afresh from the same answers
  // rather than hydrating the server's markup: its times are of the person's clock and time zone, which
  // the server's are not, and React keeps a server's attribute (a time in a tooltip) as it was. What it
  // renders looks the same, so it replaces the page in one commit once the config and the code are in,
  // however long they take (a boot screen meanwhile would hide data already on screen). A focus the
  // person moved in the server's markup moves to the same element of the new render (keepFocus).
  const restoreFocus = keepFocus(root);
  void Promise.allSettled([startApi(), routerReady()]).then(() => {
    const reactRoot = createRoot(root);
    startTransition(() => reactRoot.render(app));
    void whenReady().then(restoreFocus);
  });
} else if (serverRendered) {
  // The page shows already: React takes it over (hydrates it) once the config and the page's code are
  // in, however long they take, since a boot screen meanwhile would replace a page that works with one
  // that waits. A transition, for the same reason as below. Should the browser's render differ after
  // all (a notice only this tab knows of), React renders the page afresh, as if the server had not.
  void Promise.allSettled([startApi(), routerReady()]).then(() =>
    startTransition(() => {
      hydrateRoot(root, app, {
        onRecoverableError: (error) => console.info('The page was rendered again in the browser:', error),
      });
    }),
  );
} else {
  // The config (preloaded by the page) and the page's code (preloaded too) load side by side, and the
  // first render is the page itself: not a boot screen, then a loading page, then the page, each a
  // render and a layout of its own on the main thread before the first useful paint. If either takes
  // longer than a moment, the boot screen shows meanwhile as before (and a bad config its message).
  void Promise.race([
    Promise.allSettled([startApi(), routerReady()]),
    new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS)),
  ]).then(() => {
    // The first render is a transition: React renders it in slices of a few milliseconds and lets the
    // browser run between them, instead of one task that holds the main thread for the whole page (about
    // 65 ms here, a quarter of a second on a mid-range phone). Nothing is shown any later for it.
    const reactRoot = createRoot(root);
    startTransition(() => reactRoot.render(app));
  });
}

// Called here, as the entry runs, so that it counts from the browser's first frame on every page.
const firstFrame = afterFirstPaint();

// In a task of its own, not in the render of the first answers. A page the browser renders: after its
// first frame, which is usually the empty page while the code still loads, so before React's first
// render (moving it after that render measured slower on Lighthouse's phone preset: README, Benchmark);
// its HTML's warm-up script (server/page-scripts.ts) has loaded the locale's data already, so this
// costs next to nothing there.
// A page the server rendered (the sign-in page) shows no time and works from the HTML: after React has
// taken it over, so that the person's form does not wait for formatters only the next page needs.
void (serverRendered ? whenReady() : firstFrame).then(() => setTimeout(warmDateFormats, 0));
