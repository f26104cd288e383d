import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Divider.css';
import { Alert, Button, Divider } from '@mantine/core';
import { useState } from 'react';
import { CONSOLE_API_PATH } from '../../../api/console-call';
import { apiRuntime } from '../../../api/runtime';
import { useDocumentTitle } from '../../../components/document-title';
import { signInWorksWithoutCode } from '../sign-in-without-code';
import { useSession } from '../use-session';
import { useConsoleSignIn } from '../use-sign-in';
import { PersonalSignIns } from './personal-sign-ins';
import { SignInForm } from './sign-in-form';
import { SignInFrame } from './sign-in-frame';

/**
 * Console mode's sign-in: one console account for every connection (the console server holds the
 * vendors' credentials), with a password or, when the server has one, single sign-on. A refusal is
 * shown in the form with the server's words; `error` is what a single sign-on that failed came back with.
 */
export function ConsoleSignInPage({
  expired,
  next,
  error,
  username,
  onDone,
}: {
  expired: boolean;
  /**
   * Where single sign-on and the browser's own sending of the form return to (the password sign-in
   * the page's code sends calls `onDone`).
   */
  next: string;
  error: string | null;
  /** The username of the sign-in `error` refused, as the browser sent the form itself. */
  username: string;
  onDone: () => void;
}) {
  useDocumentTitle('Sign in');
  const runtime = apiRuntime();
  const signIn = useConsoleSignIn();
  const oidc = runtime.consoleMode?.oidc ?? null;
  const ended = runtime.consoleSessionEndedBecause();
  const refused = signIn.error?.message ?? (signIn.isIdle ? error : null);
  const session = useSession();
  // Signed in to the console, with connections that sign in each person with their own account.
  const pending = session.anySignedIn ? runtime.personalSignInsPending() : [];
  const [step, setStep] = useState<'console' | 'personal'>(pending.length > 0 ? 'personal' : 'console');

  if (step === 'personal')
    return (
      <SignInFrame
        intro="Sign in to the connections that need your own account."
        expired={
          expired ? { title: 'A sign-in ended', text: 'Sign in again to continue where you were.' } : null
        }
        ended={null}
      >
        <PersonalSignIns pending={pending} onDone={onDone} />
      </SignInFrame>
    );

  return (
    <SignInFrame
      intro="Sign in to Backup Console with your console account; it reaches every connection for you."
      expired={
        expired ? { title: 'Your session ended', text: 'Sign in again to continue where you were.' } : null
      }
      ended={ended}
    >
      {refused && (
        <Alert color="red" title="Not signed in" role="alert">
          {refused}
        </Alert>
      )}
      <SignInForm
        apiKeys={false}
        pending={signIn.isPending}
        post={{ action: `${CONSOLE_API_PATH}/session/form`, next }}
        typedBefore={username}
        withoutCode={signInWorksWithoutCode(runtime)}
        onSubmit={(credentials) =>
          signIn.mutate(
            { username: credentials.username, password: credentials.password ?? '' },
            {
              onSuccess: () => (runtime.personalSignInsPending().length > 0 ? setStep('personal') : onDone()),
            },
          )
        }
      />
      {oidc && (
        <>
          <Divider label="or" labelPosition="center" />
          <Button
            component="a"
            variant="default"
            href={`${oidc.start}?${new URLSearchParams({ next }).toString()}`}
          >
            {oidc.label}
          </Button>
        </>
      )}
    </SignInFrame>
  );
}
