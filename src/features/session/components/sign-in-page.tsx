import '@mantine/core/styles/Button.css';
import { Button } from '@mantine/core';
import { useRef, useState } from 'react';
import type { Credentials } from '../../../api/domain';
import type { SignInResult } from '../../../api/runtime';
import { useDocumentTitle } from '../../../components/document-title';
import { useSession } from '../use-session';
import { useSignIn } from '../use-sign-in';
import { ConnectionResults } from './connection-results';
import { SignInForm } from './sign-in-form';
import { SignInFrame } from './sign-in-frame';

/**
 * One form signs in to every connection; each connection shows its own outcome, and one that refused
 * can be retried alone. When all are in, `onDone` takes the person back to where they were.
 */
export function SignInPage({ expired, onDone }: { expired: boolean; onDone: () => void }) {
  useDocumentTitle('Sign in');
  const session = useSession();
  const signIn = useSignIn();
  const [results, setResults] = useState<Record<string, SignInResult>>({});
  const [retrying, setRetrying] = useState<string | null>(null);
  // Kept in memory only, for a retry of one connection; never stored.
  const lastCredentials = useRef<Credentials | null>(null);

  const record = (list: SignInResult[]) => {
    setResults((old) => ({ ...old, ...Object.fromEntries(list.map((r) => [r.connectionId, r])) }));
  };

  const submit = (credentials: Credentials) => {
    lastCredentials.current = credentials;
    signIn.mutate(
      { credentials },
      {
        onSuccess: (list) => {
          record(list);
          if (list.every((r) => r.ok)) onDone();
        },
      },
    );
  };

  const retry = (connectionId: string) => {
    const credentials = lastCredentials.current;
    if (!credentials) return;
    setRetrying(connectionId);
    signIn.mutate(
      { credentials, connectionId },
      {
        onSuccess: (list) => {
          record(list);
          // The retry was the last one missing: every connection is in, so on to the page asked for.
          if (
            session.connections.every((c) => c.id === connectionId || session.isSignedIn(c.id)) &&
            list.every((r) => r.ok)
          )
            onDone();
        },
        onSettled: () => setRetrying(null),
      },
    );
  };

  const tried = Object.keys(results).length > 0;
  const someIn = session.anySignedIn;
  const someRefused = Object.values(results).some((r) => !r.ok && !session.isSignedIn(r.connectionId));

  return (
    <SignInFrame
      intro="Backup Console signs you in to every connection that accepts these credentials."
      expired={
        expired ? { title: 'Your session expired', text: 'Sign in again to continue where you were.' } : null
      }
    >
      <SignInForm pending={signIn.isPending && retrying === null} onSubmit={submit} />
      <ConnectionResults
        connections={session.connections}
        sessions={session.sessions}
        results={results}
        retrying={retrying}
        onRetry={retry}
      />
      {tried && someIn && someRefused && (
        <Button variant="light" onClick={onDone}>
          Continue with the connections signed in
        </Button>
      )}
    </SignInFrame>
  );
}
