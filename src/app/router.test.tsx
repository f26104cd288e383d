// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { afterEach, describe, expect, test, vi } from 'vitest';
import '../components/test-render';
import { withLoadFailures } from './router';
import { RouteError } from './shell/route-error';

describe('withLoadFailures', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  test("a route whose code cannot be fetched shows its error boundary's message", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const routes = withLoadFailures([
      {
        path: '/',
        Component: () => (
          <main>
            <Outlet />
          </main>
        ),
        children: [
          {
            path: 'page',
            ErrorBoundary: RouteError,
            lazy: () =>
              Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/page-1.js')),
          },
        ],
      },
    ]);
    const router = createMemoryRouter(routes, { initialEntries: ['/page'] });
    render(
      <MantineProvider env="test">
        <RouterProvider router={router} />
      </MantineProvider>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This page ran into a problem');
    expect(alert.textContent).toContain('The console was updated');
  });

  test('a route whose code loads is as it was', async () => {
    const [route] = withLoadFailures([{ path: '/', lazy: () => Promise.resolve({ handle: 1 }) }]);
    expect(await (route!.lazy as () => Promise<unknown>)()).toEqual({ handle: 1 });
  });
});
