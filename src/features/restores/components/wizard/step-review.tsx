import '@mantine/core/styles/Paper.css';
import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '../../../../lib/format';
import { restoreQueries } from '../../queries';
import type { WizardChoices } from './wizard-state';

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" fw={500} component="dd" m={0} style={{ wordBreak: 'break-word' }}>
        {value}
      </Text>
    </Stack>
  );
}

/** The last step: everything the restore will do, read back before it starts. */
export function StepReview({
  connectionLabel,
  choices,
}: {
  connectionLabel: string;
  choices: WizardChoices;
}) {
  // Already loaded by the destination step; read from the cache for the machine's name.
  const agents = useQuery(restoreQueries.agents(choices.connectionId ?? ''));
  const point = choices.point;
  const destination = agents.data?.find((a) => a.id === choices.destinationAgentId);
  return (
    <Paper withBorder p="md" radius="md" maw={720} component="section" aria-label="Review the restore">
      <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0}>
        <Row label="Connection" value={connectionLabel} />
        <Row label="Configuration" value={point?.configurationName ?? ''} />
        <Row
          label="Restore point"
          value={`${formatDateTime(point?.completedAt)} (backup ${point?.backupId ?? ''})`}
        />
        <Row label="From machine" value={point?.machineName ?? ''} />
        <Row label="To machine" value={destination?.name ?? `agent ${choices.destinationAgentId ?? ''}`} />
        <Row
          label="To folder"
          value={choices.pathMode === 'other' ? choices.path.trim() : 'The original location'}
        />
        <Row label="Overwrite existing files" value={choices.overwrite ? 'Yes' : 'No'} />
        <Row
          label="Encrypted backup"
          value={point?.encrypted ? 'Yes: the vault password is sent with the start' : 'No'}
        />
      </SimpleGrid>
    </Paper>
  );
}
