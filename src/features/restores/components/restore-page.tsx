import '@mantine/core/styles/Anchor.css';
import { Anchor, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { isInFlight } from '../../../api/domain';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState, NotFoundState } from '../../../components/states';
import { formatDateTime } from '../../../lib/format';
import { restoreQueries } from '../queries';
import { RestoreReport } from './restore-report';
import { StartDraft } from './start-draft';
import { StopRestoreButton } from './stop-restore-button';

const back = (
  <Anchor component={Link} to="/restores" size="sm">
    Back to Restores
  </Anchor>
);

/**
 * One restore: its live state while it runs, its report once it has ended; a v1.0 draft (created, never
 * started) can be started here. `mayRestore`: the person may start and stop restores on this connection.
 */
export function RestorePage({
  connectionId,
  id,
  mayRestore,
}: {
  connectionId: string;
  id: string;
  mayRestore: boolean;
}) {
  const restore = useQuery(restoreQueries.detail(connectionId, id));
  if (restore.isPending) return <LoadingState label="Loading the restore" />;
  if (restore.isError)
    return restore.error.status === 404 ? (
      <NotFoundState what="Restore">{back}</NotFoundState>
    ) : (
      <ErrorState error={restore.error} onRetry={() => void restore.refetch()} what="Restore" />
    );
  const r = restore.data;
  return (
    <>
      <PageHeader
        breadcrumbs={back}
        title={`Restore of ${r.parentName || `backup ${r.backupId}`}`}
        description={`Restore #${r.id} · restore point ${r.backupId}${r.startedAt ? ` · started ${formatDateTime(r.startedAt)}` : ''}`}
        actions={isInFlight(r.state) && mayRestore ? <StopRestoreButton restore={r} size="sm" /> : undefined}
      />
      <Stack gap="md">
        {r.draft && <StartDraft restore={r} mayStart={mayRestore} />}
        <RestoreReport restore={r} />
      </Stack>
    </>
  );
}
