import type { QueryClient } from '@tanstack/react-query';
import { hashKey, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveSnapshot, LiveView, StreamState } from './live-watch';
import { liveView, readBookOf } from './live-watch';
import type { PathChange } from './page-answers';
import { coverPageAnswers, waitsForPageChanges } from './page-answers';
import { createQueryClient } from './query-client';

/** A stream whose state the test moves. */
class FakeStream implements LiveView {
  private snapshot: LiveSnapshot = { state: 'connecting', connections: {} };
  private readonly listeners = new Set<() => void>();
  pushes = () => false;
  notePolled = () => undefined;
  getSnapshot = () => this.snapshot;
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  move(state: StreamState) {
    this.snapshot = { state, connections: {} };
    for (const listener of this.listeners) listener();
  }
}

const JOBS = ['page-answers-test', 'jobs'] as const;
const FEED = ['page-answers-test', 'feed'] as const;
const OTHER = ['page-answers-test', 'other'] as const;

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

/**
 * A client holding three answers read ten seconds ago (stale), as a rendered page's are when the
 * browser takes it over; `reads` counts what each query function was asked since.
 */
function pageClient() {
  const client = createQueryClient({ retry: false });
  const reads = { jobs: 0, feed: 0, other: 0 };
  const updatedAt = Date.now() - 10_000;
  client.setQueryData(JOBS, ['job'], { updatedAt });
  client.setQueryData(FEED, ['run'], { updatedAt });
  client.setQueryData(OTHER, ['other'], { updatedAt });
  const read = (name: keyof typeof reads) => {
    reads[name] += 1;
    return [name];
  };
  const stream = new FakeStream();
  liveView(client).attach(stream);
  /** An observer of each query, as the page's components are on mount. */
  const mount = () => {
    for (const [key, name] of [
      [JOBS, 'jobs'],
      [FEED, 'feed'],
      [OTHER, 'other'],
    ] as const) {
      const observer = new QueryObserver(client, { queryKey: key, queryFn: () => read(name) });
      stops.push(observer.subscribe(() => undefined));
    }
  };
  return { client, reads, stream, mount };
}

/** What the page says it read: the jobs and the feed (not the third query, which it did not carry). */
const pageReads = {
  readFrom: 1_234,
  reads: {
    [hashKey(JOBS)]: [['veeam', '/jobs']] as [string, string][],
    [hashKey(FEED)]: [['veeam', '/jobsessions?limit=200']] as [string, string][],
  },
};

const settled = () => new Promise((resolve) => setTimeout(resolve, 20));
const query = (client: QueryClient, key: readonly string[]) =>
  client.getQueryCache().find({ queryKey: key })!;

describe('coverPageAnswers', () => {
  it('keeps the page’s answers from being read again on mount; once the stream is held, reads again only what changed since', async () => {
    const { client, reads, stream, mount } = pageClient();
    const asked: number[] = [];
    let answer!: (changes: PathChange[]) => void;
    coverPageAnswers(client, pageReads, {
      changesSince: (since) => {
        asked.push(since);
        return new Promise((resolve) => (answer = resolve));
      },
      visible: () => true,
    });
    expect(waitsForPageChanges(client, query(client, JOBS))).toBe(true);
    // What the page read is noted as if the browser had read it: the stream's `change` reaches it.
    expect(readBookOf(client).queriesReading('veeam', '/jobs')).toEqual([query(client, JOBS)]);

    mount();
    await settled();
    // The third answer is stale and not the page's: read on mount as ever. The page's two are not.
    expect(reads).toEqual({ jobs: 0, feed: 0, other: 1 });
    expect(asked).toEqual([]);

    stream.move('held');
    expect(asked).toEqual([1_234]);
    answer([{ connection: 'veeam', path: '/jobsessions?limit=200' }]);
    await expect.poll(() => reads.feed).toBe(1);
    await settled();
    expect(reads).toEqual({ jobs: 0, feed: 1, other: 1 });
    expect(waitsForPageChanges(client, query(client, JOBS))).toBe(false);
  });

  it('reads every answer of the page again when the server cannot say what changed', async () => {
    const { client, reads, stream, mount } = pageClient();
    coverPageAnswers(client, pageReads, {
      changesSince: () => Promise.reject(new Error('502')),
      visible: () => true,
    });
    mount();
    stream.move('held');
    await expect.poll(() => reads).toEqual({ jobs: 1, feed: 1, other: 1 });
  });

  it('reads every answer of the page again when the stream is not held in time, or cannot be', async () => {
    const late = pageClient();
    coverPageAnswers(late.client, pageReads, {
      changesSince: () => Promise.resolve([]),
      waitMs: 50,
      visible: () => true,
    });
    late.mount();
    await expect.poll(() => late.reads).toEqual({ jobs: 1, feed: 1, other: 1 });

    const unheld = pageClient();
    coverPageAnswers(unheld.client, pageReads, {
      changesSince: () => Promise.resolve([]),
      visible: () => true,
    });
    unheld.mount();
    unheld.stream.move('fallback');
    await expect.poll(() => unheld.reads).toEqual({ jobs: 1, feed: 1, other: 1 });
  });

  it('reads nothing again when nothing changed, and a hidden tab only marks what changed stale', async () => {
    const { client, reads, stream, mount } = pageClient();
    let visible = true;
    let changes: PathChange[] = [];
    coverPageAnswers(client, pageReads, {
      changesSince: () => Promise.resolve(changes),
      visible: () => visible,
    });
    mount();
    stream.move('held');
    await settled();
    expect(reads).toEqual({ jobs: 0, feed: 0, other: 1 });

    const hidden = pageClient();
    visible = false;
    changes = [{ connection: 'veeam', path: '/jobs' }];
    coverPageAnswers(hidden.client, pageReads, {
      changesSince: () => Promise.resolve(changes),
      visible: () => visible,
    });
    hidden.mount();
    hidden.stream.move('held');
    await settled();
    expect(hidden.reads).toEqual({ jobs: 0, feed: 0, other: 1 });
    expect(query(hidden.client, JOBS).state.isInvalidated).toBe(true);
    expect(query(hidden.client, FEED).state.isInvalidated).toBe(false);
  });
});
