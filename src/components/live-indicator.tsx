import '@mantine/core/styles/Badge.css';
import { Badge, Group, Text, VisuallyHidden } from '@mantine/core';
import type { Query, QueryClient } from '@tanstack/react-query';
import { onlineManager, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { LiveSnapshot } from '../api/live-watch';
import { connectionOfKey, liveView } from '../api/live-watch';
import { apiRuntime } from '../api/runtime';
import { formatTime } from '../lib/format';
import { errorStatus, isOffline } from './error-info';

/**
 * `failing`: every request on screen fails, but the service answers (with an error status): it is
 * there and says something is wrong, which is not the same as a network that cannot reach it.
 */
export type Liveness = 'live' | 'reconnecting' | 'failing' | 'offline';

interface LiveStatus {
  liveness: Liveness;
  /** When the newest answer arrived (ms), or 0 before any. */
  dataAsOf: number;
  /** Why it is not live, in the service's or the console server's words, when known. */
  reason?: string;
}

/** One connection on screen, as the live indicator tells it (console mode, with the stream). */
export interface ConnectionLiveness {
  id: string;
  label: string;
  liveness: Liveness;
  /** Why it is not live, when known (the console server's last sign-in or poll, or a request's error). */
  reason?: string;
}

/** With the stream: the whole picture, and each connection on screen. */
export interface PushedLiveStatus extends LiveStatus {
  connections: ConnectionLiveness[];
  /**
   * The connections the server holds that nothing on screen reads and that the stream says fail (the
   * navigation's list of connections shows them; the header speaks of what is on screen).
   */
  elsewhere: ConnectionLiveness[];
}

/**
 * An error that is the service's plain answer about the request, not a fault of the service: what was
 * asked for is not there (404, 410), not allowed (403), or not possible now (400, 409, 422). A page
 * for an unknown id says so itself; the header must not call the service failing for it. A 401 (the
 * session has ended), 408 and 429 are trouble with the connection, and count as failing.
 */
function isDefiniteAnswer(error: unknown): boolean {
  const status = errorStatus(error);
  return status !== null && status >= 400 && status < 500 && ![401, 408, 429].includes(status);
}

/** The newest answer of `queries`, and whether their latest attempts are failing. */
function tally(queries: Iterable<Query>, online: boolean): LiveStatus {
  let dataAsOf = 0;
  let failing = 0;
  let answered = 0;
  let healthy = 0;
  let why: string | undefined;
  for (const query of queries) {
    const { dataUpdatedAt, error, errorUpdatedAt, fetchFailureCount, fetchFailureReason, status } =
      query.state;
    dataAsOf = Math.max(dataAsOf, dataUpdatedAt);
    const reason = fetchFailureCount > 0 ? fetchFailureReason : error;
    if ((fetchFailureCount > 0 || status === 'error') && isDefiniteAnswer(reason)) {
      // The service answered, and well: as healthy as data, and as recent as that answer.
      dataAsOf = Math.max(dataAsOf, errorUpdatedAt);
      healthy += 1;
    } else if (fetchFailureCount > 0 || (status === 'error' && errorUpdatedAt > dataUpdatedAt)) {
      failing += 1;
      if (!isOffline(fetchFailureReason ?? error)) answered += 1;
      why ??= reason instanceof Error ? reason.message : undefined;
    } else if (status === 'pending' && errorUpdatedAt > 0) {
      // Failed with nothing to show, and asked again (a query without data forgets its error then):
      // still failing until it answers.
      failing += 1;
      answered += 1;
    } else if (dataUpdatedAt > 0) healthy += 1;
  }
  const reason = why === undefined ? {} : { reason: why };
  if (!online) return { liveness: 'offline', dataAsOf };
  if (failing > 0 && healthy === 0)
    return { liveness: answered > 0 ? 'failing' : 'offline', dataAsOf, ...reason };
  return failing > 0 ? { liveness: 'reconnecting', dataAsOf, ...reason } : { liveness: 'live', dataAsOf };
}

/** The worse of two states (offline, failing, reconnecting, live). */
function worse(a: Liveness, b: Liveness): Liveness {
  return WORST.indexOf(a) <= WORST.indexOf(b) ? a : b;
}

const WORST: Liveness[] = ['offline', 'failing', 'reconnecting', 'live'];

function activeQueries(client: QueryClient): Query[] {
  return client
    .getQueryCache()
    .getAll()
    .filter((query) => query.isActive());
}

/** Reads the whole query cache: the newest answer, and whether the latest attempts are failing. */
export function readLiveStatus(client: QueryClient, online: boolean): LiveStatus {
  return tally(activeQueries(client), online);
}

/**
 * Console mode with the stream. A connection the server polls is live while the stream is held and
 * the server's last poll of it succeeded; reconnecting while the stream is not held or the server's
 * polls of it fail; offline when the browser is. Its data is as of the server's last successful poll
 * (an answer the page holds may have come from the server's cache). Anything else on screen (a
 * connection each person signs in to, the console's own pages) is read from its queries, as without
 * the stream. A server-held connection whose own requests fail is never less than that: the server's
 * poller knows nothing of a connection whose reads all failed, as none of them is kept to poll. The
 * whole is the worst of them, and as of the oldest, so that it never overstates.
 */
export function readPushedStatus(
  client: QueryClient,
  online: boolean,
  stream: LiveSnapshot,
  serverHeld: (connectionId: string) => boolean,
  label: (connectionId: string) => string,
): PushedLiveStatus {
  const byConnection = new Map<string | null, Query[]>();
  for (const query of activeQueries(client)) {
    const id = connectionOfKey(query.queryKey);
    const list = byConnection.get(id);
    if (list) list.push(query);
    else byConnection.set(id, [query]);
  }
  const parts: LiveStatus[] = [];
  const connections: ConnectionLiveness[] = [];
  for (const [id, queries] of byConnection) {
    const answered = tally(queries, online);
    // Before the stream's first hello (a page loading) its queries say how it goes, as without it.
    const part =
      id === null || !serverHeld(id) || stream.state === 'connecting'
        ? answered
        : pushedPart(stream, id, online, answered);
    parts.push(part);
    if (id !== null) connections.push(connectionPart(id, label(id), part));
  }
  const liveness = parts.reduce<Liveness>((w, p) => worse(p.liveness, w), online ? 'live' : 'offline');
  const elsewhere: ConnectionLiveness[] = [];
  for (const [id, status] of Object.entries(stream.connections))
    if (!byConnection.has(id) && status.state === 'failing' && serverHeld(id))
      elsewhere.push(
        connectionPart(id, label(id), {
          liveness: online ? 'reconnecting' : 'offline',
          dataAsOf: 0,
          ...(status.message ? { reason: status.message } : {}),
        }),
      );
  const times = parts.map((p) => p.dataAsOf).filter((t) => t > 0);
  // A handful of names: compared as strings, since the first localeCompare on a page loads the
  // locale's collation tables (tens of milliseconds of a phone's main thread while the page loads).
  connections.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return { liveness, dataAsOf: times.length > 0 ? Math.min(...times) : 0, connections, elsewhere };
}

function connectionPart(id: string, label: string, part: LiveStatus): ConnectionLiveness {
  const { liveness, reason } = part;
  return liveness !== 'live' && reason ? { id, label, liveness, reason } : { id, label, liveness };
}

function pushedPart(stream: LiveSnapshot, id: string, online: boolean, answered: LiveStatus): LiveStatus {
  const status = stream.connections[id];
  // A poll time the server never told (nothing polled yet): the answers' own time stands in.
  const dataAsOf = status?.polledAt ?? answered.dataAsOf;
  if (!online) return { liveness: 'offline', dataAsOf };
  const polled: Liveness = stream.state !== 'held' || status?.state === 'failing' ? 'reconnecting' : 'live';
  // The page's own requests failing say more than a poller that has nothing to poll.
  const liveness = worse(polled, answered.liveness);
  const reason = (status?.state === 'failing' ? status.message : null) ?? answered.reason;
  return liveness !== 'live' && reason ? { liveness, dataAsOf, reason } : { liveness, dataAsOf };
}

/**
 * Calls `notify` when the live status may have moved: once per burst of cache events (a poll's
 * answers come as bursts, and an adapter may write dozens of entries at once), and not for entries
 * nothing on screen watches (an inactive query's change cannot move the status; gaining or losing an
 * observer can). Returns the unsubscribe.
 */
export function watchLiveStatus(client: QueryClient, notify: () => void): () => void {
  let queued = false;
  let subscribed = true;
  const notifyOnce = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (subscribed) notify();
    });
  };
  const offCache = client.getQueryCache().subscribe((event) => {
    if (event.type.startsWith('observer') || event.type === 'removed' || event.query.isActive()) notifyOnce();
  });
  const offOnline = onlineManager.subscribe(notifyOnce);
  return () => {
    subscribed = false;
    offCache();
    offOnline();
  };
}

