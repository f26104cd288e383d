import type { ReactElement } from 'react';
import { useLocation } from 'react-router';
/* eslint-disable import/no-restricted-paths -- the pages are tested against the real console server */
import type { ConsoleHarness } from '../../../server/console/test-support';
import { consoleHarness, signIn } from '../../../server/console/test-support';
/* eslint-enable import/no-restricted-paths */
import type { ConsoleAdmin } from '../../api/console-admin';
import { createConsoleAdmin } from '../../api/console-admin';
import { ConsoleAdminProvider } from '../console-admin-context';
import { renderUi } from '../test-render';
import { giveBoxesASize } from './box-size';

export { send, signIn } from '../../../server/console/test-support'; // eslint-disable-line import/no-restricted-paths

/**
 * Tests only: the console server's own API on a loopback port over a real SQLite file
 * (server/console/test-support.ts), and a client of it signed in as someone. Node's fetch has no
 * cookie jar, so the client's fetch adds the session cookie a browser would, and says it is
 * same-origin as a browser would for the page's own requests. Every URL it asked is kept.
 */
export interface ConsoleAdminTest {
  h: ConsoleHarness;
  client: ConsoleAdmin;
  cookie: string;
  /** The URLs the client asked for, oldest first. */
  requests: URL[];
  render(ui: ReactElement, route: string): ReturnType<typeof renderUi>;
  close(): Promise<void>;
}

export async function startConsoleAdminTest(
  username = 'admin',
  held?: Parameters<typeof consoleHarness>[1],
): Promise<ConsoleAdminTest> {
  giveBoxesASize();
  const h = await consoleHarness({}, held);
  const cookie = await signIn(h.url, username);
  const requests: URL[] = [];
  const client = createConsoleAdmin({
    baseUrl: h.url,
    fetch: (url, init) => {
      requests.push(new URL(url));
      const headers = new Headers(init.headers);
      headers.set('cookie', cookie);
      headers.set('sec-fetch-site', 'same-origin');
      // Node's own AbortSignal: jsdom's is not one Node's fetch accepts.
      return fetch(url, { ...init, headers, signal: undefined });
    },
  });
  return {
    h,
    client,
    cookie,
    requests,
    render: (ui, route) =>
      renderUi(
        <ConsoleAdminProvider client={client}>
          {ui}
          <LocationProbe />
        </ConsoleAdminProvider>,
        { route },
      ),
    close: () => h.close(),
  };
}

/** The memory router's location, for tests that read what a page wrote into the URL. */
function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

/** The search params of the location the probe shows. */
export function shownSearch(root: ParentNode = document): URLSearchParams {
  const text = root.querySelector('[data-testid="location"]')?.textContent ?? '';
  return new URLSearchParams(text.split('?')[1] ?? '');
}
