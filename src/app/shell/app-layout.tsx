import '@mantine/core/styles/Burger.css';
import '@mantine/core/styles/Loader.css';
import { Anchor, Burger, Group, Loader, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Suspense } from 'react';
import { Link, Outlet, useNavigation } from 'react-router';
import { LiveIndicator } from '../../components/live-indicator';
import { PageAccessProvider } from '../../components/page-access';
import classes from './app-layout.module.css';
import { ColorSchemeToggle } from './color-scheme-toggle';
import { ConnectionsPanel } from './connections-panel';
import { useFocusLeftBehind } from './focus-left-behind';
import { NavLinks } from './nav-links';
import { PageFallback } from './route-error';
import { RunEndNotices } from './run-end-notices';
import { useRouteTitle } from './route-title';
import { SessionGate } from './session-gate';
import { SkipLink } from './skip-link';
import { useAccess } from './use-access';
import { useLiveStream } from './use-live-stream';
import { UserMenu } from './user-menu';

/** The frame around every signed-in page: header, navigation (a Burger on narrow screens), content. */
export function AppLayout() {
  return (
    <SessionGate>
      <WithAccess>
        <Frame />
      </WithAccess>
    </SessionGate>
  );
}

function WithAccess({ children }: { children: ReactNode }) {
  return <PageAccessProvider value={useAccess()}>{children}</PageAccessProvider>;
}

function Frame() {
  useRouteTitle();
  useFocusLeftBehind();
  useLiveStream();
  const [opened, { toggle, close }] = useDisclosure(false);
  const navigating = useNavigation().state === 'loading';
  return (
    <div className={classes.frame}>
      <SkipLink />
      <RunEndNotices />
      <header className={classes.header}>
        {/* Narrower sides on a phone: at 375 px the header's last button would overflow by a few. */}
        <Group h="100%" px={{ base: 'xs', xs: 'md' }} justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Title order={2} size="h4" component="span">
                Backup Console
              </Title>
            </Anchor>
            {navigating && <Loader size="xs" aria-label="Loading the page" />}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LiveIndicator />
            <ColorSchemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </header>
      {/* Off screen on a narrow screen until opened, and hidden there by its stylesheet (no media query
          in the render: its answer came in an effect, a second render of the whole frame). */}
      <nav id="main-navigation" className={classes.navbar} data-opened={opened || undefined}>
        <div className={classes.grow}>
          <NavLinks onNavigate={close} />
        </div>
        <div className={classes.foot}>
          <ConnectionsPanel />
        </div>
      </nav>
      <main id="main-content" tabIndex={-1} className={classes.main}>
        <Suspense fallback={<PageFallback />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
