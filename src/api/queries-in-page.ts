import type { DehydratedState, QueryClient } from '@tanstack/react-query';
import { hydrate } from '@tanstack/react-query';

/**
 * A page the console server rendered with a person's data (the Overview: src/server-render.tsx)
 * carries the answers it was rendered from, TanStack Query's dehydrated cache, as the text of
 * `<script type="application/json" id="page-queries">` (server/console-pages.ts), so that the
 * browser's first render starts from the same data and takes the page over as it is.
 */
export const PAGE_QUERIES_ID = 'page-queries';

/**
 * Puts the answers the page carries into `client`; false when it carries none or text that is not such
 * a cache (then the page's queries ask for their data as on any page).
 */
export function adoptQueriesInPage(doc: Pick<Document, 'getElementById'>, client: QueryClient): boolean {
  const text = doc.getElementById(PAGE_QUERIES_ID)?.textContent;
  if (!text) return false;
  let state: DehydratedState;
  try {
    state = JSON.parse(text) as DehydratedState;
  } catch {
    return false;
  }
  if (!Array.isArray(state?.queries) || !Array.isArray(state.mutations)) return false;
  hydrate(client, state);
  return true;
}
