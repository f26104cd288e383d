import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import { POLL_FAST_MS, POLL_OPEN_MS } from '../lib/polling';
import { queryKeys } from './query-keys';

/**
 * What every page needs of the console server's push (docs/live-push.md, issue 15) from the first
 * paint on: which query a request serves and the pace it names (`X-Console-Watch`), which queries read
 * which path, the observers' intervals while the stream is held, and a view of the stream's state for
 * the live indicator. The stream itself (`live-stream.ts`: EventSource, Web Locks, BroadcastChannel)
 * is loaded only in console mode after sign-in, and attaches itself to that view.
 */

export type WatchPace = 'feed' | 'fast' | 'open' | 'idle' | 'keep';

/**
 * A stream that says `hello` no sooner than this after opening is not held (live-stream.ts). Here, in
 * the code every page loads, because the page's answers wait for the stream a while beyond it.
 */
export const HELLO_WITHIN_MS = 5_000;

/** While the stream is held, a server-held query polls this often: it renews the server's watch. */
export const PUSHED_POLL_MS = 30_000;

const ROOTS: ReadonlySet<unknown> = new Set(Object.values(queryKeys).map((r) => r.all()[0]));

/** The connection a key of the console's resources belongs to (`[root, connectionId, …]`), or null. */
export function connectionOfKey(queryKey: QueryKey): string | null {
  return ROOTS.has(queryKey[0]) && typeof queryKey[1] === 'string' ? queryKey[1] : null;
}

// ---------------------------------------------------------------------------------------------------
// Which query a request comes from, and the pace it names

type IntervalValue = number | false | undefined;
type IntervalOption = IntervalValue | ((query: Query) => IntervalValue);

/** The query behind each running query function's signal (readOptions notes it). */
const querySignals = new WeakMap<AbortSignal, { query: Query; client: QueryClient }>();

/**
 * Notes that a query function runs with `signal`, so that the requests it sends can say which query
 * they serve. A new fetch of a query starts its reads afresh: what it read last time may have moved.
 */
export function noteQueryFetch(ctx: { signal: AbortSignal; client: QueryClient; queryKey?: QueryKey }): void {
  if (!ctx.queryKey || !ctx.client) return;
  const query = ctx.client.getQueryCache().find({ queryKey: ctx.queryKey, exact: true });
  if (!query || querySignals.get(ctx.signal)?.query === query) return;
  querySignals.set(ctx.signal, { query, client: ctx.client });
  readBookOf(ctx.client).forget(query);
}

/**
 * Notes that the query fetching with `signal` used `used`'s answer: a directory it names its own
 * answer's ids from (the agents, the organizations). It reads again when what `used` read changes, as
 * it would if it had read those paths itself: a renamed machine shows its new name when the change is
 * told, not at the list's next poll.
 */
export function noteQueryUses(signal: AbortSignal, used: Query): void {
  const from = querySignals.get(signal);
  // An aborted fetch's reads are not the query's any more (it fetches again, or is gone).
  if (!from || from.query === used || signal.aborted) return;
  const book = readBookOf(from.client);
  for (const [connectionId, path] of book.readsOf(used)) book.note(connectionId, path, from.query);
}

/** The interval an observer would poll at without the stream (the wrapper keeps the page's own). */
const usualIntervals = new WeakMap<(query: Query) => IntervalValue, IntervalOption>();

function resolveInterval(option: IntervalOption, query: Query): number {
  const value = typeof option === 'function' ? option(query) : option;
  return typeof value === 'number' && value > 0 && Number.isFinite(value) ? value : 0;
}

function usualInterval(option: IntervalOption, query: Query): number {
  const usual = typeof option === 'function' ? usualIntervals.get(option) : undefined;
  return resolveInterval(usual ?? option, query);
}

/**
 * The pace a query shows its data at, as the server reads `X-Console-Watch`: the run feeds are
 * `feed`; a query read for another one (no observer of its own) `keep`; anything else by how often
 * the liveliest of its observers polls when nothing is pushed; null for a query its observers never
 * poll (no watch: the server would poll what nobody refreshes).
 */
