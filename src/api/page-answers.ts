import type { Query, QueryClient } from '@tanstack/react-query';
import { HELLO_WITHIN_MS, liveView, pageVisible, readAgain, readBookOf } from './live-watch';
import type { PageReads } from './queries-in-page';

/**
 * The answers a page the server rendered carries (the Overview) are seconds old by the time the browser
 * takes the page over on a phone, older than the queries' stale time, so each query would read its
 * answer again on mount: every answer of the page at once, most of them unchanged. Instead, the queries
 * whose answers came with the page do not read again on mount; once the stream is held (in this tab or
 * the one that holds it for the browser), the console server says which of the paths they read changed
 * since it began reading them (`GET /console/api/changes?since=`), and only the queries that read those
 * read again. Should the stream not be held in time, or that answer fail, every one of them reads again,
 * as it would have on mount.
 */

/** A change the server reports: a path of a connection whose answer changed. */
export interface PathChange {
  connection: string;
  path: string;
}

export interface PageAnswersOptions {
  /** The server's changes since `since` (ms) among the paths this session watches. */
  changesSince: (since: number) => Promise<PathChange[]>;
  /** How long the page's answers wait for the stream before they are read again anyway. */
  waitMs?: number;
  /** Whether the page is shown (a hidden tab marks what changed stale instead of reading it). */
  visible?: () => boolean;
}

/** How long the stream's own code may take to load and open it, on a slow phone. */
const STREAM_LOAD_MS = 5_000;

/**
 * How long the answers wait for the stream: beyond its own wait for `hello`, after which it says it
 * cannot be held (`fallback`) and they are read again anyway.
 */
export const PAGE_ANSWERS_WAIT_MS = STREAM_LOAD_MS + HELLO_WITHIN_MS;

/** The hashes of each client's queries whose answers came with the page and wait for the changes. */
const covered = new WeakMap<QueryClient, Set<string>>();

/**
 * Whether `query` is one whose answer came with the page and waits for the server's changes: it does
 * not read again on mount meanwhile (createQueryClient's `refetchOnMount`).
 */
export function waitsForPageChanges(client: QueryClient, query: Query): boolean {
  return covered.get(client)?.has(query.queryHash) ?? false;
}

/**
 * Takes the page's answers (already in `client`) as current until the server has said what changed
 * since `reads.readFrom`: notes what each query read, as if the browser had read it (the stream's
 * `change` then reaches them too), and waits for the stream.
 */
export function coverPageAnswers(client: QueryClient, reads: PageReads, options: PageAnswersOptions): void {
  const cache = client.getQueryCache();
  const book = readBookOf(client);
  const hashes = new Set<string>();
  for (const [hash, paths] of Object.entries(reads.reads)) {
    const query = cache.get(hash);
    if (!query || paths.length === 0) continue;
    for (const [connectionId, path] of paths) book.note(connectionId, path, query);
    hashes.add(hash);
  }
  if (hashes.size === 0) return;
  covered.set(client, hashes);
  const view = liveView(client);
  const visible = options.visible ?? pageVisible;

  let settled = false;
  const settle = (changes: PathChange[] | null) => {
    if (settled) return;
    settled = true;
    stop();
    clearTimeout(timer);
    covered.delete(client);
    if (changes === null) {
      // Nothing known of what changed: every answer the page carried is read again.
      readAgain(
        client,
        [...hashes].flatMap((hash) => cache.get(hash) ?? []),
        visible(),
      );
      return;
    }
    readAgain(
      client,
      changes.flatMap((c) => book.queriesReading(c.connection, c.path)),
      visible(),
    );
  };
  const onStream = () => {
    const { state } = view.getSnapshot();
    if (state === 'fallback') settle(null);
    if (state !== 'held') return;
    stop();
    clearTimeout(timer);
    options.changesSince(reads.readFrom).then(settle, () => settle(null));
  };
  const stop = view.subscribe(onStream);
  const timer = setTimeout(() => settle(null), options.waitMs ?? PAGE_ANSWERS_WAIT_MS);
  onStream();
}
