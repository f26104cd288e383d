import './base-styles';
import { MantineProvider } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useApiBoot } from '../features/session/use-api-boot';
import { markReady } from '../lib/ready-mark';
import { BootScreen } from './shell/boot-screen';
import { queryClient } from './query-client';
import { cssVariablesResolver, theme } from './theme';

const NotificationsHost = lazy(() =>
  import('./notifications-host').then((m) => ({ default: m.NotificationsHost })),
);

/**
 * True from the person's first key or pointer press: every notice follows something they did (a
 * command, a run they started), so the notifications host and its code wait until then instead of
 * adding a render to the page's first seconds. An error that comes before the host is up waits for it
 * (src/api/query-client.ts).
 */
function useFirstInteraction(): boolean {
  const [acted, setActed] = useState(false);
  useEffect(() => {
    if (acted) return;
    const events = ['pointerdown', 'keydown'] as const;
    const act = () => setActed(true);
    for (const e of events) window.addEventListener(e, act, { capture: true, once: true, passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, act, { capture: true });
    };
  }, [acted]);
  return acted;
}

/**
 * Providers around the router: Mantine (light/dark, remembered per browser), Query, notifications.
 * The router (`children`: the browser's in src/main.tsx, a static one when the server renders a page in
 * src/server-render.tsx) renders only once the API module has read config.json; a bad config shows its
 * message. `client` is the console's one QueryClient, but for a page the server renders with a person's
 * data (its own client, filled for that render alone).
 */
export function App({ children, client = queryClient }: { children: ReactNode; client?: QueryClient }) {
  const boot = useApiBoot();
  const acted = useFirstInteraction();
  useEffect(markReady, []);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      {acted && (
        <Suspense>
          <NotificationsHost />
        </Suspense>
      )}
      <QueryClientProvider client={client}>
        {boot.status === 'ready' ? children : <BootScreen boot={boot} />}
      </QueryClientProvider>
    </MantineProvider>
  );
}
