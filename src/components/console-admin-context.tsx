import type { ReactNode } from 'react';
import { createContext, useContext } from 'react';
import type { ConsoleAdmin } from '../api/console-admin';
import { consoleAdmin } from '../api/console-admin';

const ConsoleAdminContext = createContext<ConsoleAdmin>(consoleAdmin);

/**
 * The client of the console server's own API that the Audit and Users pages use: the page's own
 * origin and cookie unless a test hands one of its own (a real server on a loopback port, its cookie).
 */
export function ConsoleAdminProvider({ client, children }: { client: ConsoleAdmin; children: ReactNode }) {
  return <ConsoleAdminContext.Provider value={client}>{children}</ConsoleAdminContext.Provider>;
}

export function useConsoleAdmin(): ConsoleAdmin {
  return useContext(ConsoleAdminContext);
}
