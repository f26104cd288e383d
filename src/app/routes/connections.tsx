import { ConnectionsPage } from '../../features/connections/components/connections-page';

/** /connections: the connections the console server holds, and their health. */
export function Component() {
  return <ConnectionsPage />;
}
