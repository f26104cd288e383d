import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/SegmentedControl.css';
import { Group, NativeSelect, SegmentedControl, TextInput, VisuallyHidden } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
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
 * Search, last status and enabled. The search box keeps its own text so typing stays instant; the
 * URL (and the filtering it drives) follows on every keystroke without re-rendering the box itself.
 */
export function JobsToolbar({
  filters,
  onChange,
  shown,
  total,
}: {
  filters: JobFilters;
  onChange: (change: Partial<JobFilters>) => void;
  shown: number;
  total: number;
}) {
  const [text, setText] = useState(filters.q);
  const [urlQ, setUrlQ] = useState(filters.q);
  // What this box wrote recently: the URL catches up a beat later and must not undo newer typing.
  const [sent, setSent] = useState<string[]>([]);
  if (filters.q !== urlQ) {
    setUrlQ(filters.q);
    // A value we never wrote came from elsewhere (back/forward, a shared link): show it.
    if (!sent.includes(filters.q)) setText(filters.q);
  }

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="sm">
      <TextInput
        label="Search jobs"
        placeholder="Name or organization"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={text}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setText(value);
          setSent((s) => [...s.slice(-30), value]);
          onChange({ q: value });
        }}
        w={260}
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
