import './base-styles';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { RouterProvider } from 'react-router';
import { queryClient } from './query-client';
import { router } from './router';
import { theme } from './theme';

const NotificationsHost = lazy(() =>
  import('./notifications-host').then((m) => ({ default: m.NotificationsHost })),
);

/** Providers around the router: Mantine (light/dark, remembered per browser), Query, notifications. */
export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Suspense>
        <NotificationsHost />
      </Suspense>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