/**
 * The live status of the data on screen; re-reads whenever the query cache, the browser's
 * connectivity or (console mode) the stream changes.
 */
export function useLiveStatus(): PushedLiveStatus {
  const client = useQueryClient();
  const stream = liveView(client);
  const subscribe = useCallback(
    (notify: () => void) => {
      const offCache = watchLiveStatus(client, notify);
      const offStream = stream.subscribe(notify);
      return () => {
        offCache();
        offStream();
      };
    },
    [client, stream],
  );
  // A string snapshot: useSyncExternalStore needs a stable value between changes. On the server, and in
  // the browser's render that takes over a page the server rendered, nothing has answered on screen yet.
  const snapshot = useSyncExternalStore(
    subscribe,
    () => {
      const online = onlineManager.isOnline();
      const pushed = stream.getSnapshot();
      if (pushed.state === 'off') {
        const s = readLiveStatus(client, online);
        return JSON.stringify({ ...s, connections: [], elsewhere: [] });
      }
      const runtime = apiRuntime();
      const label = (id: string) => runtime.connections.find((c) => c.id === id)?.label ?? id;
      return JSON.stringify(readPushedStatus(client, online, pushed, (id) => runtime.serverPolls(id), label));
    },
    serverSnapshot,
  );
  return JSON.parse(snapshot) as PushedLiveStatus;
}

