import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/CloseButton.css';
import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseQueryResult } from '@tanstack/react-query';
import { useQueries } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { BackupTarget, Connection } from '../../../api/domain';
import { ErrorState, LoadingState } from '../../../components/states';
import { useOpenRestoreSession } from '../mutations';
import { restoreSessionQueries } from '../queries';
import { ExploreForm } from './explore-form';
import { restoreSessionPath } from './restore-sessions-table';

function combineJobs(results: UseQueryResult<BackupTarget[]>[]) {
  return {
    jobs: results.flatMap((r) => r.data ?? []),
    pending: results.some((r) => r.isPending),
    error: results.find((r) => r.error)?.error ?? null,
  };
}

/**
 * "Open a restore session": the explore form in a dialog. On success it goes to the new session's
 * page when the service names it, else to the list where the session shows up.
 */
export function ExploreDialog({
  opened,
  onClose,
  connections,
  initialJob,
}: {
  opened: boolean;
  onClose: () => void;
  /** Connections on which the person may open restore sessions. */
  connections: readonly Connection[];
  initialJob?: { connectionId: string; id: string } | null;
}) {
  const navigate = useNavigate();
  const open = useOpenRestoreSession();
  const lists = useQueries({
    queries: opened ? connections.map((c) => restoreSessionQueries.jobs(c.id)) : [],
    combine: combineJobs,
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Open a restore session"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {lists.pending ? (
        <LoadingState label="Loading jobs" rows={2} />
      ) : lists.error && lists.jobs.length === 0 ? (
        <ErrorState error={lists.error} title="Could not load the jobs" />
      ) : (
        <ExploreForm
          jobs={lists.jobs}
          initialJob={initialJob}
          pending={open.isPending}
          onCancel={onClose}
          onSubmit={(connectionId, input) =>
            open.mutate(
              { connectionId, input },
              {
                onSuccess: ({ sessionId }) => {
                  notifications.show({ color: 'green', message: 'Restore session opened.', autoClose: 4000 });
                  onClose();
                  void navigate(
                    sessionId ? restoreSessionPath({ connectionId, id: sessionId }) : '/restore-sessions',
                  );
                },
              },
            )
          }
        />
      )}
    </Modal>
  );
}
