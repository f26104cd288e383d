import '@mantine/core/styles/Paper.css';
import { Paper, SimpleGrid } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fact } from '../../../../components/fact';
import { formatDateTime } from '../../../../lib/format';
import { restoreQueries } from '../../queries';
import type { WizardChoices } from './wizard-state';

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
        <Fact label="Connection" strong>
          {connectionLabel}
        </Fact>
        <Fact label="Configuration" strong>
          {point?.configurationName ?? ''}
        </Fact>
        <Fact label="Restore point" strong>
          {`${formatDateTime(point?.completedAt)} (backup ${point?.backupId ?? ''})`}
        </Fact>
        <Fact label="From machine" strong>
          {point?.machineName ?? ''}
        </Fact>
        <Fact label="To machine" strong>
          {destination?.name ?? `agent ${choices.destinationAgentId ?? ''}`}
        </Fact>
        <Fact label="To folder" strong>
          {choices.pathMode === 'other' ? choices.path.trim() : 'The original location'}
        </Fact>
        <Fact label="Overwrite existing files" strong>
          {choices.overwrite ? 'Yes' : 'No'}
        </Fact>
        <Fact label="Encrypted backup" strong>
          {point?.encrypted ? 'Yes: the vault password is sent with the start' : 'No'}
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}
