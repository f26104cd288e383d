import type { Role } from '../../src/api/contract/roles';
import type { HeldConnection } from './forward';
import { forward, nameInList } from './forward';
import { checkRule } from './rules';

/**
 * One poll per connection for everyone, pushed to every open console (issue 15, docs/live-push.md).
 *
 * Browsers say what they show: a forwarded GET with `X-Console-Watch: <pace>` makes its path a watch
 * of the person's session. For each connection the server holds with its own credentials, one
 * poller asks the vendor for the watched paths — one request at a time, at most `perSecond` a second,
 * the most overdue first — and keeps the last answer to each. A changed answer is told to the streams
 * of the sessions that watch it (`change`); the browsers then read it again, from this cache. A path
 * nobody watches any more is forgotten, and a connection nobody watches is not polled.
 */
/**
 * `keep`: a directory a page reads for another one (the job names a feed's sessions show). The
 * poller reads it again once a minute, within its budget, so that the browsers' reads of it are
 * always answered from the cache: a read that went to the vendor would fall outside the budget, and
 * with many consoles open one would, every minute.
 */
export type Pace = 'feed' | 'fast' | 'open' | 'idle' | 'keep';
export const PACES: readonly Pace[] = ['feed', 'fast', 'open', 'idle', 'keep'];

/** How often a path is read at each pace: the run feeds every second, as fast as the budget allows. */
export const PACE_MS: Record<Pace, number> = {
  feed: 1_000,
  fast: 1_250,
  open: 5_000,
  idle: 20_000,
  keep: 60_000,
};
/** A watch lasts this long after the GET that renewed it (browsers renew theirs every 30 s). */
export const WATCH_TTL_MS = 90_000;
/** After a session's last stream closes, its watches end this much later unless renewed (a reconnect). */
export const STREAM_GRACE_MS = 15_000;
/** The stream's heartbeat: a `status` event to every stream. */
export const HEARTBEAT_MS = 5_000;
/** After a failed poll, the connection is asked again no sooner than this. */
export const FAILED_RETRY_MS = 2_000;

/** The pace a browser names in `X-Console-Watch`, or null for none or another word. */
export function paceOf(header: string | undefined | null): Pace | null {
  const word = header?.trim().toLowerCase();
  return PACES.includes(word as Pace) ? (word as Pace) : null;
}

/** The vendor's answer to a path, as kept. */
export interface Polled {
  status: number;
  contentType: string | null;
  body: Uint8Array;
  /** When the request that got this answer was sent (ms): a command sent after it makes it stale. */
  polledAt: number;
}

interface Watch {
  pace: Pace;
  until: number;
}

/** A request for one path on its way to the vendor, which later reads of that path wait for. */
interface Pending {
  /** When it was sent (ms). */
  sentAt: number;
  answer: Promise<Polled | null>;
}

interface Entry {
  path: string;
  watchers: Map<string, Watch>;
  answer: Polled | null;
  version: number;
  /**
   * When (ms) its answer last changed from one it had before, or 0: a first answer is news to nobody, as
   * whoever watches the path read it (changedSince()).
   */
  changedAt: number;
  /** When the path was last asked of the vendor (by the poller or a browser), successful or not. */
  triedAt: number;
  /** Set by a command through the connection: read again first, and not answered from the cache. */
  stale: boolean;
}

export type ConnectionState = 'live' | 'failing' | 'idle';

export interface ConnectionStatus {
  id: string;
  state: ConnectionState;
  /** The last successful poll (ISO 8601), or null. */
  polledAt: string | null;
  message: string | null;
}

/** One open stream: a person's tab (or the one tab that holds the stream for a browser). */
export interface StreamSink {
  sessionId: string;
  /** The person's role now: read again at each heartbeat, so a change of role reaches the stream. */
  role: Role;
  send(event: string, data: unknown): void;
  close(): void;
}

/** The role a session holds now, or null when the session ended (with the words why). */
export type SessionLookup = (sessionId: string) => { role: Role } | { ended: string };

/**
 * A polled answer is given from the cache up to this old whatever its pace: with many paths watched on
 * one connection, the budget spaces each path's polls further apart than its pace, and a browser's
 * read sent to the vendor then would only add to what the budget keeps it from.
 */
