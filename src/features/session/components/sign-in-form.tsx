import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/PasswordInput.css';
import '@mantine/core/styles/SegmentedControl.css';
import '@mantine/core/styles/Loader.css';
import { Button, PasswordInput, SegmentedControl, Stack, TextInput } from '@mantine/core';
import type { ChangeEvent, FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { Credentials } from '../../../api/domain';
import { useHydrated } from '../../../components/use-hydrated';

export type SecretKind = 'password' | 'apiKey';

/**
 * Username and a password, or a Rackspace API key; the same credentials go to every connection.
 * Without `apiKeys` (console mode: people sign in to the console server) a password only.
 */
export function SignInForm({
  pending,
  onSubmit,
  apiKeys = true,
  label = 'Sign in',
  post,
  typedBefore = '',
  withoutCode = false,
}: {
  pending: boolean;
  onSubmit: (credentials: Credentials) => void;
  apiKeys?: boolean;
  /** The form's accessible name, where a page has more than one. */
  label?: string;
  /**
   * Where the browser itself may send the form (a password only), and the path to go on to after:
   * the console server's sign-in (console mode). The server-rendered form then works before the
   * page's code has run; once it has, `onSubmit` takes over.
   */
  post?: { action: string; next: string };
  /** The username of a sign-in the server refused, when the browser sent the form itself (`post`). */
  typedBefore?: string;
  /**
   * The server sends the page this form is on without the console's code (its form the browser sends
   * itself: src/features/session/sign-in-without-code.ts), so it renders no control only the code works.
   */
  withoutCode?: boolean;
}) {
  const [username, setUsername] = useState(typedBefore);
  const [secret, setSecret] = useState('');
  const [kind, setKind] = useState<SecretKind>('password');
  const [touched, setTouched] = useState(false);
  const usernameInput = useRef<HTMLInputElement>(null);
  const secretInput = useRef<HTMLInputElement>(null);
  // The sign-in page comes rendered from the server (src/server-render.tsx). Until its code has taken
  // the form over, the browser sends it itself where it can (`post`); elsewhere submitting would only
  // reload the page, so the button waits. What the person typed meanwhile is kept.
  const hydrated = useHydrated();
  const ready = hydrated || post !== undefined;
  useEffect(() => {
    const typedName = usernameInput.current?.value;
    const typedSecret = secretInput.current?.value;
    if (typedName) setUsername(typedName);
    if (typedSecret) setSecret(typedSecret);
  }, []);
  const usernameError = touched && !username.trim() ? 'Enter your username.' : null;
  const secretError =
    touched && !secret ? `Enter your ${kind === 'password' ? 'password' : 'API key'}.` : null;

  const password = {
    label: 'Password',
    name: 'password',
    autoComplete: 'current-password',
    ref: secretInput,
    value: secret,
    onChange: (e: ChangeEvent<HTMLInputElement>) => setSecret(e.currentTarget.value),
    error: secretError,
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!username.trim() || !secret || pending) return;
    onSubmit(
      kind === 'password'
        ? { username: username.trim(), password: secret }
        : { username: username.trim(), apiKey: secret.trim() },
    );
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={label}
      {...(post ? { method: 'post', action: post.action } : {})}
    >
      {post && <input type="hidden" name="next" value={post.next} />}
      <Stack gap="sm">
        <TextInput
          label="Username"
          name="username"
          autoComplete="username"
          ref={usernameInput}
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          error={usernameError}
          data-autofocus
        />
        {apiKeys && (
          <SegmentedControl
            aria-label="Sign in with"
            // On a phone the two choices share 350 px: a label wraps rather than read "With an API key (Rackspac".
            styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
            value={kind}
            onChange={(v) => {
              setKind(v);
              setSecret('');
            }}
            data={[
              { value: 'password', label: 'With a password' },
              { value: 'apiKey', label: 'With an API key (Rackspace)' },
            ]}
          />
        )}
        {!hydrated && withoutCode ? (
          // A page sent without the console's code: no button to show the password, which only the
          // code could make work. (A page that keeps its code renders the button, which works from
          // its hydration on, so that no field is swapped under a person typing in it.)
          <TextInput type="password" {...password} />
        ) : kind === 'password' ? (
          <PasswordInput {...password} />
        ) : (
          <PasswordInput
            label="API key"
            description="Rackspace connections accept an API key; Veeam needs a password."
            autoComplete="off"
            value={secret}
            onChange={(e) => setSecret(e.currentTarget.value)}
            error={secretError}
          />
        )}
        <Button type="submit" loading={pending} disabled={!ready}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
