import type { RouteObject } from 'react-router';
import { AppLayout } from './shell/app-layout';
import { PageFallback, RouteError } from './shell/route-error';
import type { RouteTitle } from './shell/route-title';

type RouteModule = () => Promise<Partial<Pick<RouteObject, 'Component' | 'ErrorBoundary' | 'handle'>>>;

/**
 * Each route's `lazy`, made to answer even when its code cannot be fetched (an old tab after a redeploy,
 * whose hashed files are gone, or the network dropped). React Router keeps a route whose `lazy` rejected
 * marked as not loaded and renders nothing of it, not even its error boundary: the content area stayed
 * empty. Its page instead throws the error as it renders, so that the route's RouteError says what
 * happened and offers a reload.
 */
export function withLoadFailures(table: RouteObject[]): RouteObject[] {
  return table.map((route) => {
    const { lazy, children } = route;
    const load = typeof lazy === 'function' ? lazy : undefined;
    const next = { ...route, ...(children ? { children: withLoadFailures(children) } : {}) } as RouteObject;
    if (!load) return next;
    const settled = () =>
      load().catch((error: unknown) => ({
        Component: function PageCodeNotLoaded(): never {
          throw error;
        },
      }));
    // The import it wraps, for the unit test that holds the route table against what the build reads.
    next.lazy = Object.assign(settled, { imports: load });
    return next;
  });
}

/**
 * One lazily loaded file per route in src/app/routes/, each exporting `Component` (and optionally
 * `ErrorBoundary`). Each page gets its own error boundary so a failing page never blanks the shell.
 * To add a page: one line here pointing at its route file.
 */
function page(path: string | undefined, title: string, load: RouteModule): RouteObject {
  // The route's title (document.title while the page loads; its header then names what it shows).
  const handle: RouteTitle = { title };
  return path === undefined
    ? { index: true, lazy: load, handle, ErrorBoundary: RouteError }
    : { path, lazy: load, handle, ErrorBoundary: RouteError };
}

export const routes: RouteObject[] = withLoadFailures([
  {
    path: '/sign-in',
    lazy: () => import('./routes/sign-in'),
    ErrorBoundary: RouteError,
    HydrateFallback: PageFallback,
  },
  {
    path: '/',
    Component: AppLayout,
    ErrorBoundary: RouteError,
    HydrateFallback: PageFallback,
    children: [
      page(undefined, 'Overview', () => import('./routes/overview')),
      page('configurations', 'Configurations', () => import('./routes/configurations')),
      page('configurations/:connectionId/:id', 'Configuration', () => import('./routes/configuration')),
      page('jobs', 'Jobs', () => import('./routes/jobs')),
      page('jobs/:connectionId/:id', 'Job', () => import('./routes/jobs-detail')),
      page('activity', 'Activity', () => import('./routes/activity')),
      page('restores', 'Restores', () => import('./routes/restores')),
      page('restores/new', 'New restore', () => import('./routes/restores-new')),
      page('restores/:connectionId/:id', 'Restore', () => import('./routes/restores-detail')),
      page('restore-sessions', 'Restore sessions', () => import('./routes/restore-sessions')),
      page(
        'restore-sessions/:connectionId/:id',
        'Restore session',
        () => import('./routes/restore-sessions-detail'),
      ),
      page('connections', 'Connections', () => import('./routes/connections')),
      page('audit', 'Audit log', () => import('./routes/audit')),
      page('users', 'Users', () => import('./routes/users')),
      page('*', 'Page not found', () => import('./routes/not-found')),
    ],
  },
]);
