import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import { POLL_FAST_MS, POLL_OPEN_MS } from '../lib/polling';
import { queryKeys } from './query-keys';

/**
 * The browser's side of the console server's push (docs/live-push.md, issue 15). In console mode the
 * server polls each connection it holds once for everyone and says what changed over one stream per
 * browser; this module
 * - names, on each GET a query function sends, how often the query shows it (`X-Console-Watch`), and
 *   notes which queries read which path, so that a `change` refetches exactly those;
 * - holds the stream in one tab (elected with the Web Locks API) and passes its events to the other
 *   tabs over a BroadcastChannel; every tab handles them;
 * - slows the polling of the server-held connections' queries to a safety net while the stream is
 *   held, and gives it back at once when it cannot be held (a proxy that buffers);
 * - keeps, per connection, the state and last successful poll the server reports, for the live
 *   indicator.
 * Connections each person signs in to are not polled by the server: none of this touches them.
 */

export type WatchPace = 'feed' | 'fast' | 'open' | 'idle';

/** While the stream is held, a server-held query polls this often: it renews the server's watch. */
export const PUSHED_POLL_MS = 30_000;
/** A stream that says `hello` no sooner than this after opening is not held. */
export const HELLO_WITHIN_MS = 5_000;
/** A stream silent for this many heartbeats is not held (a proxy holding events back). */
export const SILENT_HEARTBEATS = 3;
/** What the stream's `hello` says when it says nothing of its heartbeat. */
const DEFAULT_HEARTBEAT_MS = 5_000;
/** A stream the browser gave up on (an error status) is opened again after this, doubling up to a cap. */
const REOPEN_MS = 2_000;
const REOPEN_MAX_MS = 30_000;
const LOCK_NAME = 'backup-console.live-stream';
const CHANNEL_NAME = 'backup-console.live-stream';

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
 * `feed`; anything else by how often the liveliest of its observers polls when nothing is pushed;
 * null for a query nothing polls (no watch: the server would poll what nobody refreshes).
 */
export function watchPace(query: Query): WatchPace | null {
  if (query.queryKey[0] === queryKeys.runs.all()[0]) return 'feed';
  let fastest = 0;
  for (const observer of query.observers) {
    const ms = usualInterval(observer.options.refetchInterval as IntervalOption, query);
    if (ms > 0 && (fastest === 0 || ms < fastest)) fastest = ms;
  }
  if (fastest === 0) return null;
  return fastest <= POLL_FAST_MS ? 'fast' : fastest <= POLL_OPEN_MS ? 'open' : 'idle';
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
      if (from && Number.isFinite(ms)) liveStream(from.client).notePolled(connectionId, ms);
    },
  };
}

/** Which queries read which path of which connection (a query forgets its reads when it fetches again). */
class ReadBook {
  private readonly readers = new Map<string, Set<Query>>();
  private readonly reads = new Map<Query, Set<string>>();

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
    if (!reads) this.reads.set(query, (reads = new Set()));
    reads.add(at);
  }

  forget(query: Query): void {
    for (const at of this.reads.get(query) ?? []) {
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

function readBookOf(client: QueryClient): ReadBook {
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
    if (!usual || !liveStreams.get(client)?.pushes(connectionId)) return usual;
    return Math.max(usual, PUSHED_POLL_MS);
  };
  usualIntervals.set(wrapped, option);
  return wrapped;
}

// ---------------------------------------------------------------------------------------------------
// The stream

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

/** The least of an EventSource the stream uses (tests pass their own). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  onerror: ((event: Event) => void) | null;
  onopen: ((event: Event) => void) | null;
  close(): void;
}

/** The least of a BroadcastChannel the stream uses. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

type LocksLike = Pick<LockManager, 'request'>;

export interface LiveStreamOptions {
  /** The stream's URL (`/console/api/stream`). */
  url: string;
  /** Whether the server polls this connection (held with its own credentials, not per person). */
  serverHeld: (connectionId: string) => boolean;
  /** Called once when the server ends the session (`end`), with its words. */
  onEnd?: (message: string) => void;
  /** Called when the browser gives up the stream (an error status, such as a session that ended). */
  onRefused?: () => void;
  openEventSource?: (url: string) => EventSourceLike;
  /** Web Locks; null: every tab holds a stream of its own. */
  locks?: LocksLike | null;
  /** A BroadcastChannel to the other tabs; null: every tab holds a stream of its own. */
  openChannel?: (() => ChannelLike) | null;
  /** Whether this tab is shown (a hidden tab only marks what changed stale). */
  visible?: () => boolean;
}

