import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/PasswordInput.css';
import { Button, Group, Modal, NativeSelect, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { QueryClient, UseMutationOptions } from '@tanstack/react-query';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import { useState } from 'react';
import type { ConsoleAdmin, ConsoleUser } from '../../../api/console-admin';
import { consoleAdminMutations } from '../../../api/console-admin';
import { ROLES } from '../../../api/contract/roles';
import type { Role } from '../../../api/contract/roles';
import { useConsoleAdmin } from '../../../components/console-admin-context';
import { confirmationProblem, MIN_PASSWORD_LENGTH, passwordProblem, usernameProblem } from './user-rules';

export const ROLE_LABEL: Record<Role, string> = { viewer: 'Viewer', support: 'Support', admin: 'Admin' };
const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }));

const done = (message: string) => notifications.show({ color: 'green', message, autoClose: 4000 });

/** Every dialog here: centred, its close button named. */
function FormDialog({
  opened,
  title,
  onClose,
  children,
}: {
  opened: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {children}
    </Modal>
  );
}

interface UserFormProps {
  user: ConsoleUser;
  onClose: () => void;
}

/**
 * A dialog about one user, open while there is one. Its form is mounted only while open and afresh
 * for each user: closing forgets what was typed, passwords included.
 */
function userDialog(title: (user: ConsoleUser) => string, Form: (props: UserFormProps) => ReactNode) {
  return function UserDialog({ user, onClose }: { user: ConsoleUser | null; onClose: () => void }) {
    return (
      <FormDialog opened={user !== null} title={user ? title(user) : ''} onClose={onClose}>
        {user && <Form key={user.username} user={user} onClose={onClose} />}
      </FormDialog>
    );
  };
}

/** A dialog's change: sent; once done, said in a notification and the dialog closed. */
function useChange<Input, Answer, Failure extends Error>(
  options: (client: ConsoleAdmin, queryClient: QueryClient) => UseMutationOptions<Answer, Failure, Input>,
  onClose: () => void,
  said: (answer: Answer) => string,
) {
  const mutation = useMutation(options(useConsoleAdmin(), useQueryClient()));
  const send = (input: Input) =>
    mutation.mutate(input, {
      onSuccess: (answer) => {
        done(said(answer));
        onClose();
      },
    });
  return { mutation, send };
}

/**
 * A dialog's form: its fields, the server's refusal (or a check that failed before sending) where the
 * form is, then Cancel and the button that sends it.
 */
