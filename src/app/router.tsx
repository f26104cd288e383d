import type { RouteObject } from 'react-router';
import { AppLayout } from './shell/app-layout';
import { PageFallback, RouteError } from './shell/route-error';
import type { RouteTitle } from './shell/route-title';

type RouteModule = () => Promise<Partial<Pick<RouteObject, 'Component' | 'ErrorBoundary' | 'handle'>>>;

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

export const routes: RouteObject[] = [
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
];
