import '@mantine/core/styles/Anchor.css';
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../features/session/use-session';

/** The connections and their sign-in state, at the foot of the navigation. */
export function ConnectionsPanel() {
  const session = useSession();
  const location = useLocation();
  const signInHref = `/sign-in?${new URLSearchParams({ next: `${location.pathname}${location.search}` }).toString()}`;
  return (
    <Stack gap={6} component="section" aria-labelledby="connections-heading">
      <Text id="connections-heading" size="xs" fw={700} c="dimmed" tt="uppercase">
        Connections
      </Text>
      <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {session.connections.map((c) => {
          const s = session.sessions[c.id];
          const expired = session.expired.includes(c.id);
          const state = s ? 'signed-in' : expired ? 'expired' : 'signed-out';
          return (
            <Group key={c.id} component="li" gap={6} wrap="nowrap" data-connection={c.id} data-status={state}>
              <span
                aria-hidden
                style={{
                  width: 8,
                  height: 8,
                  borderRadius: 4,
                  flex: 'none',
                  background: `var(--mantine-color-${s ? 'green' : expired ? 'yellow' : 'gray'}-6)`,
                }}
              />
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="xs" truncate>
                  {c.label}
                </Text>
                {s ? (
                  <Text size="xs" c="dimmed">
                    Signed in · {s.role}
                  </Text>
                ) : (
                  <Anchor component={Link} to={signInHref} size="xs">
                    {expired ? 'Session expired: sign in' : 'Not signed in: sign in'}
                  </Anchor>
                )}
              </Stack>
            </Group>
          );
        })}
      </Stack>
    </Stack>
  );
}