const MAX_AGE_MS = 30_000;

/** Answers this old or older are not given from the cache (a poller stalled by a failing vendor). */
const maxAge = (paceMs: number) => Math.max(4 * paceMs, MAX_AGE_MS);

/** The poller's times; tests shorten them. */
export interface PollTimes {
  /** The most requests a second to one connection. */
  perSecond: number;
  paceMs: Record<Pace, number>;
  watchTtlMs: number;
  streamGraceMs: number;
  heartbeatMs: number;
  failedRetryMs: number;
}

export const POLL_TIMES: PollTimes = {
  perSecond: 1,
  paceMs: PACE_MS,
  watchTtlMs: WATCH_TTL_MS,
  streamGraceMs: STREAM_GRACE_MS,
  heartbeatMs: HEARTBEAT_MS,
  failedRetryMs: FAILED_RETRY_MS,
};

/** Statuses worth keeping as the path's answer: the vendor said something about the path itself. */
const KEPT = (status: number) =>
  (status >= 200 && status < 300) ||
  (status >= 400 && status < 500 && ![401, 403, 408, 429].includes(status));

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;
}

const fastestOf = (watchers: Map<string, Watch>): Pace => {
  let best: Pace = 'keep';
  for (const w of watchers.values()) if (PACES.indexOf(w.pace) < PACES.indexOf(best)) best = w.pace;
  return best;
};

class ConnectionPoller {
  readonly entries = new Map<string, Entry>();
  state: ConnectionState = 'idle';
  message: string | null = null;
  /** The last successful poll (ms), or 0. */
  polledAt = 0;
  /**
   * The path of the vendor's API root (`/v5`, `/dfw/v1.0/110011`), as forward() last opened the
   * connection for a watched read (a `change`'s rule check needs it).
   */
  rootPath: string | null = null;
  private commandAt = 0;
  /** The vendor requests in flight, by path: the poller's own and the browsers' that missed the cache. */
  private readonly pending = new Map<string, Pending>();
  private lastRequestAt = 0;
  private failedAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private inFlight = false;
  private stopped = false;

  constructor(
    readonly connection: HeldConnection,
    private readonly hub: SharedPolls,
  ) {}

  /** The session shows `path` at `pace`: keeps watching it for WATCH_TTL_MS. */
  watch(sessionId: string, path: string, pace: Pace, now: number): void {
    let entry = this.entries.get(path);
    if (!entry) {
      entry = { path, watchers: new Map(), answer: null, version: 0, changedAt: 0, triedAt: 0, stale: false };
      this.entries.set(path, entry);
    }
    entry.watchers.set(sessionId, { pace, until: now + this.hub.times.watchTtlMs });
    this.schedule();
  }

  /** The session's watches end at `until` (its last stream closed) unless renewed before. */
  release(sessionId: string, until: number): void {
    for (const entry of this.entries.values()) {
      const w = entry.watchers.get(sessionId);
      if (w) w.until = Math.min(w.until, until);
    }
  }

  /** The cached answer to `path` if it may be given instead of asking the vendor. */
  cached(path: string, now: number): Polled | null {
    const entry = this.entries.get(path);
    const answer = entry?.answer;
    if (!entry || !answer || entry.stale || entry.watchers.size === 0) return null;
    if (answer.polledAt <= this.commandAt) return null;
    return now - answer.polledAt < maxAge(this.hub.times.paceMs[fastestOf(entry.watchers)]) ? answer : null;
  }

  /**
   * The answer of a request for `path` already on its way to the vendor, sent after the last command
   * (so as fresh as one sent now would be), or null when there is none: N browsers that miss the
   * cache at once cost the vendor one request, not N. Null also when that request failed.
   */
  async joined(path: string): Promise<Polled | null> {
    const pending = this.pending.get(path);
    if (!pending || pending.sentAt <= this.commandAt) return null;
    const answer = await pending.answer;
    return answer && KEPT(answer.status) ? answer : null;
  }