const SERVER_SNAPSHOT = JSON.stringify({
  liveness: 'live',
  dataAsOf: 0,
  connections: [],
  elsewhere: [],
} satisfies PushedLiveStatus);
const serverSnapshot = () => SERVER_SNAPSHOT;

const LOOK: Record<Liveness, { color: string; label: string; hint: string }> = {
  live: { color: 'green', label: 'Live', hint: 'Data refreshes by itself.' },
  reconnecting: { color: 'yellow', label: 'Reconnecting', hint: 'Some requests fail; retrying.' },
  failing: {
    color: 'red',
    label: 'Service errors',
    hint: 'The service answers with errors; showing the last data.',
  },
  offline: { color: 'red', label: 'Offline', hint: 'The service cannot be reached; showing the last data.' },
};

/** How one connection is: "service errors (Identity refused the credentials.)", "live". */
export function livenessWords(c: Pick<ConnectionLiveness, 'liveness' | 'reason'>): string {
  const words = LOOK[c.liveness].label.toLowerCase();
  return c.reason ? `${words} (${c.reason.replace(/\.$/, '')})` : words;
}

/** "Veeam: live; Rackspace DFW: reconnecting (The vendor answered 503 to a poll)", or '' with one connection or none. */
export function connectionsLine(connections: readonly ConnectionLiveness[]): string {
  if (connections.length < 2) return '';
  return connections.map((c) => `${c.label}: ${livenessWords(c)}`).join('; ');
}

/**
 * "Live · data as of 7:05:09 AM UTC", announced politely when it changes state. In console mode with
 * the stream, the state of each connection on screen is in the badge's title and its hidden text.
 */
export function LiveIndicator({ showTime = true }: { showTime?: boolean }) {
  const { liveness, dataAsOf, connections } = useLiveStatus();
  const look = LOOK[liveness];
  const one = connections.length === 1 ? connections[0] : undefined;
  const each = one?.reason ? `${one.label}: ${livenessWords(one)}` : connectionsLine(connections);
  const hint = each ? `${look.hint} ${each}.` : look.hint;
  return (
    <Group gap={6} wrap="nowrap" role="status" aria-live="polite" data-liveness={liveness}>
      {/* A title, not a Tooltip: the tooltip library would weigh on the first load. */}
      <Badge color={look.color} variant="dot" title={hint}>
        {look.label}
        <VisuallyHidden>. {hint}</VisuallyHidden>
      </Badge>
      {showTime && dataAsOf > 0 && (
        <Text size="xs" c="dimmed" visibleFrom="sm">
          data as of {formatTime(dataAsOf)}
        </Text>
      )}
    </Group>
  );
}
