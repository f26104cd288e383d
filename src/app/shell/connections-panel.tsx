import '@mantine/core/styles/Anchor.css';
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { Liveness } from '../../components/live-indicator';
import { livenessWords, useLiveStatus } from '../../components/live-indicator';
import { useSession } from '../../features/session/use-session';

/** The dot of a signed-in connection, by how its requests go. */
const DOT: Record<Liveness, string> = {
  live: 'green',
  reconnecting: 'yellow',
  failing: 'red',
  offline: 'red',
};

/**
 * The connections and their sign-in state, at the foot of the navigation; a signed-in one whose
 * requests fail (or, console mode, that the server says fails) says so, with the reason.
 */
export function ConnectionsPanel() {
  const session = useSession();
  const status = useLiveStatus();
  const health = new Map([...status.elsewhere, ...status.connections].map((c) => [c.id, c]));
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
          const h = s ? health.get(c.id) : undefined;
          const liveness = h?.liveness ?? 'live';
          return (
            <Group
              key={c.id}
              component="li"
              gap={6}
              wrap="nowrap"
              data-connection={c.id}
              data-status={state}
              data-liveness={s ? liveness : undefined}
            >
              <span
                aria-hidden
                style={{
                  width: 8,
                  height: 8,
                  borderRadius: 4,
                  flex: 'none',
                  background: `var(--mantine-color-${s ? DOT[liveness] : expired ? 'yellow' : 'gray'}-6)`,
                }}
              />
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="xs" truncate>
                  {c.label}
                </Text>
                {s ? (
                  <>
                    <Text size="xs" c="dimmed">
                      Signed in · {s.role}
                    </Text>
                    {h && liveness !== 'live' && (
                      <Text size="xs" c="dimmed" lineClamp={3} title={h.reason}>
                        {livenessWords(h).replace(/^./, (first) => first.toUpperCase())}
                      </Text>
                    )}
                  </>
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
