import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  HEARTBEAT_MS,
  livePolling,
  fastest,
  POLL_FAST_MS,
  POLL_OPEN_MS,
  POLL_SLOW_MS,
  pollInterval,
  startHiddenHeartbeat,
} from './polling';

const query = <T>(data: T | undefined, status = 'success') => ({ state: { data, status } });

describe('polling policy', () => {
  test('fast while something is in flight, slow when idle or failing', () => {
    expect(pollInterval(true)).toBe(POLL_FAST_MS);
    expect(pollInterval(false)).toBe(POLL_SLOW_MS);
    expect(pollInterval(true, true)).toBe(POLL_SLOW_MS);
    // The promise (docs/architecture.md "Live status"): a change on the service on screen within ~1.5 s while anything runs (the interval
    // plus one request), and at most one request per connection per second with the slow lists.
    expect(POLL_FAST_MS).toBeLessThanOrEqual(1_250);
    expect(1_000 / POLL_FAST_MS + 1_000 / POLL_SLOW_MS).toBeLessThanOrEqual(1);
    expect(POLL_SLOW_MS).toBeGreaterThanOrEqual(15_000);
    expect(POLL_SLOW_MS).toBeLessThanOrEqual(30_000);
  });

  test('something open but not advancing polls between the two; the liveliest pace wins', () => {
    expect(pollInterval('open')).toBe(POLL_OPEN_MS);
    expect(POLL_OPEN_MS).toBeGreaterThan(POLL_FAST_MS);
    expect(POLL_OPEN_MS).toBeLessThan(POLL_SLOW_MS);
    expect(pollInterval('fast')).toBe(POLL_FAST_MS);
    expect(pollInterval('idle')).toBe(POLL_SLOW_MS);
    expect(pollInterval('open', true)).toBe(POLL_SLOW_MS);
    expect(fastest([])).toBe('idle');
    expect(fastest(['idle', 'open', 'idle'])).toBe('open');
    expect(fastest(['open', 'fast', 'idle'])).toBe('fast');
  });

  test('livePolling reads the data of the query', () => {
    const interval = livePolling((runs: { state: string }[]) => runs.some((r) => r.state === 'running'));
    expect(interval(query([{ state: 'running' }, { state: 'succeeded' }]))).toBe(POLL_FAST_MS);
    expect(interval(query([{ state: 'succeeded' }]))).toBe(POLL_SLOW_MS);
    expect(interval(query(undefined, 'pending'))).toBe(POLL_SLOW_MS);
    expect(interval(query([{ state: 'running' }], 'error'))).toBe(POLL_SLOW_MS);
  });
});

describe('hidden-tab heartbeat', () => {
  afterEach(() => vi.useRealTimers());

  test('ticks only while the document is hidden', () => {
    vi.useFakeTimers();
    const doc = { visibilityState: 'visible' as DocumentVisibilityState };
    const tick = vi.fn();
    const stop = startHiddenHeartbeat(tick, HEARTBEAT_MS, doc);
    vi.advanceTimersByTime(HEARTBEAT_MS * 3);
    expect(tick).not.toHaveBeenCalled();
    doc.visibilityState = 'hidden';
    vi.advanceTimersByTime(HEARTBEAT_MS * 2);
    expect(tick).toHaveBeenCalledTimes(2);
    stop();
    vi.advanceTimersByTime(HEARTBEAT_MS * 2);
    expect(tick).toHaveBeenCalledTimes(2);
  });
});
