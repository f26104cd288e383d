import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Paper.css';
import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import type { Connection } from '../../../api/domain';
import { apiRuntime } from '../../../api/runtime';
import { useStableCallback } from '../../../components/use-stable-callback';
import { usePersonalSignIn } from '../use-sign-in';
import { SignInForm } from './sign-in-form';

/**
 * Console mode, signed in to the console: the connections that sign in each person with their own
 * vendor account and are not signed in yet (or whose sign-in ended), one form each. The person may
 * go on without them; those connections then stay out of the pages until they sign in.
 */
export function PersonalSignIns({ pending, onDone }: { pending: Connection[]; onDone: () => void }) {
  const left = pending;
  // The last one signed in: on to the page (its form is gone by then, so its own callback cannot).
  const done = useStableCallback(onDone);
  useEffect(() => {
    if (left.length === 0) done();
  }, [left.length, done]);
  return (
    <Stack gap="md">
      <Text size="sm">
        You are signed in to the console.{' '}
        {left.length === 1 ? 'One connection signs' : 'These connections sign'} in each person with their own
        account:
      </Text>
      {left.map((c) => (
        <PersonalSignIn key={c.id} connection={c} />
      ))}
      <Button variant="default" onClick={onDone}>
        {left.length === 0 ? 'Continue' : 'Continue without'}
      </Button>
    </Stack>
  );
}

function PersonalSignIn({ connection }: { connection: Connection }) {
  const signIn = usePersonalSignIn();
  const ended = apiRuntime().personalSignInEndedBecause(connection.id);
  const headingId = `personal-${connection.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {connection.label}
        </Title>
        {signIn.error ? (
          <Alert color="red" title={`Not signed in to ${connection.label}`} role="alert">
            {signIn.error.message}
          </Alert>
        ) : (
          ended && (
            <Alert color="yellow" title={`Your sign-in to ${connection.label} ended`} role="alert">
              {ended}
            </Alert>
          )
        )}
        <SignInForm
          pending={signIn.isPending}
          label={`Sign in to ${connection.label}`}
          onSubmit={(credentials) => signIn.mutate({ connectionId: connection.id, credentials })}
        />
      </Stack>
    </Paper>
  );
}