type Message =
  | { kind: 'event'; type: string; data: unknown; to?: string }
  | { kind: 'lost' }
  | { kind: 'opened' }
  | { kind: 'sync'; from: string };

const EVENTS = ['hello', 'change', 'status', 'end'] as const;

function defaultOpen(url: string): EventSourceLike {
  return new EventSource(url);
}

function defaultLocks(): LocksLike | null {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}

function defaultChannel(): (() => ChannelLike) | null {
  return typeof BroadcastChannel === 'function' ? () => new BroadcastChannel(CHANNEL_NAME) : null;
}

function defaultVisible(): boolean {
  return typeof document === 'undefined' || document.visibilityState !== 'hidden';
}

function toStatus(raw: unknown): ConnectionStatus | null {
  const c = raw as Partial<Record<keyof ConnectionStatus, unknown>> | null;
  if (typeof c?.id !== 'string') return null;
  const state = c.state === 'failing' || c.state === 'idle' ? c.state : 'live';
  const polledAt = typeof c.polledAt === 'string' ? Date.parse(c.polledAt) : NaN;
  return {
    id: c.id,
    state,
    polledAt: Number.isFinite(polledAt) ? polledAt : null,
    message: typeof c.message === 'string' ? c.message : null,
  };
}

/**
 * The stream of one query client (one per tab). `start` after sign-in in console mode, `stop` at
 * sign-out; the live indicator reads `getSnapshot`.
 */
export class LiveStream {
  private options: LiveStreamOptions | null = null;
  private snapshot: LiveSnapshot = { state: 'off', connections: {} };
  private readonly listeners = new Set<() => void>();
  private readonly tab = Math.random().toString(36).slice(2);
  private source: EventSourceLike | null = null;
  private channel: ChannelLike | null = null;
  private releaseLock: (() => void) | null = null;
  private lockRequest: AbortController | null = null;
  private leader = false;
  private helloSeen = false;
  private heartbeatMs = DEFAULT_HEARTBEAT_MS;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private reopenTimer: ReturnType<typeof setTimeout> | undefined;
  private reopenMs = REOPEN_MS;
  /** The leader's last `hello` and `status`, for a tab that joins later. */
  private lastHello: unknown = null;
  private lastStatus: unknown = null;

  constructor(private readonly client: QueryClient) {}

  getSnapshot = (): LiveSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Whether a server-held connection's queries may poll slowly: the stream tells their changes. */
  pushes(connectionId: string): boolean {
    const { state } = this.snapshot;
    return (
      (state === 'held' || state === 'reconnecting') && (this.options?.serverHeld(connectionId) ?? false)
    );
  }

  start(options: LiveStreamOptions): void {
    if (this.options) return;
    this.options = options;
    this.helloSeen = false;
    this.setState('connecting');
    this.armWatchdog(HELLO_WITHIN_MS);
    const locks = options.locks === undefined ? defaultLocks() : options.locks;
    const openChannel = options.openChannel === undefined ? defaultChannel() : options.openChannel;
    if (!locks || !openChannel) {
      // No way to share one stream: this tab holds its own.
      this.lead();
      return;
    }
    const channel = openChannel();
    this.channel = channel;
    channel.onmessage = (event) => this.fromChannel(event.data as Message);
    const request = new AbortController();
    this.lockRequest = request;
    locks
      .request(LOCK_NAME, { signal: request.signal }, () => {
        if (this.channel !== channel) return undefined;
        this.lead();
        // Held until stop() (or the tab closes, which hands the stream to the next tab).
        return new Promise<void>((resolve) => (this.releaseLock = resolve));
      })
      .catch(() => undefined); // stop() while waiting for the lock
    // Another tab may already hold the stream: ask it for what it knows.
    channel.postMessage({ kind: 'sync', from: this.tab } satisfies Message);
  }

