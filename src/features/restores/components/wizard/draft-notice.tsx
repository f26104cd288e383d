import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Anchor.css';
import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { restorePath } from '../restores-table';
import { StepPassword } from './step-password';
import type { UnstartedRestore } from './use-wizard-start';

/**
 * Shown on the review step after a refused start: the restore exists (a v1.0 draft) but did not start.
 * The person corrects the vault password here and presses Start restore again, which starts this draft.
 */
export function DraftNotice({
  unstarted,
  encrypted,
  password,
  onPasswordChange,
}: {
  unstarted: UnstartedRestore;
  encrypted: boolean;
  password: string;
  onPasswordChange: (password: string) => void;
}) {
  const id = unstarted.restore.id;
  return (
    <Stack gap="sm" maw={720}>
      <Alert color="orange" title={`Restore #${id} was created but did not start`}>
        <Stack gap={4}>
          <Text size="sm">{unstarted.message}</Text>
          <Text size="sm">
            {encrypted ? 'Correct the vault password and press' : 'Press'} Start restore again: restore #{id}{' '}
            starts, no new restore is created.{' '}
            {/* The alert's own colour, underlined: a blue link on orange falls below 4.5:1. */}
            <Anchor
              component={Link}
              to={restorePath(unstarted.restore)}
              size="sm"
              c="inherit"
              underline="always"
            >
              Open restore #{id}
            </Anchor>
          </Text>
        </Stack>
      </Alert>
      {encrypted && <StepPassword password={password} onChange={onPasswordChange} />}
    </Stack>
  );
}
