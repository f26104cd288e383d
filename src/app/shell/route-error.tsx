import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Loader.css';
import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** Shown while a page's code loads for the first time. */
export function PageFallback() {
  return (
    <Center py="xl" role="status" aria-label="Loading the page">
      <Loader size="sm" />
    </Center>
  );
}

/** A page that failed to load or render: a message a person can act on, never a raw stack. */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  // A new deployment renames the page chunks; reloading fetches the new ones.
  const staleChunk =
    error instanceof Error &&
    /dynamically imported module|Loading chunk|Unable to preload CSS/i.test(error.message);
  if (error && !notFound) console.error(error);
  return (
    <Stack p="md" maw={640}>
      <Alert
        color={notFound ? 'gray' : 'red'}
        icon={<IconAlertTriangle aria-hidden />}
        title={notFound ? 'Page not found' : 'This page ran into a problem'}
        role="alert"
      >
        <Text size="sm">
          {notFound
            ? 'There is no page at this address.'
            : staleChunk
              ? 'The console was updated or the network dropped while loading this page.'
              : 'Something unexpected happened while showing this page. The rest of the console still works.'}
        </Text>
        <Group mt="sm" gap="xs">
          <Button size="xs" variant="light" onClick={() => window.location.reload()}>
            Reload
          </Button>
          <Button size="xs" variant="subtle" component={Link} to="/">
            Go to the overview
          </Button>
        </Group>
      </Alert>
    </Stack>
  );
}
