import { useState } from 'react';
import type { BackupTarget } from '../../api/domain';
import { JobsPage } from '../../features/jobs/components/jobs-page';
import { ExploreDialog } from '../../features/restore-sessions/components/explore-dialog';
import { useAreaAccess } from './jobs-access';

/** /jobs: the jobs of the connections that have them; "Explore" opens a restore session of the chosen job. */
export function Component() {
  const { connections, permissionFor } = useAreaAccess('jobs');
  const [exploring, setExploring] = useState<BackupTarget | null>(null);
  const exploreConnections = connections.filter((c) => permissionFor(c.id, 'restore-session').allowed);
  return (
    <JobsPage connections={connections} permissionFor={permissionFor} onExplore={setExploring}>
      <ExploreDialog
        opened={exploring !== null}
        onClose={() => setExploring(null)}
        connections={exploreConnections}
        initialJob={exploring}
      />
    </JobsPage>
  );
}