function DialogForm({
  change,
  onSubmit,
  onCancel,
  submit,
  color,
  focusCancel = false,
  children,
}: {
  change: { error: Error | null; isPending: boolean };
  onSubmit: (e: FormEvent) => void;
  onCancel: () => void;
  submit: string;
  color?: string;
  /** Focus Cancel when the dialog opens, where Enter at once must not send. */
  focusCancel?: boolean;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        {children}
        {change.error && (
          <Text c="red" size="sm" role="alert">
            {change.error.message}
          </Text>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} data-autofocus={focusCancel || undefined}>
            Cancel
          </Button>
          <Button type="submit" color={color} loading={change.isPending}>
            {submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * A form whose fields are checked before sending: `submit` sends only when no check has a problem,
 * and the problems show (`checked`) from the first try on.
 */
function useCheckedSubmit(problems: Record<string, string | null>, send: () => void) {
  const [checked, setChecked] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (!Object.values(problems).some(Boolean)) send();
  };
  return { checked, submit };
}

/** A new password, typed twice; the two fields and their checks. */
function useNewPassword() {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  return {
    password,
    confirmation,
    setPassword,
    setConfirmation,
    problems: {
      password: passwordProblem(password),
      confirmation: confirmationProblem(password, confirmation),
    },
  };
}

function NewPasswordInputs({
  label,
  value,
  checked,
  focus = false,
}: {
  /** "Password"; the second field is "Confirm password". */
  label: string;
  value: ReturnType<typeof useNewPassword>;
  checked: boolean;
  focus?: boolean;
}) {
  const fields = [
    {
      label,
      description: `At least ${MIN_PASSWORD_LENGTH} characters.`,
      focus,
      text: value.password,
      problem: value.problems.password,
      set: value.setPassword,
    },
    {
      label: `Confirm ${label.toLowerCase()}`,
      focus: false,
      text: value.confirmation,
      problem: value.problems.confirmation,
      set: value.setConfirmation,
    },
  ];
  return fields.map((f) => (
    <PasswordInput
      key={f.label}
      label={f.label}
      description={f.description}
      required
      autoComplete="new-password"
      data-autofocus={f.focus || undefined}
      value={f.text}
      error={checked && f.problem}
      onChange={(e) => f.set(e.currentTarget.value)}
    />
  ));
}

/** New user: name, role, password twice. A refusal keeps what was typed. */
export function AddUserDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <FormDialog opened={opened} title="Add user" onClose={onClose}>
      {/* Mounted only while open: closing forgets what was typed, passwords included. */}
      {opened && <AddUserForm onClose={onClose} />}
    </FormDialog>
  );
}

function AddUserForm({ onClose }: { onClose: () => void }) {
  const add = useChange(consoleAdminMutations.addUser, onClose, (user) => {
    return `${user.username} can now sign in as ${ROLE_LABEL[user.role].toLowerCase()}.`;
  });
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const password = useNewPassword();
  const usernameCheck = usernameProblem(username);
  const { checked, submit } = useCheckedSubmit({ username: usernameCheck, ...password.problems }, () =>
    add.send({ username, role, password: password.password }),
  );
  return (
    <DialogForm change={add.mutation} onSubmit={submit} onCancel={onClose} submit="Add user">
      <TextInput
        label="User name"
        required
        autoComplete="off"
        data-autofocus
        value={username}
        error={checked && usernameCheck}
        onChange={(e) => setUsername(e.currentTarget.value)}
      />
      <NativeSelect
        label="Role"
        value={role}
        onChange={(e) => setRole(e.currentTarget.value as Role)}
        data={ROLE_OPTIONS}
      />
      <NewPasswordInputs label="Password" value={password} checked={checked} />
    </DialogForm>
  );
}

function RoleForm({ user, onClose }: UserFormProps) {
  const change = useChange(consoleAdminMutations.changeUser, onClose, (u) => {
    return `${u.username} is now ${ROLE_LABEL[u.role].toLowerCase()}; it applies to their sessions at once.`;
  });
  const [role, setRole] = useState<Role>(user.role);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (role === user.role) onClose();
    else change.send({ username: user.username, change: { role } });
  };
  return (
    <DialogForm change={change.mutation} onSubmit={submit} onCancel={onClose} submit="Save role">
      <NativeSelect
        label="Role"
        data-autofocus
        value={role}
        onChange={(e) => setRole(e.currentTarget.value as Role)}
        data={ROLE_OPTIONS}
      />
    </DialogForm>
  );
}

function DisableForm({ user, onClose }: UserFormProps) {
  const change = useChange(consoleAdminMutations.changeUser, onClose, (u) =>
    u.disabled ? `${u.username} is disabled.` : `${u.username} can sign in again.`,
  );
  const disable = !user.disabled;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.send({ username: user.username, change: { disabled: disable } });
  };
  return (
    // Focus on the safe choice: Enter at once must not disable anyone.
    <DialogForm
      change={change.mutation}
      onSubmit={submit}
      onCancel={onClose}
      submit={disable ? 'Disable' : 'Enable'}
      color={disable ? 'red.9' : undefined}
      focusCancel
    >
      <Text size="sm">
        {disable
          ? `${user.username} will no longer be able to sign in, and their sessions end now. The audit log keeps their name.`
          : `${user.username} will be able to sign in again, as ${ROLE_LABEL[user.role].toLowerCase()}.`}
      </Text>
    </DialogForm>
  );
}

function PasswordForm({ user, onClose }: UserFormProps) {
  const reset = useChange(consoleAdminMutations.setPassword, onClose, ({ user: u, sessionsEnded }) => {
    const ended = sessionsEnded > 0 ? `; ${sessionsEnded} of their sessions ended` : '';
    return `${u.username} has a new password${ended}.`;
  });
  const password = useNewPassword();
  const { checked, submit } = useCheckedSubmit(password.problems, () =>
    reset.send({ username: user.username, password: password.password }),
  );
  return (
    <DialogForm change={reset.mutation} onSubmit={submit} onCancel={onClose} submit="Set password">
      <Text size="sm">Their other sessions end; tell them the new password in a safe way.</Text>
      <NewPasswordInputs label="New password" value={password} checked={checked} focus />
    </DialogForm>
  );
}

/** A user's role; the server refuses to demote the last active administrator. */
export const RoleDialog = userDialog((u) => `Change the role of ${u.username}`, RoleForm);

/** Disable (their sessions end) or enable a user, after asking. */
export const DisableDialog = userDialog(
  (u) => `${u.disabled ? 'Enable' : 'Disable'} ${u.username}?`,
  DisableForm,
);

/** A new password for a user; their other sessions end. */
export const PasswordDialog = userDialog((u) => `Reset the password of ${u.username}`, PasswordForm);
