import '@mantine/core/styles/Input.css';
import { Group, NativeSelect, Text } from '@mantine/core';
import { SearchInput } from '../../../components/search-input';
import type { Connection } from '../../../api/domain';
import { RUN_STATES } from '../../../api/domain';
import { runStateLabel } from '../../../components/status-badge';
import { formatCount } from '../../../lib/format';
import type { ConfigurationFilters } from './configurations-filter';

/**
 * Search, connection, enabled and last-run filters. The search text is the page's (useSearchText): it
 * filters at once and reaches the URL when typing pauses; the others go into the URL as they change.
 */
export function ConfigurationsToolbar({
  filters,
  search,
  onSearch,
  connections,
  onChange,
  shown,
  total,
}: {
  filters: ConfigurationFilters;
  search: string;
  onSearch: (text: string) => void;
  connections: readonly Connection[];
  onChange: (change: Partial<ConfigurationFilters>) => void;
  shown: number;
  total: number;
}) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="sm">
      <SearchInput
        label="Search configurations"
        placeholder="Name, machine or schedule"
        value={search}
        onChange={onSearch}
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
