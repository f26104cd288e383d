// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiRuntime, setApiRuntime } from '../../api/runtime';
import { renderUi } from '../../components/test-render';
import { ConsoleServerOnly } from './console-server-only';

const common = {
  connections: [{ id: 'veeam', label: 'Veeam', dialect: 'veeam-v5' as const, baseUrl: '/veeam' }],
  fetch: () => Promise.reject(new Error('no request is expected')),
  origin: 'http://console.test',
  storage: null,
};

const page = (
  <ConsoleServerOnly title="Users" what="the users it lets in">
    <button type="button">Add user</button>
  </ConsoleServerOnly>
);

describe('ConsoleServerOnly', () => {
  afterEach(() => {
    cleanup();
    setApiRuntime(null);
  });

  it('says that a console signing in to each vendor has no such page, and shows none of its controls', () => {
    setApiRuntime(new ApiRuntime(common));
    renderUi(page);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Users');
    expect(screen.getByText('Only with the console server')).toBeTruthy();
    expect(screen.getByText(/keeps the users it lets in/).textContent).toContain('console mode');
    expect(screen.queryByRole('button', { name: 'Add user' })).toBeNull();
  });

  it('shows the page in console mode', () => {
    setApiRuntime(new ApiRuntime({ ...common, console: { session: '/console/api/session', oidc: null } }));
    renderUi(page);
    expect(screen.getByRole('button', { name: 'Add user' })).toBeTruthy();
    expect(screen.queryByText('Only with the console server')).toBeNull();
  });
});
