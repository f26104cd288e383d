import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { isInFlight } from '../../../api/domain';
import type { ListLink } from '../../../components/detail-frame';
import { DetailFrame } from '../../../components/detail-frame';
import { formatDateTime } from '../../../lib/format';
import { restoreQueries } from '../queries';
import { RestoreReport } from './restore-report';
import { StartDraft } from './start-draft';
import { StopRestoreButton } from './stop-restore-button';

export const RESTORES_LINK: ListLink = { to: '/restores', label: 'Restores' };

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
  return (
    <DetailFrame query={restore} what="Restore" list={RESTORES_LINK} id={id}>
      {(r) => ({
        title: `Restore of ${r.parentName || `backup ${r.backupId}`}`,
        description: `Restore #${r.id} · restore point ${r.backupId}${r.startedAt ? ` · started ${formatDateTime(r.startedAt)}` : ''}`,
        actions: isInFlight(r.state) && mayRestore ? <StopRestoreButton restore={r} size="sm" /> : undefined,
        body: (
          <Stack gap="md">
            {r.draft && <StartDraft restore={r} mayStart={mayRestore} />}
            <RestoreReport restore={r} />
          </Stack>
        ),
      })}
    </DetailFrame>
  );
}