  stop(): void {
    if (!this.options) return;
    // First, while the options still say which queries are the server's: they poll as they would.
    this.setState('off');
    this.options = null;
    this.source?.close();
    this.source = null;
    this.channel?.close();
    this.channel = null;
    this.lockRequest?.abort();
    this.lockRequest = null;
    this.releaseLock?.();
    this.releaseLock = null;
    this.leader = false;
    clearTimeout(this.watchdog);
    clearTimeout(this.reopenTimer);
    this.lastHello = this.lastStatus = null;
    this.snapshot = { state: 'off', connections: {} };
    this.changed();
  }

  /** A server answer's `X-Console-Polled-At`: a connection's data is at least as recent. */
  notePolled(connectionId: string, at: number): void {
    const known = this.snapshot.connections[connectionId];
    if (!this.options || (known?.polledAt ?? 0) >= at) return;
    const next = known
      ? { ...known, polledAt: at }
      : { id: connectionId, state: 'live' as const, polledAt: at, message: null };
    this.snapshot = { ...this.snapshot, connections: { ...this.snapshot.connections, [connectionId]: next } };
    this.changed();
  }

  /** This tab holds the stream. */
  private lead(): void {
    this.leader = true;
    this.open();
  }

  private open(): void {
    const options = this.options;
    if (!options) return;
    const source = (options.openEventSource ?? defaultOpen)(options.url);
    this.source = source;
    for (const type of EVENTS)
      source.addEventListener(type, (event) => {
        if (this.source !== source) return;
        let data: unknown;
        try {
          data = JSON.parse(String(event.data));
        } catch {
          return; // not the server's
        }
        this.relay({ kind: 'event', type, data });
        this.handle(type, data);
      });
    source.onerror = () => {
      if (this.source !== source) return;
      this.relay({ kind: 'lost' });
      this.lost();
      // CLOSED: the browser gave up (an error status: the session may have ended, or the server is
      // restarting). The session is checked, and the stream opened again later.
      if (source.readyState === 2) {
        this.reopenLater(this.reopenMs);
        this.reopenMs = Math.min(this.reopenMs * 2, REOPEN_MAX_MS);
        this.options?.onRefused?.();
      }
    };
    this.relay({ kind: 'opened' });
    this.opened();
  }

  private reopenLater(ms: number): void {
    this.source?.close();
    this.source = null;
    clearTimeout(this.reopenTimer);
    this.reopenTimer = setTimeout(() => this.open(), ms);
  }

  private relay(message: Message): void {
    if (message.kind === 'event' && message.type === 'hello') this.lastHello = message.data;
    if (message.kind === 'event' && message.type === 'status') this.lastStatus = message.data;
    this.channel?.postMessage(message);
  }

  private fromChannel(message: Message): void {
    if (!this.options) return;
    switch (message.kind) {
      case 'sync':
        // A tab that just started: the stream's state as this leader knows it, to that tab alone.
        if (this.leader && this.lastHello && this.snapshot.state === 'held') {
          this.channel?.postMessage({ kind: 'event', type: 'hello', data: this.lastHello, to: message.from });
          if (this.lastStatus)
            this.channel?.postMessage({
              kind: 'event',
              type: 'status',
              data: this.lastStatus,
              to: message.from,
            });
        }
        return;
      case 'event':
        if (this.leader || (message.to !== undefined && message.to !== this.tab)) return;
        this.handle(message.type, message.data);
        return;
      case 'lost':
        if (!this.leader) this.lost();
        return;
      case 'opened':
        if (!this.leader) this.opened();
    }
  }

  /** A stream opened (here or in the leader): it is held once it says hello. */
  private opened(): void {
    if (this.snapshot.state !== 'held') this.armWatchdog(HELLO_WITHIN_MS);
  }

  /** The stream dropped; the browser opens it again. Queries keep the slow pace until the watchdog. */
  private lost(): void {
    const { state } = this.snapshot;
    if (state === 'held') this.setState('reconnecting');
    if (state === 'held' || state === 'connecting' || state === 'reconnecting')
      this.armWatchdog(HELLO_WITHIN_MS);
  }

