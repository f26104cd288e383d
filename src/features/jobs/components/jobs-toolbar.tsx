import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/SegmentedControl.css';
import { Group, NativeSelect, SegmentedControl, VisuallyHidden } from '@mantine/core';
import { SearchInput } from '../../../components/search-input';
import type { JobFilters } from './jobs-filter';

const STATUS_OPTIONS = [
  { value: 'all', label: 'Any last status' },
  { value: 'running', label: 'Running' },
  { value: 'queued', label: 'Queued' },
  { value: 'succeeded', label: 'Succeeded' },
  { value: 'warning', label: 'Warning' },
  { value: 'failed', label: 'Failed' },
  { value: 'stopped', label: 'Stopped' },
  { value: 'none', label: 'Never run' },
];

/**
 * Search, last status and enabled. The search text is the page's (useSearchText): it filters at once
 * and reaches the URL when typing pauses; the other filters go into the URL as they change.
 */
export function JobsToolbar({
  filters,
  search,
  onSearch,
  onChange,
  shown,
  total,
}: {
  filters: JobFilters;
  search: string;
  onSearch: (text: string) => void;
  onChange: (change: Partial<JobFilters>) => void;
  shown: number;
  total: number;
}) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="sm">
      <SearchInput
        label="Search jobs"
        placeholder="Name or organization"
        value={search}
        onChange={onSearch}
      />
      <NativeSelect
        label="Last status"
        data={STATUS_OPTIONS}
        value={filters.status}
        onChange={(e) => onChange({ status: e.currentTarget.value as JobFilters['status'] })}
      />
      <div>
        <VisuallyHidden id="jobs-enabled-label">Enabled</VisuallyHidden>
        <SegmentedControl
          aria-labelledby="jobs-enabled-label"
          value={filters.enabled}
          onChange={(value) => onChange({ enabled: value })}
          data={[
            { value: 'all', label: 'All' },
            { value: 'enabled', label: 'Enabled' },
            { value: 'disabled', label: 'Disabled' },
          ]}
        />
      </div>
      <span role="status" aria-live="polite" style={{ marginLeft: 'auto', fontSize: 14 }}>
        {shown === total ? `${total} jobs` : `${shown} of ${total} jobs`}
      </span>
    </Group>
  );
}
