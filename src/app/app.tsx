import './base-styles';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { useApiBoot } from '../features/session/use-api-boot';
import { BootScreen } from './shell/boot-screen';
import { queryClient } from './query-client';
import { router } from './router';
import { cssVariablesResolver, theme } from './theme';

const NotificationsHost = lazy(() =>
  import('./notifications-host').then((m) => ({ default: m.NotificationsHost })),
);

/**
 * True once the page has loaded and the browser is idle: what the first paint does not need
 * (the notifications host) waits until then instead of competing with the route's code.
 */
function useIdleAfterLoad(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let cancel = () => {};
    const whenIdle = () => {
      if (typeof requestIdleCallback === 'function') {
        const id = requestIdleCallback(() => setIdle(true), { timeout: 2000 });
        cancel = () => cancelIdleCallback(id);
      } else {
        const id = setTimeout(() => setIdle(true), 200);
        cancel = () => clearTimeout(id);
      }
    };
    if (document.readyState === 'complete') whenIdle();
    else window.addEventListener('load', whenIdle, { once: true });
    return () => {
      window.removeEventListener('load', whenIdle);
      cancel();
    };
  }, []);
  return idle;
}

/**
 * Providers around the router: Mantine (light/dark, remembered per browser), Query, notifications.
 * The router renders only once the API module has read config.json; a bad config shows its message.
 */
export function App() {
  const boot = useApiBoot();
  const idle = useIdleAfterLoad();
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      {idle && (
        <Suspense>
          <NotificationsHost />
        </Suspense>
      )}
      <QueryClientProvider client={queryClient}>
        {boot.status === 'ready' ? <RouterProvider router={router} /> : <BootScreen boot={boot} />}
      </QueryClientProvider>
    </MantineProvider>
  );
}
