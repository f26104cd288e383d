import { useState } from 'react';
import { useParams } from 'react-router';
import type { BackupTarget } from '../../api/domain';
import { DetailNotFound } from '../../components/detail-frame';
import { JOBS_LINK, JobPage } from '../../features/jobs/components/job-page';
import { ExploreDialog } from '../../features/restore-sessions/components/explore-dialog';
import { useAreaAccess } from './jobs-access';

/** /jobs/:connectionId/:id — one job, its sessions and their logs. */
export function Component() {
  const { connectionId = '', id = '' } = useParams();
  const { connections, permissionFor } = useAreaAccess('jobs');
  const [exploring, setExploring] = useState<BackupTarget | null>(null);
  if (!connections.some((c) => c.id === connectionId))
    return (
      <DetailNotFound
        what="Job"
        list={JOBS_LINK}
        reason={`There is no connection “${connectionId}” with jobs.`}
      />
    );
  return (
    <JobPage
      key={`${connectionId}/${id}`}
      connectionId={connectionId}
      id={id}
      permissionFor={permissionFor}
      onExplore={setExploring}
    >
      <ExploreDialog
        opened={exploring !== null}
        onClose={() => setExploring(null)}
        connections={connections.filter((c) => c.id === connectionId)}
        initialJob={exploring}
      />
    </JobPage>
  );
}
