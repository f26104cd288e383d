import '@mantine/notifications/styles.css';
import { notifications } from '@mantine/notifications';
import { ConfirmActionButton } from '../../../components/confirm-action-button';
import { usePageAccess } from '../../../components/page-access';
import { useWakeAgents } from '../mutations';

/**
 * Wakes a connection's agents (Rackspace asks for this before a manual start or stop, 10–20 s ahead).
 * Offered to support and admin, on dialects that can. Its name is its visible text (WCAG 2.5.3).
 */
export function WakeAgentsButton({ connectionId }: { connectionId: string }) {
  const { allow, label } = usePageAccess();
  const wake = useWakeAgents();
  if (!allow(connectionId, 'agent.wake').allowed) return null;
  return (
    <ConfirmActionButton
      size="xs"
      variant="default"
      pending={wake.isPending}
      onAction={() =>
        wake.mutate(
          { connectionId },
          {
            onSuccess: () =>
              notifications.show({
                color: 'green',
                title: 'Agents woken',
                message: `${label(connectionId)}: agents check in within 10–20 seconds.`,
              }),
          },
        )
      }
    >
      Wake agents · {label(connectionId)}
    </ConfirmActionButton>
  );
}