  /**
   * A request for `path` leaves for the vendor at `sentAt`: later misses of that path wait for it
   * (joined()). The function returned gives its answer, or null when there is none; only its first
   * call counts, so a `finally` may call it again.
   */
  begin(path: string, sentAt: number): (answer: Polled | null) => void {
    let settle!: (answer: Polled | null) => void;
    const pending: Pending = { sentAt, answer: new Promise((resolve) => (settle = resolve)) };
    this.pending.set(path, pending);
    let settled = false;
    return (answer) => {
      if (settled) return;
      settled = true;
      if (this.pending.get(path) === pending) this.pending.delete(path);
      settle(answer);
    };
  }

  /**
   * The name of the object `id` names, from the lists kept (stale ones too: a name seldom changes),
   * or null: for the audit row of a command whose answer does not name its target.
   */
  nameOf(id: string): string | null {
    for (const entry of this.entries.values()) {
      const kept = entry.answer;
      const name = kept ? nameInList(kept.body, kept.contentType, id) : null;
      if (name) return name;
    }
    return null;
  }

  /** A command went through the connection: every answer kept may be out of date. */
  noteCommand(now: number): void {
    this.commandAt = now;
    for (const entry of this.entries.values()) entry.stale = true;
    this.schedule();
  }

  /**
   * The vendor's answer to a watched path, from the poller or from a browser's request that was not
   * answered from the cache: kept, and told to the watchers when it changed.
   */
  record(path: string, answer: Polled, from: 'poll' | 'browser'): void {
    const entry = this.entries.get(path);
    if (!entry) return;
    entry.triedAt = Math.max(entry.triedAt, answer.polledAt);
    if (!KEPT(answer.status)) return;
    // An answer older than the one kept (a slow request overtaken) changes nothing.
    if (entry.answer && entry.answer.polledAt > answer.polledAt) return;
    if (answer.polledAt > this.commandAt) entry.stale = false;
    const first = entry.answer === null;
    const changed =
      first || entry.answer!.status !== answer.status || !sameBytes(entry.answer!.body, answer.body);
    entry.answer = answer;
    this.noteSuccess(answer.polledAt);
    if (!changed) return;
    entry.version += 1;
    if (!first) entry.changedAt = Date.now();
    // The first answer a browser fetched itself is news to nobody: the watch is that browser's.
    if (!first || from === 'poll') this.hub.tell(this, entry);
  }

  private noteSuccess(at: number): void {
    this.polledAt = Math.max(this.polledAt, at);
    if (this.state !== 'live') {
      this.state = 'live';
      this.message = null;
      this.hub.statusMoved();
    }
  }

  private noteFailure(message: string): void {
    this.failedAt = Date.now();
    if (this.state !== 'failing' || this.message !== message) {
      this.state = 'failing';
      this.message = message;
      this.hub.statusMoved();
    }
  }

  /** Drops watches past their time and paths nobody watches; the next path due, or null. */
  private nextDue(now: number): { entry: Entry; at: number } | null {
    let next: { entry: Entry; at: number } | null = null;
    for (const [path, entry] of this.entries) {
      for (const [session, w] of entry.watchers) if (w.until <= now) entry.watchers.delete(session);
      if (entry.watchers.size === 0) {
        this.entries.delete(path);
        continue;
      }
      // A browser's read of the path on its way to the vendor counts as this poll.
      const sentAt = this.pending.get(path)?.sentAt ?? 0;
      const stale = entry.stale && sentAt <= this.commandAt;
      const pace = fastestOf(entry.watchers);
      const at = stale ? 0 : Math.max(entry.triedAt, sentAt) + this.hub.times.paceMs[pace];
      if (!next || at < next.at) next = { entry, at };
    }
    return next;
  }

