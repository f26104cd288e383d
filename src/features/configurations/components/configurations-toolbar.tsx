import '@mantine/core/styles/Input.css';
import { Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { Connection } from '../../../api/domain';
import { RUN_STATES, runStateLabel } from '../../../components/status-badge';
import { useOutsideNavigationKey } from '../../../components/use-outside-navigation-key';
import { formatCount } from '../../../lib/format';
import type { ConfigurationFilters } from './configurations-filter';

/** Search, connection, enabled and last-run filters; every change goes into the URL. */
export function ConfigurationsToolbar({
  filters,
  connections,
  onChange,
  shown,
  total,
}: {
  filters: ConfigurationFilters;
  connections: readonly Connection[];
  onChange: (change: Partial<ConfigurationFilters>) => void;
  shown: number;
  total: number;
}) {
  const searchKey = useOutsideNavigationKey();
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="sm">
      <TextInput
        key={searchKey}
        label="Search configurations"
        placeholder="Name, machine or schedule"
        leftSection={<IconSearch size={16} aria-hidden />}
        defaultValue={filters.q}
        onChange={(e) => onChange({ q: e.currentTarget.value })}
        w={260}
      />
      <NativeSelect
        label="Connection"
        value={filters.connection}
        onChange={(e) => onChange({ connection: e.currentTarget.value })}
        data={[
          { value: 'all', label: 'All connections' },
          ...connections.map((c) => ({ value: c.id, label: c.label })),
        ]}
      />
      <NativeSelect
        label="Enabled"
        value={filters.enabled}
        onChange={(e) => onChange({ enabled: e.currentTarget.value as ConfigurationFilters['enabled'] })}
        data={[
          { value: 'all', label: 'Enabled or not' },
          { value: 'enabled', label: 'Enabled' },
          { value: 'disabled', label: 'Disabled' },
        ]}
      />
      <NativeSelect
        label="Last run"
        value={filters.state}
        onChange={(e) => onChange({ state: e.currentTarget.value as ConfigurationFilters['state'] })}
        data={[
          { value: 'all', label: 'Any result' },
          ...RUN_STATES.map((s) => ({ value: s, label: runStateLabel(s) })),
          { value: 'never', label: 'Never run' },
        ]}
      />
      <Text size="sm" ml="auto" role="status" aria-live="polite">
        {shown === total
          ? `${formatCount(total)} configurations`
          : `${formatCount(shown)} of ${formatCount(total)} configurations`}
      </Text>
    </Group>
  );
}
