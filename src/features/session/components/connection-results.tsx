import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Loader.css';
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { Connection } from '../../../api/domain';
import type { SignInResult } from '../../../api/runtime';
import type { ConnectionSession } from '../../../api/session-store';
import { VENDOR_WORD_LABEL } from '../../../components/vendor-word';

/**
 * One line per connection: signed in (with the role), refused (with the service's message and a
 * retry for that connection alone), or not tried yet.
 */
export function ConnectionResults({
  connections,
  sessions,
  results,
  retrying,
  onRetry,
}: {
  connections: readonly Connection[];
  sessions: Readonly<Record<string, ConnectionSession>>;
  results: Readonly<Record<string, SignInResult>>;
  retrying: string | null;
  onRetry: (connectionId: string) => void;
}) {
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Connections">
      {connections.map((c) => {
        const session = sessions[c.id];
        const result = results[c.id];
        const error = !session && result && !result.ok ? result.error : null;
        const failed = error?.message ?? null;
        return (
          <Paper key={c.id} component="li" withBorder p="xs" data-connection={c.id}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Stack gap={0}>
                <Text size="sm" fw={500}>
                  {c.label}
                </Text>
                {failed && (
                  <Text
                    size="xs"
                    c="var(--mantine-color-error)"
                    role="alert"
                    title={error?.vendorMessage ? `${VENDOR_WORD_LABEL}: ${error.vendorMessage}` : undefined}
                  >
                    {failed}
                  </Text>
                )}
              </Stack>
              {session ? (
                <Badge color="green" variant="light" data-status="signed-in">
                  Signed in · {session.role}
                </Badge>
              ) : failed ? (
                <Button
                  size="compact-xs"
                  variant="light"
                  loading={retrying === c.id}
                  onClick={() => onRetry(c.id)}
                  aria-label={`Retry ${c.label}`}
                >
                  Retry
                </Button>
              ) : (
                <Badge color="gray" variant="light" data-status="signed-out">
                  Not signed in
                </Badge>
              )}
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