  schedule(): void {
    if (this.stopped || this.inFlight) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const now = Date.now();
    const next = this.nextDue(now);
    if (!next) {
      if (this.state !== 'idle') {
        this.state = 'idle';
        this.message = null;
        this.hub.statusMoved();
      }
      return;
    }
    const budget = this.lastRequestAt + 1000 / this.hub.times.perSecond;
    const retry = this.state === 'failing' ? this.failedAt + this.hub.times.failedRetryMs : 0;
    const at = Math.max(next.at, budget, retry);
    // A watch that ends before then is dropped at that time, so the earliest of the two wakes us.
    this.timer = setTimeout(() => void this.poll(), Math.max(0, at - now));
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    this.timer = undefined;
    const now = Date.now();
    const next = this.nextDue(now);
    if (!next || this.stopped) return this.schedule();
    if (next.at > now) return this.schedule();
    this.inFlight = true;
    this.lastRequestAt = now;
    const { entry } = next;
    const settle = this.begin(entry.path, now);
    try {
      // The server's own read, as any role that may read would send it: no person is behind it.
      const done = await forward(
        this.connection,
        'admin',
        { method: 'GET', rest: entry.path },
        this.hub.fetch,
      );
      if (done.kind === 'answered') {
        this.rootPath = done.rootPath;
        const body = new Uint8Array(await done.response.arrayBuffer());
        const status = done.response.status;
        if (status >= 500) this.noteFailure(`The vendor answered ${status} to a poll.`);
        const answer: Polled = {
          status,
          contentType: done.response.headers.get('content-type'),
          body,
          polledAt: now,
        };
        this.record(entry.path, answer, 'poll');
        settle(answer);
      } else {
        entry.triedAt = now;
        this.noteFailure(done.message);
      }
    } catch (err) {
      entry.triedAt = now;
      // forward() answers a failed sign-in itself: this is reading the vendor's answer gone wrong.
      this.noteFailure(`The poll failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      settle(null);
      this.inFlight = false;
      this.schedule();
    }
  }

  status(): ConnectionStatus {
    const polledAt = this.polledAt > 0 ? new Date(this.polledAt).toISOString() : null;
    // Nothing polled (a connection whose reads all fail has no answer to keep, so nothing to watch): its
    // last sign-in or forwarded request tells, as the Connections page does (held.ts), when that came
    // after the last successful poll. The heartbeat's `status` carries it to every stream.
    const health = this.state === 'idle' ? this.connection.health?.() : undefined;
    if (health?.state === 'failing' && (health.at === null || Date.parse(health.at) > this.polledAt))
      return { id: this.connection.id, state: 'failing', polledAt, message: health.message };
    return { id: this.connection.id, state: this.state, polledAt, message: this.message };
  }

  /** The paths `session` watches whose answer changed at `since` (ms) or later. */
  changedSince(sessionId: string, since: number): Entry[] {
    return [...this.entries.values()].filter(
      // (changedAt is set only with a changed answer, so such an entry has one.)
      (e) => e.changedAt > 0 && e.changedAt >= since && e.watchers.has(sessionId),
    );
  }

  /** Whether `session` watches `path` now. */
  watches(sessionId: string, path: string): boolean {
    return this.entries.get(path)?.watchers.has(sessionId) ?? false;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}

/** The stream's `change`: a watched path whose vendor answer changed. */
export interface Change {
  connection: string;
  path: string;
  version: number;
  /** When the request that got the new answer was sent (ISO 8601). */
  polledAt: string;
}

function changeOf(poller: ConnectionPoller, entry: Entry): Change {
  return {
    connection: poller.connection.id,
    path: entry.path,
    version: entry.version,
    polledAt: new Date(entry.answer!.polledAt).toISOString(),
  };
}

/** Whether `role` may read the path now (the rule check repeated with the person's current role). */
function mayRead(role: Role, poller: ConnectionPoller, entry: Entry): boolean {
  if (poller.rootPath === null) return false;
  const path = poller.rootPath + entry.path.split('?')[0];
  return checkRule(role, { dialect: poller.connection.dialect, method: 'GET', path }).allowed;
}

/**
 * The pollers of every connection the server holds with its own credentials, and the open streams.
 * Per-person connections have no poller: the server holds no token of its own to poll them with.
 */
export class SharedPolls {
  private readonly pollers = new Map<string, ConnectionPoller>();
  private readonly streams = new Set<StreamSink>();
  private heartbeat: NodeJS.Timeout | undefined;
  private statusQueued = false;

  constructor(
    private readonly connections: () => readonly HeldConnection[],
    private readonly sessions: SessionLookup,
    times: Partial<PollTimes> = {},
    /** Tests only: the vendor reached through this fetch (see forward()). */
    readonly fetch?: typeof globalThis.fetch,
  ) {
    this.times = { ...POLL_TIMES, ...times };
  }

  readonly times: PollTimes;

  /** The connection's poller, or null for one each person signs in to (or none of that id). */
  poller(connectionId: string): ConnectionPoller | null {
    let poller = this.pollers.get(connectionId);
    if (poller) return poller;
    const connection = this.connections().find((c) => c.id === connectionId);
    if (!connection || connection.personal) return null;
    poller = new ConnectionPoller(connection, this);
    this.pollers.set(connectionId, poller);
    return poller;
  }

  /** Every connection the server polls, as the stream's `status` tells it. */
  statuses(): ConnectionStatus[] {
    return this.connections()
      .filter((c) => !c.personal)
      .map((c) => this.poller(c.id)!.status());
  }

  /** Opens a stream: `hello`, then `change` and `status` events until it or its session ends. */
  open(sink: StreamSink, streamId: string): () => void {
    this.streams.add(sink);
    sink.send('hello', {
      stream: streamId,
      heartbeatMs: this.times.heartbeatMs,
      connections: this.statuses(),
    });
    this.startHeartbeat();
    return () => {
      if (!this.streams.delete(sink)) return;
      const others = [...this.streams].some((s) => s.sessionId === sink.sessionId);
      if (!others)
        for (const poller of this.pollers.values())
          poller.release(sink.sessionId, Date.now() + this.times.streamGraceMs);
      if (this.streams.size === 0) this.stopHeartbeat();
    };
  }

  /** A changed answer: to each stream whose session watches the path and whose role may still read it. */
  tell(poller: ConnectionPoller, entry: Entry): void {
    const data = changeOf(poller, entry);
    const allowed = new Map<Role, boolean>();
    for (const sink of this.streams) {
      if (!entry.watchers.has(sink.sessionId)) continue;
      let may = allowed.get(sink.role);
      if (may === undefined) {
        may = mayRead(sink.role, poller, entry);
        allowed.set(sink.role, may);
      }
      if (may) sink.send('change', data);
    }
  }

  /**
   * What changed at `since` (ms) or later among the paths the session watches, as the stream's `change`
   * tells it, for a role that may still read each: a page rendered with answers read at `since` asks for
   * it once its stream is held, and reads again only those (`GET /console/api/changes`).
   */
  changedSince(sessionId: string, role: Role, since: number): Change[] {
    const out: Change[] = [];
    for (const poller of this.pollers.values())
      for (const entry of poller.changedSince(sessionId, since))
        if (mayRead(role, poller, entry)) out.push(changeOf(poller, entry));
    return out;
  }

  /** A connection's state moved: one `status` to every stream, after the moves of this turn. */
  statusMoved(): void {
    if (this.statusQueued || this.streams.size === 0) return;
    this.statusQueued = true;
    queueMicrotask(() => {
      this.statusQueued = false;
      this.sendStatus();
    });
  }

  private sendStatus(): void {
    const data = { connections: this.statuses() };
    for (const sink of this.streams) sink.send('status', data);
  }

  /** Every HEARTBEAT_MS: each stream's session read again (ended: `end`), then `status` to all. */
  private beat(): void {
    for (const sink of [...this.streams]) {
      const now = this.sessions(sink.sessionId);
      if ('ended' in now) {
        sink.send('end', { message: now.ended });
        sink.close();
        this.streams.delete(sink);
      } else sink.role = now.role;
    }
    this.sendStatus();
    if (this.streams.size === 0) this.stopHeartbeat();
  }

  /** Ends the streams of a session now (sign-out, disabled user): `end` with the words why. */
  endSession(sessionId: string, message: string): void {
    for (const sink of [...this.streams])
      if (sink.sessionId === sessionId) {
        sink.send('end', { message });
        sink.close();
        this.streams.delete(sink);
      }
  }

  private startHeartbeat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => this.beat(), this.times.heartbeatMs);
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  close(): void {
    this.stopHeartbeat();
    for (const sink of this.streams) sink.close();
    this.streams.clear();
    for (const poller of this.pollers.values()) poller.stop();
  }
}
