import '@mantine/core/styles/Badge.css';
import { Badge, Group, Text, VisuallyHidden } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import { onlineManager, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { formatTime } from '../lib/format';
import { isOffline } from './error-info';

/**
 * `failing`: every request on screen fails, but the service answers (with an error status): it is
 * there and says something is wrong, which is not the same as a network that cannot reach it.
 */
export type Liveness = 'live' | 'reconnecting' | 'failing' | 'offline';

interface LiveStatus {
  liveness: Liveness;
  /** When the newest answer arrived (ms), or 0 before any. */
  dataAsOf: number;
}

/** Reads the whole query cache: the newest answer, and whether the latest attempts are failing. */
export function readLiveStatus(client: QueryClient, online: boolean): LiveStatus {
  let dataAsOf = 0;
  let failing = 0;
  let answered = 0;
  let healthy = 0;
  for (const query of client.getQueryCache().getAll()) {
    if (!query.isActive()) continue;
    const { dataUpdatedAt, error, errorUpdatedAt, fetchFailureCount, fetchFailureReason, status } =
      query.state;
    dataAsOf = Math.max(dataAsOf, dataUpdatedAt);
    if (fetchFailureCount > 0 || (status === 'error' && errorUpdatedAt > dataUpdatedAt)) {
      failing += 1;
      if (!isOffline(fetchFailureReason ?? error)) answered += 1;
    } else if (dataUpdatedAt > 0) healthy += 1;
  }
  if (!online) return { liveness: 'offline', dataAsOf };
  if (failing > 0 && healthy === 0) return { liveness: answered > 0 ? 'failing' : 'offline', dataAsOf };
  return { liveness: failing > 0 ? 'reconnecting' : 'live', dataAsOf };
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

/** The live status of the data on screen; re-reads whenever the query cache changes. */
export function useLiveStatus(): LiveStatus {
  const client = useQueryClient();
  const subscribe = useCallback((notify: () => void) => watchLiveStatus(client, notify), [client]);
  // A string snapshot: useSyncExternalStore needs a stable value between changes.
  const snapshot = useSyncExternalStore(subscribe, () => {
    const s = readLiveStatus(client, onlineManager.isOnline());
    return `${s.liveness}|${s.dataAsOf}`;
  });
  const [liveness, asOf] = snapshot.split('|');
  return { liveness: liveness as Liveness, dataAsOf: Number(asOf) };
}

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

/** "Live · data as of 7:05:09 AM UTC", announced politely when it changes state. */
export function LiveIndicator({ showTime = true }: { showTime?: boolean }) {
  const { liveness, dataAsOf } = useLiveStatus();
  const look = LOOK[liveness];
  return (
    <Group gap={6} wrap="nowrap" role="status" aria-live="polite" data-liveness={liveness}>
      {/* A title, not a Tooltip: the tooltip library would weigh on the first load. */}
      <Badge color={look.color} variant="dot" title={look.hint}>
        {look.label}
        <VisuallyHidden>. {look.hint}</VisuallyHidden>
      </Badge>
      {showTime && dataAsOf > 0 && (
        <Text size="xs" c="dimmed" visibleFrom="sm">
          data as of {formatTime(dataAsOf)}
        </Text>
      )}
    </Group>
  );
}
