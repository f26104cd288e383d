import { MutationObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { HEARTBEAT_MS } from '../lib/polling';
import { ApiError } from './api-error';
import {
  createQueryClient,
  MAX_RETRIES,
  retryDelay,
  setMutationErrorHandler,
  shouldRetry,
} from './query-client';
import { providerFor, setApiRuntime } from './runtime';
import type { InProcess } from './testing/in-process-service';
import { startInProcess } from './testing/in-process-service';

const http = (status: number) => new ApiError({ kind: 'http', status, message: `status ${status}` });

let t: InProcess | undefined;
afterEach(() => {
  t?.close();
  setApiRuntime(null);
});

describe('hidden-tab heartbeat', () => {
  test('one timer per mounted client: a hidden tab refetches once per heartbeat, none after unmount', () => {
    vi.useFakeTimers();
    vi.stubGlobal('document', { visibilityState: 'hidden' });
    try {
      const client = createQueryClient({ retry: false });
      const refetch = vi.spyOn(client, 'refetchQueries').mockResolvedValue(undefined);
      client.mount();
      vi.advanceTimersByTime(HEARTBEAT_MS * 3);
      expect(refetch).toHaveBeenCalledTimes(3);
      client.unmount();
      vi.advanceTimersByTime(HEARTBEAT_MS * 3);
      expect(refetch).toHaveBeenCalledTimes(3);
    } finally {
      vi.unstubAllGlobals();
      vi.useRealTimers();
    }
  });
});

describe('retry policy', () => {
  test('retries network errors, timeouts and 5xx; never 4xx or a malformed answer', () => {
    for (const s of [500, 502, 503, 504]) expect(shouldRetry(0, http(s))).toBe(true);
    for (const s of [400, 401, 403, 404, 405, 409]) expect(shouldRetry(0, http(s))).toBe(false);
    expect(shouldRetry(0, new ApiError({ kind: 'network', message: 'x' }))).toBe(true);
    expect(shouldRetry(0, new ApiError({ kind: 'timeout', message: 'x' }))).toBe(true);
    expect(shouldRetry(0, new ApiError({ kind: 'parse', message: 'x' }))).toBe(false);
    expect(shouldRetry(MAX_RETRIES, http(503))).toBe(false);
    expect([0, 1, 2, 3, 4, 5].map(retryDelay)).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  test('against the service: a 5xx is retried, a 404 is not', async () => {
    t = await startInProcess({ args: ['--faults', 'errors=1'] });
    setApiRuntime(t.runtime);
    t.runtime.session.set({
      connectionId: 'veeam',
      username: 'admin',
      role: 'admin',
      token: 'not-needed-the-fault-comes-first',
      issuedAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      baseUrl: '/v5',
      tenantId: null,
      refreshToken: null,
    });
    const client = createQueryClient();
    const failing = client.fetchQuery({
      queryKey: ['targets', 'veeam', 'list'],
      queryFn: ({ signal }) => providerFor('veeam').listTargets({ signal }),
      retryDelay: 1,
    });
    await expect(failing).rejects.toMatchObject({ kind: 'http' });
    expect(t.requests.filter((r) => r.url.endsWith('/v5/jobs'))).toHaveLength(1 + MAX_RETRIES);
  });
});

describe('mutations', () => {
  test('are never retried and report their error once, through the one handler', async () => {
    t = await startInProcess();
    setApiRuntime(t.runtime);
    await t.runtime.signIn('veeam', { username: 'viewer', password: 'demo' });
    const jobs = await providerFor('veeam').listTargets();
    const seen: ApiError[] = [];
    const unset = setMutationErrorHandler((e) => seen.push(e));
    try {
      const client = createQueryClient();
      const observer = new MutationObserver(client, {
        mutationFn: () => providerFor('veeam').startBackup(jobs[0]!.id),
      });
      await expect(observer.mutate()).rejects.toMatchObject({ status: 403 });
      expect(seen).toHaveLength(1);
      expect(seen[0]!.message).toMatch(/Your role \(viewer\) may not start a backup/);
      expect(t.requests.filter((r) => r.method === 'POST' && r.url.includes('/action'))).toHaveLength(1);
    } finally {
      unset();
    }
  });

  test('an error that fails before the notifications host is up is shown once it is', async () => {
    t = await startInProcess();
    setApiRuntime(t.runtime);
    await t.runtime.signIn('veeam', { username: 'viewer', password: 'demo' });
    const jobs = await providerFor('veeam').listTargets();
    const observer = new MutationObserver(createQueryClient(), {
      mutationFn: () => providerFor('veeam').startBackup(jobs[0]!.id),
    });
    await expect(observer.mutate()).rejects.toMatchObject({ status: 403 });
    const seen: ApiError[] = [];
    const unset = setMutationErrorHandler((e) => seen.push(e));
    try {
      expect(seen.map((e) => e.status)).toEqual([403]);
      // Given once: a handler set later does not see it again.
      const later: ApiError[] = [];
      setMutationErrorHandler((e) => later.push(e))();
      expect(later).toEqual([]);
    } finally {
      unset();
    }
  });

  test('a 401 is not shown as an error: the session sends the person to sign in', async () => {
    t = await startInProcess();
    setApiRuntime(t.runtime);
    await t.runtime.signIn('veeam', { username: 'admin', password: 'demo' });
    const jobs = await providerFor('veeam').listTargets();
    t.expireTokens();
    const seen: ApiError[] = [];
    const unset = setMutationErrorHandler((e) => seen.push(e));
    try {
      const observer = new MutationObserver(createQueryClient(), {
        mutationFn: () => providerFor('veeam').startBackup(jobs[0]!.id),
      });
      await expect(observer.mutate()).rejects.toMatchObject({ status: 401 });
      expect(seen).toEqual([]);
      expect(t.runtime.session.getSnapshot().expired).toEqual(['veeam']);
    } finally {
      unset();
    }
  });
});
