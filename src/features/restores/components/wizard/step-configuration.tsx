import '@mantine/core/styles/Input.css';
import { NativeSelect, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Connection } from '../../../../api/domain';
import { SearchSelect } from '../../../../components/search-select';
import { ErrorState } from '../../../../components/states';
import { restoreQueries } from '../../queries';
import type { WizardChoices } from './wizard-state';

/** Step one: the connection (when there are several) and the configuration to restore from. */
export function StepConfiguration({
  connections,
  choices,
  onChoose,
}: {
  connections: readonly Connection[];
  choices: WizardChoices;
  onChoose: (change: Partial<WizardChoices>) => void;
}) {
  const configurations = useQuery({
    ...restoreQueries.configurations(choices.connectionId ?? ''),
    enabled: choices.connectionId !== null,
  });
  return (
    <Stack gap="md" maw={520}>
      {connections.length > 1 && (
        <NativeSelect
          label="Connection"
          value={choices.connectionId ?? ''}
          onChange={(e) => onChoose({ connectionId: e.currentTarget.value || null })}
          data={[
            { value: '', label: 'Choose a connection' },
            ...connections.map((c) => ({ value: c.id, label: c.label })),
          ]}
        />
      )}
      {configurations.isError ? (
        <ErrorState
          error={configurations.error}
          onRetry={() => void configurations.refetch()}
          title="Could not load the configurations"
        />
      ) : (
        <SearchSelect
          label="Configuration"
          description="The backup configuration whose backups you restore from."
          placeholder={configurations.isLoading ? 'Loading configurations…' : 'Search by name or machine'}
          // Thousands of configurations: only the first matches render.
          limit={50}
          nothingFoundMessage="No configuration matches"
          itemWords={{ one: 'configuration', other: 'configurations' }}
          disabled={!choices.connectionId || configurations.isLoading}
          value={choices.configurationId}
          onChange={(value) => onChoose({ configurationId: value })}
          data={(configurations.data ?? []).map((c) => ({
            value: c.id,
            label: `${c.name} (${c.machine?.name})`,
          }))}
        />
      )}
    </Stack>
  );
}
