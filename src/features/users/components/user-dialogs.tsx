import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/PasswordInput.css';
import { Button, Group, Modal, NativeSelect, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import { useState } from 'react';
import type { ConsoleUser } from '../../../api/console-admin';
import { consoleAdminMutations } from '../../../api/console-admin';
import { ROLES } from '../../../api/contract/roles';
import type { Role } from '../../../api/contract/roles';
import { useConsoleAdmin } from '../../../components/console-admin-context';
import { confirmationProblem, MIN_PASSWORD_LENGTH, passwordProblem, usernameProblem } from './user-rules';

export const ROLE_LABEL: Record<Role, string> = { viewer: 'Viewer', support: 'Support', admin: 'Admin' };
const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }));

const done = (message: string) => notifications.show({ color: 'green', message, autoClose: 4000 });

/** The server's refusal (or a check that failed before sending), where the form is. */
function Refusal({ children }: { children: ReactNode }) {
  return (
    <Text c="red" size="sm" role="alert">
      {children}
    </Text>
  );
}

function Actions({ onCancel, pending, submit }: { onCancel: () => void; pending: boolean; submit: string }) {
  return (
    <Group justify="flex-end" mt="sm">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={pending}>
        {submit}
      </Button>
    </Group>
  );
}

/** New user: name, role, password twice. A refusal keeps what was typed. */
export function AddUserDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Add user"
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {/* Mounted only while open: closing forgets what was typed, passwords included. */}
      {opened && <AddUserForm onClose={onClose} />}
    </Modal>
  );
}

function AddUserForm({ onClose }: { onClose: () => void }) {
  const add = useMutation(consoleAdminMutations.addUser(useConsoleAdmin(), useQueryClient()));
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [checked, setChecked] = useState(false);
  const problems = {
    username: usernameProblem(username),
    password: passwordProblem(password),
    confirmation: confirmationProblem(password, confirmation),
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (problems.username || problems.password || problems.confirmation) return;
    add.mutate(
      { username, role, password },
      {
        onSuccess: (user) => {
          done(`${user.username} can now sign in as ${ROLE_LABEL[user.role].toLowerCase()}.`);
          onClose();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="User name"
          required
          autoComplete="off"
          data-autofocus
          value={username}
          error={checked && problems.username}
          onChange={(e) => setUsername(e.currentTarget.value)}
        />
        <NativeSelect
          label="Role"
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as Role)}
          data={ROLE_OPTIONS}
        />
        <PasswordInput
          label="Password"
          description={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          required
          autoComplete="new-password"
          value={password}
          error={checked && problems.password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <PasswordInput
          label="Confirm password"
          required
          autoComplete="new-password"
          value={confirmation}
          error={checked && problems.confirmation}
          onChange={(e) => setConfirmation(e.currentTarget.value)}
        />
        {add.isError && <Refusal>{add.error.message}</Refusal>}
        <Actions onCancel={onClose} pending={add.isPending} submit="Add user" />
      </Stack>
    </form>
  );
}

/** A user's role; the server refuses to demote the last active administrator. */
export function RoleDialog({ user, onClose }: { user: ConsoleUser | null; onClose: () => void }) {
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={user ? `Change the role of ${user.username}` : ''}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {user && <RoleForm key={user.username} user={user} onClose={onClose} />}
    </Modal>
  );
}

function RoleForm({ user, onClose }: { user: ConsoleUser; onClose: () => void }) {
  const change = useMutation(consoleAdminMutations.changeUser(useConsoleAdmin(), useQueryClient()));
  const [role, setRole] = useState<Role>(user.role);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (role === user.role) return onClose();
    change.mutate(
      { username: user.username, change: { role } },
      {
        onSuccess: (u) => {
          done(
            `${u.username} is now ${ROLE_LABEL[u.role].toLowerCase()}; it applies to their sessions at once.`,
          );
          onClose();
        },
      },
    );
  };
  return (
    <Stack gap="sm" component="form" onSubmit={submit}>
      <NativeSelect
        label="Role"
        data-autofocus
        value={role}
        onChange={(e) => setRole(e.currentTarget.value as Role)}
        data={ROLE_OPTIONS}
      />
      {change.isError && <Refusal>{change.error.message}</Refusal>}
      <Actions onCancel={onClose} pending={change.isPending} submit="Save role" />
    </Stack>
  );
}

/** Disable (their sessions end) or enable a user, after asking. */
export function DisableDialog({ user, onClose }: { user: ConsoleUser | null; onClose: () => void }) {
  const verb = user?.disabled ? 'Enable' : 'Disable';
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={user ? `${verb} ${user.username}?` : ''}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {user && <DisableForm key={user.username} user={user} onClose={onClose} />}
    </Modal>
  );
}

function DisableForm({ user, onClose }: { user: ConsoleUser; onClose: () => void }) {
  const change = useMutation(consoleAdminMutations.changeUser(useConsoleAdmin(), useQueryClient()));
  const disable = !user.disabled;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate(
      { username: user.username, change: { disabled: disable } },
      {
        onSuccess: (u) => {
          done(u.disabled ? `${u.username} is disabled.` : `${u.username} can sign in again.`);
          onClose();
        },
      },
    );
  };
  return (
    <Stack gap="sm" component="form" onSubmit={submit}>
      <Text size="sm">
        {disable
          ? `${user.username} will no longer be able to sign in, and their sessions end now. The audit log keeps their name.`
          : `${user.username} will be able to sign in again, as ${ROLE_LABEL[user.role].toLowerCase()}.`}
      </Text>
      {change.isError && <Refusal>{change.error.message}</Refusal>}
      <Group justify="flex-end" mt="sm">
        {/* Focus on the safe choice: Enter at once must not disable anyone. */}
        <Button variant="default" onClick={onClose} data-autofocus>
          Cancel
        </Button>
        <Button type="submit" color={disable ? 'red.9' : undefined} loading={change.isPending}>
          {disable ? 'Disable' : 'Enable'}
        </Button>
      </Group>
    </Stack>
  );
}

/** A new password for a user; their other sessions end. */
export function PasswordDialog({ user, onClose }: { user: ConsoleUser | null; onClose: () => void }) {
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={user ? `Reset the password of ${user.username}` : ''}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {user && <PasswordForm key={user.username} user={user} onClose={onClose} />}
    </Modal>
  );
}

function PasswordForm({ user, onClose }: { user: ConsoleUser; onClose: () => void }) {
  const reset = useMutation(consoleAdminMutations.setPassword(useConsoleAdmin(), useQueryClient()));
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [checked, setChecked] = useState(false);
  const problems = {
    password: passwordProblem(password),
    confirmation: confirmationProblem(password, confirmation),
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (problems.password || problems.confirmation) return;
    reset.mutate(
      { username: user.username, password },
      {
        onSuccess: ({ user: u, sessionsEnded }) => {
          done(
            `${u.username} has a new password${sessionsEnded > 0 ? `; ${sessionsEnded} of their sessions ended` : ''}.`,
          );
          onClose();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">Their other sessions end; tell them the new password in a safe way.</Text>
        <PasswordInput
          label="New password"
          description={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          required
          autoComplete="new-password"
          data-autofocus
          value={password}
          error={checked && problems.password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <PasswordInput
          label="Confirm new password"
          required
          autoComplete="new-password"
          value={confirmation}
          error={checked && problems.confirmation}
          onChange={(e) => setConfirmation(e.currentTarget.value)}
        />
        {reset.isError && <Refusal>{reset.error.message}</Refusal>}
        <Actions onCancel={onClose} pending={reset.isPending} submit="Set password" />
      </Stack>
    </form>
  );
}
