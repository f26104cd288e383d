import type { RouteObject } from 'react-router';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './shell/app-layout';
import { PageFallback, RouteError } from './shell/route-error';

type RouteModule = () => Promise<Partial<Pick<RouteObject, 'Component' | 'ErrorBoundary' | 'handle'>>>;

/**
 * One lazily loaded file per route in src/app/routes/, each exporting `Component` (and optionally
 * `ErrorBoundary`). Each page gets its own error boundary so a failing page never blanks the shell.
 * To add a page: one line here pointing at its route file.
 */
function page(path: string | undefined, load: RouteModule): RouteObject {
  return path === undefined
    ? { index: true, lazy: load, ErrorBoundary: RouteError }
    : { path, lazy: load, ErrorBoundary: RouteError };
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
      page(undefined, () => import('./routes/overview')),
      page('configurations', () => import('./routes/configurations')),
      page('configurations/:connectionId/:id', () => import('./routes/configuration')),
      page('jobs', () => import('./routes/jobs')),
      page('jobs/:connectionId/:id', () => import('./routes/jobs-detail')),
      page('activity', () => import('./routes/activity')),
      page('restores', () => import('./routes/restores')),
      page('restores/new', () => import('./routes/restores-new')),
      page('restores/:connectionId/:id', () => import('./routes/restores-detail')),
      page('restore-sessions', () => import('./routes/restore-sessions')),
      page('restore-sessions/:connectionId/:id', () => import('./routes/restore-sessions-detail')),
      page('*', () => import('./routes/not-found')),
    ],
  },
];

export const router = createBrowserRouter(routes);
