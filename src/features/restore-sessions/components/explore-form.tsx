import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/Radio.css';
import { Button, Checkbox, Group, NativeSelect, Radio, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useState } from 'react';
import type { ExploreInput, ExploreType } from '../../../api/domain';
import { EXPLORE_TYPES } from './explore-types';

export interface ExploreJobOption {
  connectionId: string;
  id: string;
  name: string;
  organizationName: string;
}

/** "2026-11-22T07:30" in the person's own zone, for a datetime-local input. */
export function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const key = (o: { connectionId: string; id: string }) => `${o.connectionId}/${o.id}`;

/**
 * Opens a Veeam restore session (the job's `explore` action): which job, the point in time to
 * explore, which Explorer, and whether deleted items and all versions show.
 */
export function ExploreForm({
  jobs,
  initialJob,
  pending,
  onSubmit,
  onCancel,
}: {
  jobs: readonly ExploreJobOption[];
  initialJob?: { connectionId: string; id: string } | null;
  pending: boolean;
  onSubmit: (connectionId: string, input: ExploreInput) => void;
  onCancel?: () => void;
}) {
  const [job, setJob] = useState(initialJob ? key(initialJob) : jobs[0] ? key(jobs[0]) : '');
  const [when, setWhen] = useState(() => localInputValue(new Date()));
  const [type, setType] = useState<ExploreType>('vex');
  const [showDeleted, setShowDeleted] = useState(false);
  const [showAllVersions, setShowAllVersions] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const chosen = jobs.find((o) => key(o) === job);
    const at = new Date(when);
    if (!chosen) return;
    if (Number.isNaN(at.getTime())) return setError('Enter a date and time, for example today at 08:00.');
    setError(null);
    onSubmit(chosen.connectionId, {
      jobId: chosen.id,
      pointInTime: at.toISOString(),
      type,
      showDeleted,
      showAllVersions,
    });
  };

  return (
    <form onSubmit={submit} aria-label="Open a restore session">
      <Stack gap="md">
        <NativeSelect
          label="Job"
          required
          value={job}
          onChange={(e) => setJob(e.currentTarget.value)}
          data={jobs.map((o) => ({ value: key(o), label: `${o.name} (${o.organizationName})` }))}
          error={jobs.length === 0 ? 'There is no job to explore.' : undefined}
        />
        <TextInput
          type="datetime-local"
          label="Point in time"
          description={`Your time zone: ${zone}. The latest restore point before it is used.`}
          required
          value={when}
          onChange={(e) => setWhen(e.currentTarget.value)}
          error={error}
        />
        <Radio.Group label="Explorer" required value={type} onChange={(v) => setType(v)}>
          <Group gap="md" mt={4}>
            {EXPLORE_TYPES.map((t) => (
              <Radio key={t.value} value={t.value} label={t.label} />
            ))}
          </Group>
        </Radio.Group>
        <Checkbox
          label="Show deleted items"
          checked={showDeleted}
          onChange={(e) => setShowDeleted(e.currentTarget.checked)}
        />
        <Checkbox
          label="Show all versions"
          checked={showAllVersions}
          onChange={(e) => setShowAllVersions(e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={pending} disabled={jobs.length === 0}>
            Open restore session
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