export function watchPace(query: Query): WatchPace | null {
  if (query.queryKey[0] === queryKeys.runs.all()[0]) return 'feed';
  if (query.observers.length === 0) {
    // Read ahead of the page that shows it (the server's render of the Overview, whose answers the
    // browser does not read again as it takes the page over): at the pace its options name.
    if (query.meta?.[READ_AHEAD] === true)
      return paceOf(
        usualInterval((query.options as { refetchInterval?: IntervalOption }).refetchInterval, query),
      );
    // No observer: a directory an adapter reads for another query (the job names a feed's sessions
    // show). The server reads it again once a minute within its budget and answers it from its cache.
    return 'keep';
  }
  let fastest = 0;
  for (const observer of query.observers) {
    const ms = usualInterval(observer.options.refetchInterval as IntervalOption, query);
    if (ms > 0 && (fastest === 0 || ms < fastest)) fastest = ms;
  }
  return paceOf(fastest);
}

/** The `meta` key of a query read ahead of the page that will show it (`{ [READ_AHEAD]: true }`). */
export const READ_AHEAD = 'readAhead';

function paceOf(intervalMs: number): WatchPace | null {
  if (intervalMs === 0) return null;
  return intervalMs <= POLL_FAST_MS ? 'fast' : intervalMs <= POLL_OPEN_MS ? 'open' : 'idle';
}

/** What HttpClient asks of a server-held connection's GETs (HttpClientOptions.watch). */
export interface WatchHook {
  /** The value of `X-Console-Watch` for a GET to `url` sent with `signal`, or null for none. */
  pace(signal: AbortSignal, url: string): WatchPace | null;
  /** The answer's `X-Console-Polled-At`: when the server last read that path from the vendor. */
  polledAt(signal: AbortSignal, at: string): void;
}

/**
 * The hook of one connection the console server holds: `basePath` is the connection's forwarding root
 * (`/console/api/connections/{id}`), below which the server names the paths it watches.
 */
export function watchHook(connectionId: string, basePath: () => string | null): WatchHook {
  return {
    pace(signal, url) {
      const from = querySignals.get(signal);
      const base = basePath();
      if (!from || base === null) return null;
      const sent = new URL(url);
      const root = new URL(base, sent).pathname.replace(/\/+$/, '');
      if (sent.pathname.startsWith(`${root}/`)) {
        // The path exactly as the server will read it: below the root, with the query string sent.
        readBookOf(from.client).note(
          connectionId,
          sent.pathname.slice(root.length) + sent.search,
          from.query,
        );
      }
      return watchPace(from.query);
    },
    polledAt(signal, at) {
      const from = querySignals.get(signal);
      const ms = Date.parse(at);
      if (from && Number.isFinite(ms)) liveView(from.client).notePolled(connectionId, ms);
    },
  };
}

/** Whether the page is shown: a hidden tab marks what changed stale instead of reading it. */
export function pageVisible(): boolean {
  return typeof document === 'undefined' || document.visibilityState !== 'hidden';
}

/**
 * `queries` of `client` read again because something they read changed: fetched now in a shown tab,
 * only marked stale in a hidden one; a query no longer in the cache is left alone.
 */
export function readAgain(client: QueryClient, queries: Iterable<Query>, visible: boolean): void {
  const refetchType = visible ? 'active' : 'none';
  const cache = client.getQueryCache();
  // A directory read for other queries (no observer of its own) first: it is marked stale before the
  // queries that use it fetch again and ask for it (noteQueryUses).
  const ordered = [...new Set(queries)].sort(
    (a, b) => Number(a.observers.length > 0) - Number(b.observers.length > 0),
  );
  for (const query of ordered) {
    if (cache.get(query.queryHash) !== query) continue;
    void client.invalidateQueries({ queryKey: query.queryKey, exact: true, refetchType });
  }
}

/** A path of a connection as the server names it (below the connection's root, with its query string). */
export type ConnectionPath = [connectionId: string, path: string];

/** Which queries read which path of which connection (a query forgets its reads when it fetches again). */
export class ReadBook {
  private readonly readers = new Map<string, Set<Query>>();
  private readonly reads = new Map<Query, Map<string, ConnectionPath>>();

  constructor(client: QueryClient) {
    client.getQueryCache().subscribe((event) => {
      if (event.type === 'removed') this.forget(event.query as Query);
    });
  }

  note(connectionId: string, path: string, query: Query): void {
    const at = `${connectionId} ${path}`;
    let readers = this.readers.get(at);
    if (!readers) this.readers.set(at, (readers = new Set()));
    readers.add(query);
    let reads = this.reads.get(query);
    if (!reads) this.reads.set(query, (reads = new Map<string, ConnectionPath>()));
    reads.set(at, [connectionId, path]);
  }

