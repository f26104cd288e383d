import type { Query, QueryClient } from '@tanstack/react-query';
import type { ConnectionStatus, LiveSnapshot, StreamState } from './live-watch';
import { connectionOfKey, HELLO_WITHIN_MS, liveView, pageVisible, readAgain, readBookOf } from './live-watch';

export * from './live-watch';

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

/** A stream silent for this many heartbeats is not held (a proxy holding events back). */
export const SILENT_HEARTBEATS = 3;
/** What the stream's `hello` says when it says nothing of its heartbeat. */
const DEFAULT_HEARTBEAT_MS = 5_000;
/** A stream the browser gave up on (an error status) is opened again after this, doubling up to a cap. */
const REOPEN_MS = 2_000;
const REOPEN_MAX_MS = 30_000;
const LOCK_NAME = 'backup-console.live-stream';
const CHANNEL_NAME = 'backup-console.live-stream';

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
    const readers = readBookOf(this.client).queriesReading(connectionId, path);
    readAgain(this.client, readers, this.visible());
  }

  /** The shown queries of the server-held connections, read once (a hidden tab marks them stale). */
  private catchUp(): void {
    const predicate = (query: Query) => this.heldQuery(query);
    if (this.visible()) void this.client.refetchQueries({ type: 'active', predicate });
    else void this.client.invalidateQueries({ predicate, refetchType: 'none' });
  }

  /** Whether the page is shown (the options' test, else the document's). */
  private visible(): boolean {
    return this.options?.visible?.() ?? pageVisible();
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
  if (!stream) {
    liveStreams.set(client, (stream = new LiveStream(client)));
    liveView(client).attach(stream);
  }
  return stream;
}
