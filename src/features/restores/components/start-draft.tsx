import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/Paper.css';
import '@mantine/core/styles/PasswordInput.css';
import { Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { toApiError } from '../../../api/api-error';
import type { Restore } from '../../../api/domain';
import { useStartRestore } from '../mutations';

/**
 * A v1.0 draft's own page: the restore was created and never started (its start was refused, or the
 * person left). Support and admin start it here, with the vault password when the backup is encrypted,
 * so that it is not lost; others only read that it has not started. The password lives in this
 * component's state and goes only into the start request.
 */
export function StartDraft({ restore, mayStart }: { restore: Restore; mayStart: boolean }) {
  const start = useStartRestore();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const needsPassword = restore.encrypted === true;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (needsPassword && !password) return setProblem('Enter the vault password of the encrypted backup.');
    setProblem(null);
    start.mutate(
      {
        connectionId: restore.connectionId,
        restoreId: restore.id,
        password: needsPassword ? password : null,
      },
      {
        onSuccess: () => {
          setPassword('');
          notifications.show({ color: 'green', message: 'The restore has started.', autoClose: 4000 });
        },
      },
    );
  };
  const refusal = problem ?? (start.isError ? toApiError(start.error).message : null);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="restore-draft-title">
      <Stack gap="sm" maw={520}>
        <Title order={2} size="h4" id="restore-draft-title">
          Not started
        </Title>
        <Text size="sm">
          This restore was created but has not started
          {mayStart ? '.' : '; a person with the support or admin role can start it.'}
        </Text>
        {mayStart && (
          <Stack gap="sm" component="form" onSubmit={submit}>
            {needsPassword && (
              <PasswordInput
                label="Vault password"
                description="The backup is encrypted. Sent only with the request that starts this restore."
                autoComplete="off"
                required
                value={password}
                onChange={(e) => {
                  setProblem(null);
                  setPassword(e.currentTarget.value);
                }}
              />
            )}
            {refusal && (
              <Text c="red" size="sm" role="alert">
                {refusal}
              </Text>
            )}
            <Button type="submit" loading={start.isPending} w="fit-content">
              Start restore
            </Button>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
