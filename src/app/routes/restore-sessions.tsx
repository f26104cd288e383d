import { useState } from 'react';
import { ExploreDialog } from '../../features/restore-sessions/components/explore-dialog';
import { RestoreSessionsPage } from '../../features/restore-sessions/components/restore-sessions-page';
import { useAreaAccess } from './jobs-access';

/** /restore-sessions: the list, and "open a new one" (the explore form in a dialog). */
export function Component() {
  const { connections, permissionFor } = useAreaAccess('restoreSessions');
  const [opening, setOpening] = useState(false);
  const openable = connections.filter((c) => permissionFor(c.id, 'restore-session').allowed);
  return (
    <RestoreSessionsPage
      connections={connections}
      permissionFor={permissionFor}
      onOpenNew={openable.length > 0 ? () => setOpening(true) : undefined}
    >
      <ExploreDialog opened={opening} onClose={() => setOpening(false)} connections={openable} />
    </RestoreSessionsPage>
  );
}