  private handle(type: string, data: unknown): void {
    const options = this.options;
    if (!options) return;
    if (type === 'end') {
      const message = (data as { message?: unknown } | null)?.message;
      this.stop();
      options.onEnd?.(typeof message === 'string' ? message : 'Your console session has ended.');
      return;
    }
    this.armWatchdog(this.heartbeatMs * SILENT_HEARTBEATS);
    if (type === 'hello') {
      const hello = data as { heartbeatMs?: unknown; connections?: unknown } | null;
      if (typeof hello?.heartbeatMs === 'number' && hello.heartbeatMs > 0)
        this.heartbeatMs = hello.heartbeatMs;
      this.armWatchdog(this.heartbeatMs * SILENT_HEARTBEATS);
      this.reopenMs = REOPEN_MS;
      const again = this.helloSeen;
      this.helloSeen = true;
      this.takeStatus(hello?.connections, 'held');
      // A reconnect: what changed while the stream was away is read once.
      if (again) this.catchUp();
    } else if (type === 'status') {
      this.takeStatus((data as { connections?: unknown } | null)?.connections, this.snapshot.state);
    } else if (type === 'change') {
      const change = data as { connection?: unknown; path?: unknown } | null;
      if (typeof change?.connection === 'string' && typeof change.path === 'string')
        this.changedPath(change.connection, change.path);
    }
  }

  private takeStatus(raw: unknown, state: StreamState): void {
    const connections: Record<string, ConnectionStatus> = {};
    for (const c of Array.isArray(raw) ? raw : []) {
      const status = toStatus(c);
      if (!status) continue;
      // A poll time an answer's header told may be newer than the status's (between heartbeats).
      const known = this.snapshot.connections[status.id]?.polledAt ?? null;
      if (known !== null && (status.polledAt === null || known > status.polledAt)) status.polledAt = known;
      connections[status.id] = status;
    }
    const was = this.snapshot.state;
    this.snapshot = { state, connections };
    this.changed();
    if (was !== state) this.paceMoved();
  }

  private changedPath(connectionId: string, path: string): void {
    const refetchType = (this.options?.visible?.() ?? defaultVisible()) ? 'active' : 'none';
    const cache = this.client.getQueryCache();
    for (const query of readBookOf(this.client).queriesReading(connectionId, path)) {
      if (cache.get(query.queryHash) !== query) continue;
      void this.client.invalidateQueries({ queryKey: query.queryKey, exact: true, refetchType });
    }
  }

  /** The shown queries of the server-held connections, read once (a hidden tab marks them stale). */
  private catchUp(): void {
    const predicate = (query: Query) => this.heldQuery(query);
    if (this.options?.visible?.() ?? defaultVisible())
      void this.client.refetchQueries({ type: 'active', predicate });
    else void this.client.invalidateQueries({ predicate, refetchType: 'none' });
  }

  private heldQuery(query: Query): boolean {
    const connectionId = connectionOfKey(query.queryKey);
    return connectionId !== null && (this.options?.serverHeld(connectionId) ?? false);
  }

  /** No hello in time, or silence: the stream is not held, and the queries poll as they would. */
  private armWatchdog(ms: number): void {
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => {
      const was = this.snapshot.state;
      if (was === 'off') return;
      // Events held back (a buffering proxy) would arrive late and in bursts: this stream is given
      // up, and a new one tried a while later.
      if (this.leader && this.source) this.reopenLater(REOPEN_MAX_MS);
      if (was === 'fallback') return;
      this.setState('fallback');
      if (was === 'held' || was === 'reconnecting') this.catchUp();
    }, ms);
  }

  private setState(state: StreamState): void {
    if (this.snapshot.state === state) return;
    this.snapshot = { ...this.snapshot, state };
    this.changed();
    this.paceMoved();
  }

  /** The queries' observers work out their interval again (it depends on the stream's state). */
  private paceMoved(): void {
    for (const query of this.client.getQueryCache().getAll()) {
      if (!this.heldQuery(query)) continue;
      for (const observer of query.observers) observer.setOptions(observer.options);
    }
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

const liveStreams = new WeakMap<QueryClient, LiveStream>();

/** The stream of a query client (made on first use; it holds nothing until started). */
export function liveStream(client: QueryClient): LiveStream {
  let stream = liveStreams.get(client);
  if (!stream) liveStreams.set(client, (stream = new LiveStream(client)));
  return stream;
}
