import './base-styles';
import { MantineProvider } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useApiBoot } from '../features/session/use-api-boot';
import { markReady } from '../lib/ready-mark';
import { BootScreen } from './shell/boot-screen';
import { FallbackNotices } from './shell/fallback-notices';
import { useLoadedOnInteraction } from './shell/use-loaded-on-interaction';
import { queryClient } from './query-client';
import { cssVariablesResolver, theme } from './theme';

/**
 * Every notice follows something the person did (a command, a run they started), so the notifications
 * host and its code wait for their first key or pointer press instead of adding a render to the page's
 * first seconds. An error that comes before the host is up waits for it (src/api/query-client.ts).
 */
const loadNotificationsHost = () => import('./notifications-host').then((m) => m.NotificationsHost);

/**
 * Providers around the router: Mantine (light/dark, remembered per browser), Query, notifications.
 * The router (`children`: the browser's in src/main.tsx, a static one when the server renders a page in
 * src/server-render.tsx) renders only once the API module has read config.json; a bad config shows its
 * message. `client` is the console's one QueryClient, but for a page the server renders with a person's
 * data (its own client, filled for that render alone).
 */
export function App({ children, client = queryClient }: { children: ReactNode; client?: QueryClient }) {
  const boot = useApiBoot();
  // Its code may fail to load (an old tab after a redeploy, the network gone): the page goes on, a
  // failed command is still reported by a stand-in, and the next press tries the code again.
  const notifications = useLoadedOnInteraction(loadNotificationsHost);
  const NotificationsHost = notifications.value;
  useEffect(markReady, []);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      {NotificationsHost ? <NotificationsHost /> : notifications.failed && <FallbackNotices />}
      <QueryClientProvider client={client}>
        {boot.status === 'ready' ? children : <BootScreen boot={boot} />}
      </QueryClientProvider>
    </MantineProvider>
  );
}
