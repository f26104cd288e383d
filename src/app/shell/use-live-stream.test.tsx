// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { parseRuntimeConfig } from '../../api/connections';
import type { FetchLike } from '../../api/http';
import { createQueryClient } from '../../api/query-client';
import { ApiRuntime, REASON_MAX_CHARS, setApiRuntime } from '../../api/runtime';
import { FakeSource } from '../../api/testing/fake-event-source';
import { memoryStorage } from '../../api/testing/in-process-service';
import { useLiveStream } from './use-live-stream';

const ORIGIN = 'http://console.test';

/** The browser's EventSource, driven by the test: the console server's stream. */
class FakeEventSource extends FakeSource {
  static opened: FakeEventSource[] = [];

  constructor(readonly url: string) {
    super();
    FakeEventSource.opened.push(this);
  }
}

/**
 * A console tab signed in as bob; the server has since ended the session, so that asking for it
 * answers 401 with words that cannot say why (the server no longer knows the session).
 */
async function signedInTab() {
  let ended = false;
  const asked = { session: 0 };
  const fetchImpl: FetchLike = (url, init) => {
    const path = new URL(url).pathname;
    if (path === '/console/api/session' && init?.method === 'GET') asked.session += 1;
    if (path === '/console/api/session' && ended)
      return Promise.resolve(
        Response.json(
          {
            message:
              'Your session is not valid (it was ended, or is not one of this console): sign in again.',
          },
          { status: 401 },
        ),
      );
    if (path === '/console/api/session' && (init?.method === 'POST' || init?.method === 'GET'))
      return Promise.resolve(
        Response.json({
          user: { username: 'bob', role: 'admin' },
          signedInAt: new Date().toISOString(),
          expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        }),
      );
    return Promise.resolve(new Response(null, { status: 404 }));
  };
  const config = parseRuntimeConfig({
    console: { session: '/console/api/session', oidc: null },
    connections: [
      { id: 'veeam', label: 'Veeam', dialect: 'veeam-v5', basePath: '/console/api/connections/veeam' },
    ],
  });
  const runtime = new ApiRuntime({
    connections: config.connections,
    console: config.console,
    fetch: fetchImpl,
    origin: ORIGIN,
    storage: memoryStorage(),
  });
  setApiRuntime(runtime);
  await runtime.signInToConsole('bob', 'password1');
  const client = createQueryClient({ retry: false });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  renderHook(() => useLiveStream(), { wrapper });
  await waitFor(() => expect(FakeEventSource.opened).toHaveLength(1));
  const stream = FakeEventSource.opened[0]!;
  stream.emit('hello', { stream: 's', heartbeatMs: 5_000, connections: [] });
  return {
    runtime,
    /** How many times the tab asked for its session. */
    asked,
    /** The server says on the stream it ended the session (`stillValid`: the cookie is a newer one's). */
    end: (message: unknown, stillValid = false) => {
      ended = !stillValid;
      stream.emit('end', { message });
    },
  };
}

describe('the live stream of a console tab', () => {
  vi.stubGlobal('EventSource', FakeEventSource);
  afterEach(() => {
    FakeEventSource.opened = [];
    setApiRuntime(null);
  });

  test.each([
    'Your session ended after 1 minutes without a request: sign in again.',
    'Your account is disabled: ask an administrator.',
    'You signed out.',
  ])("the server ending the session signs the tab out with the stream's words: %s", async (words) => {
    const { runtime, end } = await signedInTab();
    end(words);
    await waitFor(() => expect(runtime.session.getSnapshot().expired).toEqual(['veeam']));
    expect(runtime.session.getSnapshot().sessions).toEqual({});
    expect(runtime.consoleSessionEndedBecause()).toBe(words);
  });

  test('the words shown are one line of plain text, bounded', async () => {
    const { runtime, end } = await signedInTab();
    end(`<b>Ended</b>\u0007\n\n${'x'.repeat(2_000)}`);
    await waitFor(() => expect(runtime.session.getSnapshot().expired).toEqual(['veeam']));
    const shown = runtime.consoleSessionEndedBecause() ?? '';
    expect(shown.startsWith('<b>Ended</b> xxx')).toBe(true);
    expect(shown.length).toBe(REASON_MAX_CHARS);
    expect(shown.endsWith('…')).toBe(true);
  });

  test("an end while the browser's cookie is a newer session (signed in again elsewhere) keeps the tab signed in", async () => {
    const { runtime, asked, end } = await signedInTab();
    end('You signed out.', true);
    await waitFor(() => expect(asked.session).toBe(1));
    await waitFor(() => expect(runtime.session.getSnapshot().expired).toEqual([]));
    expect(Object.keys(runtime.session.getSnapshot().sessions)).toEqual(['veeam']);
    expect(runtime.consoleSessionEndedBecause()).toBeNull();
  });

  test('an end without words says the session ended', async () => {
    const { runtime, end } = await signedInTab();
    end(42);
    await waitFor(() => expect(runtime.session.getSnapshot().expired).toEqual(['veeam']));
    expect(runtime.consoleSessionEndedBecause()).toBe('Your console session has ended.');
  });
});
