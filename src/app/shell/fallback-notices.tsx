import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Button.css';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../api/api-error';
import { setMutationErrorHandler } from '../../api/query-client';

/** The title of a failed command's notice, here and in the notifications host. */
export function failedActionTitle(error: ApiError): string {
  return error.status === 403 ? 'Not allowed' : 'The action failed';
}

/** As many as the notifications host shows at once. */
const LIMIT = 4;

interface Notice {
  id: number;
  error: ApiError;
}

let nextId = 0;

/**
 * While the notifications host's code could not be loaded (src/app/app.tsx): a failed command is still
 * reported, with the service's message, by this plain stand-in made of what the page has loaded already,
 * and it says how to get the usual notices back.
 */
export function FallbackNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  useEffect(
    () =>
      setMutationErrorHandler((error) =>
        setNotices((shown) => [...shown, { id: (nextId += 1), error }].slice(-LIMIT)),
      ),
    [],
  );
  if (notices.length === 0) return null;
  return (
    <Stack
      gap="xs"
      pos="fixed"
      bottom="var(--mantine-spacing-md)"
      right="var(--mantine-spacing-md)"
      maw="min(440px, calc(100vw - 2 * var(--mantine-spacing-md)))"
      style={{ zIndex: 400 }}
    >
      {notices.map(({ id, error }) => (
        <Alert
          key={id}
          color="red"
          title={failedActionTitle(error)}
          role="alert"
          variant="outline"
          bg="var(--mantine-color-body)"
        >
          <Text size="sm">{error.message}</Text>
          <Text size="xs" c="dimmed" mt={4}>
            The console&apos;s notices could not be loaded: it was updated or the network dropped.
          </Text>
          <Group mt="xs" gap="xs">
            <Button size="xs" variant="light" onClick={() => window.location.reload()}>
              Reload
            </Button>
            <Button
              size="xs"
              variant="subtle"
              onClick={() => setNotices((shown) => shown.filter((n) => n.id !== id))}
            >
              Dismiss
            </Button>
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}