  /** What `query` read since its last fetch began: each connection and path. */
  readsOf(query: Query): ConnectionPath[] {
    return [...(this.reads.get(query)?.values() ?? [])];
  }

  forget(query: Query): void {
    for (const at of this.reads.get(query)?.keys() ?? []) {
      const readers = this.readers.get(at);
      readers?.delete(query);
      if (readers?.size === 0) this.readers.delete(at);
    }
    this.reads.delete(query);
  }

  queriesReading(connectionId: string, path: string): Query[] {
    return [...(this.readers.get(`${connectionId} ${path}`) ?? [])];
  }
}

const readBooks = new WeakMap<QueryClient, ReadBook>();

export function readBookOf(client: QueryClient): ReadBook {
  let book = readBooks.get(client);
  if (!book) readBooks.set(client, (book = new ReadBook(client)));
  return book;
}

// ---------------------------------------------------------------------------------------------------
// Polling while pushed

/**
 * An observer's refetchInterval as createQueryClient gives it: the page's own, except that a
 * server-held connection's query polls only every PUSHED_POLL_MS while the stream is held. Anything
 * else (per-person connections, console admin queries, the browser signing in to each vendor) keeps
 * its own exactly.
 */
export function pushedInterval(
  client: QueryClient,
  queryKey: QueryKey,
  option: IntervalOption,
): IntervalOption {
  if (typeof option === 'function' && usualIntervals.has(option)) return option; // wrapped once
  const connectionId = connectionOfKey(queryKey);
  if (connectionId === null || !option) return option;
  const wrapped = (query: Query): IntervalValue => {
    const usual = typeof option === 'function' ? option(query) : option;
    if (!usual || !liveView(client).pushes(connectionId)) return usual;
    return Math.max(usual, PUSHED_POLL_MS);
  };
  usualIntervals.set(wrapped, option);
  return wrapped;
}

// ---------------------------------------------------------------------------------------------------
// The stream's state, as the pages read it

/** What the stream says of a connection (`status`, `hello`). */
export interface ConnectionStatus {
  id: string;
  state: 'live' | 'failing' | 'idle';
  /** The last successful poll (ms), or null. */
  polledAt: number | null;
  message: string | null;
}

/**
 * `off`: no stream (signed out, not console mode). `connecting`: opened, no `hello` yet.
 * `held`: events arrive. `reconnecting`: lost, the browser is opening it again (queries still poll
 * slowly for up to HELLO_WITHIN_MS). `fallback`: it cannot be held; queries poll at their own pace.
 */
export type StreamState = 'off' | 'connecting' | 'held' | 'reconnecting' | 'fallback';

export interface LiveSnapshot {
  state: StreamState;
  connections: Readonly<Record<string, ConnectionStatus>>;
}

/** What the pages ask of a tab's stream (live-stream.ts's LiveStream), before and after it loads. */
export interface LiveView {
  /** Whether a server-held connection's queries may poll slowly: the stream tells their changes. */
  pushes(connectionId: string): boolean;
  /** A server answer's `X-Console-Polled-At`: a connection's data is at least as recent. */
  notePolled(connectionId: string, at: number): void;
  getSnapshot(): LiveSnapshot;
  subscribe(listener: () => void): () => void;
}

const OFF: LiveSnapshot = { state: 'off', connections: {} };

/** A query client's view of its stream: off until the stream (loaded later) attaches itself. */
class LiveViewSlot implements LiveView {
  private stream: LiveView | null = null;
  private readonly listeners = new Set<() => void>();

  attach(stream: LiveView): void {
    if (this.stream === stream) return;
    this.stream = stream;
    stream.subscribe(() => this.emit());
    this.emit();
  }

  pushes(connectionId: string): boolean {
    return this.stream?.pushes(connectionId) ?? false;
  }

  notePolled(connectionId: string, at: number): void {
    this.stream?.notePolled(connectionId, at);
  }

  getSnapshot = (): LiveSnapshot => this.stream?.getSnapshot() ?? OFF;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

const views = new WeakMap<QueryClient, LiveViewSlot>();

/** The view of a query client's stream (made on first use; off until the stream attaches). */
export function liveView(client: QueryClient): LiveViewSlot {
  let view = views.get(client);
  if (!view) views.set(client, (view = new LiveViewSlot()));
  return view;
}
