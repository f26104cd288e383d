import { notifications } from '@mantine/notifications';
import type { RestoreSession } from '../../../api/domain';
import { ConfirmActionButton } from '../../../components/confirm-action-button';
import { useStopRestoreSession } from '../mutations';

/** Stops an open restore session, after asking: whoever browses it loses the session. */
export function StopSessionButton({ session, size = 'xs' }: { session: RestoreSession; size?: 'xs' | 'sm' }) {
  const stop = useStopRestoreSession();
  const name = session.parentName || 'this restore session';
  return (
    <ConfirmActionButton
      size={size}
      variant="light"
      color="red"
      aria-label={`Stop ${name}`}
      pending={stop.isPending}
      confirm={{
        title: 'Stop the restore session?',
        message: `${name} closes; anyone browsing it loses access to its items.`,
        confirmLabel: 'Stop session',
      }}
      onAction={() =>
        stop
          .mutateAsync({ connectionId: session.connectionId, sessionId: session.id })
          .then(() =>
            notifications.show({ color: 'green', message: 'Restore session stopped.', autoClose: 4000 }),
          )
      }
    >
      Stop
    </ConfirmActionButton>
  );
}
