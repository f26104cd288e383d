import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Loader.css';
import { Alert, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { ApiBoot } from '../../features/session/use-api-boot';

/** Before the router: reading config.json, or why it could not be used (never a blank page). */
export function BootScreen({ boot }: { boot: ApiBoot }) {
  if (boot.status !== 'error')
    return (
      <Center h="100dvh" role="status" aria-label="Starting the console">
        <Loader />
      </Center>
    );
  return (
    <Center component="main" h="100dvh" p="md">
      <Stack maw={560}>
        <Title order={1} size="h2">
          Backup Console
        </Title>
        <Alert color="red" title="The console cannot start" role="alert">
          <Text size="sm">{boot.error.message}</Text>
          <Button mt="sm" size="xs" variant="light" onClick={() => window.location.reload()}>
            Try again
          </Button>
        </Alert>
      </Stack>
    </Center>
  );
}
