import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/Radio.css';
import { Checkbox, Group, Radio, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { SearchSelect } from '../../../../components/search-select';
import { ErrorState } from '../../../../components/states';
import { restoreQueries } from '../../queries';
import type { WizardChoices } from './wizard-state';

/** Step three: which machine, the original place or another folder, and whether to overwrite. */
export function StepDestination({
  connectionId,
  choices,
  onChoose,
}: {
  connectionId: string;
  choices: WizardChoices;
  onChoose: (change: Partial<WizardChoices>) => void;
}) {
  const agents = useQuery(restoreQueries.agents(connectionId));
  return (
    <Stack gap="md" maw={520}>
      {agents.isError ? (
        <ErrorState
          error={agents.error}
          onRetry={() => void agents.refetch()}
          title="Could not load the machines"
        />
      ) : (
        <SearchSelect
          label="Destination machine"
          description="A machine with a backup agent in the same region."
          placeholder={agents.isLoading ? 'Loading machines…' : 'Search machines'}
          limit={50}
          nothingFoundMessage="No machine matches"
          itemWords={{ one: 'machine', other: 'machines' }}
          disabled={agents.isLoading}
          value={choices.destinationAgentId}
          onChange={(value) => onChoose({ destinationAgentId: value })}
          data={(agents.data ?? []).map((a) => ({
            value: a.id,
            label: `${a.name}${a.online ? '' : ' (offline)'}${a.id === choices.point?.agentId ? ' (original machine)' : ''}`,
          }))}
        />
      )}
      <Radio.Group
        label="Restore to"
        value={choices.pathMode}
        onChange={(v) => onChoose({ pathMode: v === 'other' ? 'other' : 'original' })}
      >
        <Group gap="md" mt={4}>
          <Radio value="original" label="The original location" />
          <Radio value="other" label="Another folder" />
        </Group>
      </Radio.Group>
      {choices.pathMode === 'other' && (
        <TextInput
          label="Folder"
          placeholder="/srv/restored or D:\restored"
          required
          value={choices.path}
          onChange={(e) => onChoose({ path: e.currentTarget.value })}
        />
      )}
      <Checkbox
        label="Overwrite files that already exist"
        checked={choices.overwrite}
        onChange={(e) => onChoose({ overwrite: e.currentTarget.checked })}
      />
    </Stack>
  );
}
