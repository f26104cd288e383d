import { ConnectionsPage } from '../../features/connections/components/connections-page';
import { ConsoleServerOnly } from './console-server-only';

/** /connections: the connections the console server holds, and their health. */
export function Component() {
  return (
    <ConsoleServerOnly title="Connections" what="the connections it holds and their health">
      <ConnectionsPage />
    </ConsoleServerOnly>
  );
}
