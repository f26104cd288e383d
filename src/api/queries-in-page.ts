import type { DehydratedState, QueryClient } from '@tanstack/react-query';
import { hydrate } from '@tanstack/react-query';
import type { ConnectionPath } from './live-watch';

/**
 * A page the console server rendered with a person's data (the Overview: src/server-render.tsx)
 * carries the answers it was rendered from, TanStack Query's dehydrated cache, as the text of
 * `<script type="application/json" id="page-queries">` (server/console-pages.ts), so that the
 * browser's first render starts from the same data and takes the page over as it is.
 */
export const PAGE_QUERIES_ID = 'page-queries';

/**
 * What the page says of its answers beside the cache itself, so that the browser can tell which of them
 * changed before it took the page over (page-answers.ts) instead of reading them all again.
 */
export interface PageReads {
  /** When the server began reading them (ms, by the server's clock, which `GET …/changes` compares with). */
  readFrom: number;
  /** What each query (by its hash) read: each connection and path, as the stream's `change` names them. */
  reads: Record<string, ConnectionPath[]>;
}

/** The text of the page's answers element: TanStack Query's dehydrated cache, and what it read. */
export type QueriesInPage = DehydratedState & Partial<PageReads>;

/** The answers a page carried, once in the client. */
export interface AdoptedAnswers {
  /** What they read and when, or null for a page that does not say. */
  reads: PageReads | null;
}

/**
 * Puts the answers the page carries into `client`; null when it carries none or text that is not such
 * a cache (then the page's queries ask for their data as on any page).
 */
export function adoptQueriesInPage(
  doc: Pick<Document, 'getElementById'>,
  client: QueryClient,
): AdoptedAnswers | null {
  const text = doc.getElementById(PAGE_QUERIES_ID)?.textContent;
  if (!text) return null;
  let state: QueriesInPage;
  try {
    state = JSON.parse(text) as QueriesInPage;
  } catch {
    return null;
  }
  if (!Array.isArray(state?.queries) || !Array.isArray(state.mutations)) return null;
  hydrate(client, state);
  return { reads: pageReadsOf(state) };
}

function pageReadsOf(state: QueriesInPage): PageReads | null {
  const { readFrom, reads } = state;
  if (typeof readFrom !== 'number' || !Number.isSafeInteger(readFrom) || readFrom < 0) return null;
  if (typeof reads !== 'object' || reads === null || Array.isArray(reads)) return null;
  const lists = Object.values(reads);
  const valid =
    lists.every(Array.isArray) &&
    lists.flat().every((p) => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'string'));
  return valid ? { readFrom, reads } : null;
}
