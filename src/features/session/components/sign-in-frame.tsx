import '@mantine/core/styles/Alert.css';
import { Alert, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The frame of a sign-in page: its title, what signing in does, and the notice of a session that
 * ended (with `ended`'s words when known), around the form.
 */
export function SignInFrame({
  intro,
  expired,
  ended,
  children,
}: {
  intro: string;
  expired: { title: string; text: string } | null;
  ended?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Center component="main" mih="100dvh" p="md">
      <Paper withBorder shadow="sm" p="lg" w="100%" maw={420}>
        <Stack gap="md">
          <Stack gap={2}>
            <Title order={1} size="h2">
              Sign in
            </Title>
            <Text size="sm" c="dimmed">
              {intro}
            </Text>
          </Stack>
          {expired && (
            <Alert color="yellow" title={expired.title} role="alert">
              {ended ?? expired.text}
            </Alert>
          )}
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
