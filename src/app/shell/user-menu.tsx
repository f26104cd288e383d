import '@mantine/core/styles/Button.css';
import { Button, Group, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useSession } from '../../features/session/use-session';
import { useSignOut } from '../../features/session/use-sign-out';
import { signedOut } from './session-gate';

/**
 * Who is signed in and as what role, and signing out. Plain text and a button rather than a dropdown
 * menu: the popover library would weigh on every first load.
 */
export function UserMenu() {
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const signedIn = Object.values(session.sessions);
  const first = signedIn[0];
  if (!first) return null;
  const roles = [...new Set(signedIn.map((s) => s.role))].join(', ');
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" visibleFrom="xs" data-testid="current-user">
        {first.username}{' '}
        <Text span c="dimmed" size="sm" data-testid="current-role">
          ({roles})
        </Text>
      </Text>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconLogout size={14} aria-hidden />}
        onClick={() => {
          signedOut();
          signOut();
          void navigate('/sign-in', { replace: true });
        }}
      >
        Sign out
      </Button>
    </Group>
  );
}
