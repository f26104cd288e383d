import './base-styles';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { RouterProvider } from 'react-router';
import { useApiBoot } from '../features/session/use-api-boot';
import { BootScreen } from './shell/boot-screen';
import { queryClient } from './query-client';
import { router } from './router';
import { cssVariablesResolver, theme } from './theme';
import { startQueryHeartbeat } from '../api/query-client';

const NotificationsHost = lazy(() =>
  import('./notifications-host').then((m) => ({ default: m.NotificationsHost })),
);

/**
 * Providers around the router: Mantine (light/dark, remembered per browser), Query, notifications.
 * The router renders only once the API module has read config.json; a bad config shows its message.
 */
export function App() {
  const boot = useApiBoot();
  useEffect(() => startQueryHeartbeat(queryClient), []);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <Suspense>
        <NotificationsHost />
      </Suspense>
      <QueryClientProvider client={queryClient}>
        {boot.status === 'ready' ? <RouterProvider router={router} /> : <BootScreen boot={boot} />}
      </QueryClientProvider>
    </MantineProvider>
  );
}
