// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createQueryClient } from '../../api/query-client';
import { apiRuntime, setApiRuntime } from '../../api/runtime';
import type { InProcess } from '../../api/testing/in-process-service';
import { startInProcess } from '../../api/testing/in-process-service';
import { permission } from '../../lib/can';
import { useRole, useSession } from './use-session';
import { useSignIn } from './use-sign-in';
import { useSignOut } from './use-sign-out';

describe('session hooks', () => {
  let t: InProcess;
  const client = createQueryClient({ retry: false });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const render = () =>
    renderHook(
      () => {
        // As the shell's useAccess gives the pages: a connection's role with its dialect's capabilities.
        const capabilities = (id: string) => apiRuntime().provider(id).capabilities;
        return {
          session: useSession(),
          signIn: useSignIn(),
          signOut: useSignOut(),
          role: useRole('rackspace-dfw'),
          stop: permission(useRole('rackspace-dfw'), 'backup.stop', capabilities('rackspace-dfw')),
          wake: permission(useRole('veeam'), 'agent.wake', capabilities('veeam')),
        };
      },
      { wrapper },
    );

  beforeAll(async () => {
    t = await startInProcess();
    setApiRuntime(t.runtime);
  });
  afterAll(() => {
    t.close();
    setApiRuntime(null);
  });

  test('sign in to all, see roles and permissions, a 401 marks the connection, sign out clears all', async () => {
    const { result } = render();
    expect(result.current.session.anySignedIn).toBe(false);
    expect(result.current.stop).toEqual({ allowed: false, reason: 'Sign in to this connection first.' });

    let outcome: Awaited<ReturnType<typeof result.current.signIn.mutateAsync>> = [];
    await act(async () => {
      outcome = await result.current.signIn.mutateAsync({
        credentials: { username: 'support', password: 'demo' },
      });
    });
    expect(outcome.every((r) => r.ok)).toBe(true);
    await waitFor(() => expect(result.current.session.anySignedIn).toBe(true));
    expect(result.current.role).toBe('support');
    expect(result.current.stop.allowed).toBe(false);
    expect(result.current.stop.reason).toMatch(/needs the admin role/);
    expect(result.current.wake.reason).toMatch(/connection cannot wake agents/);

    client.setQueryData(['targets', 'veeam', 'list'], []);
    act(() => t.expireTokens());
    await act(async () => {
      await t.runtime
        .provider('rackspace-dfw')
        .listAgents()
        .catch(() => undefined);
    });
    expect(result.current.session.expired).toEqual(['rackspace-dfw']);
    expect(result.current.session.isSignedIn('rackspace-dfw')).toBe(false);
    expect(result.current.role).toBeNull();

    act(() => result.current.signOut());
    expect(result.current.session.anySignedIn).toBe(false);
    expect(result.current.session.expired).toEqual([]);
    expect(client.getQueryData(['targets', 'veeam', 'list'])).toBeUndefined();
  });

  test('one connection can be signed in to on its own', async () => {
    const { result } = render();
    let outcome: Awaited<ReturnType<typeof result.current.signIn.mutateAsync>> = [];
    await act(async () => {
      outcome = await result.current.signIn.mutateAsync({
        connectionId: 'veeam',
        credentials: { username: 'admin', password: 'demo' },
      });
    });
    expect(outcome.map((r) => [r.connectionId, r.ok])).toEqual([['veeam', true]]);
    await waitFor(() => expect(result.current.session.isSignedIn('veeam')).toBe(true));
    expect(result.current.session.isSignedIn('rackspace-dfw')).toBe(false);
  });
});
