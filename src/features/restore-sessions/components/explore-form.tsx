import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/Radio.css';
import { Button, Checkbox, Group, NativeSelect, Radio, Stack } from '@mantine/core';
import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { BackupTarget, ExploreInput, ExploreType } from '../../../api/domain';
import { EXPLORE_TYPES } from './explore-types';
import type { PointInTimeValue } from './point-in-time-field';
import {
  LATEST,
  PointInTimeField,
  localInputValue,
  pointInTimeOf,
  usePointChoices,
} from './point-in-time-field';

/** A target to open a session of: what the form shows of it. */
export type ExploreJobOption = Pick<BackupTarget, 'connectionId' | 'id' | 'name' | 'organization'>;

const key = (o: { connectionId: string; id: string }) => `${o.connectionId}/${o.id}`;

/**
 * Opens a Veeam restore session (the job's `explore` action): which job, the point in time to
 * explore (one of the backups the service knows of, or a time of one's own), which Explorer, and
 * whether deleted items and all versions show.
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
  const [when, setWhen] = useState<PointInTimeValue>(() => ({
    choice: LATEST,
    custom: localInputValue(new Date()),
  }));
  const [type, setType] = useState<ExploreType>('vex');
  const [showDeleted, setShowDeleted] = useState(false);
  const [showAllVersions, setShowAllVersions] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = jobs.find((o) => key(o) === job);
  const points = usePointChoices(
    chosen?.connectionId ?? '',
    chosen?.id ?? '',
    chosen?.organization?.id ?? null,
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    const at = pointInTimeOf(when, points.choices);
    if (!at) return setError('Enter a date and time, for example today at 08:00.');
    setError(null);
    onSubmit(chosen.connectionId, {
      jobId: chosen.id,
      pointInTime: at,
      type,
      showDeleted,
      showAllVersions,
    });
  };

  // The form's first field takes the focus when the form shows in a dialog that gave it to its close
  // button meanwhile (the jobs were still loading as the dialog opened) or to nothing.
  const jobField = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    const field = jobField.current;
    const focused = document.activeElement;
    const dialog = field?.closest('[role="dialog"]');
    if (!field || !dialog) return;
    if (
      focused === null ||
      focused === document.body ||
      (dialog.contains(focused) && focused.closest('header'))
    )
      field.focus();
  }, []);
  return (
    <form onSubmit={submit} aria-label="Open a restore session">
      <Stack gap="md">
        <NativeSelect
          ref={jobField}
          data-autofocus
          label="Job"
          required
          value={job}
          onChange={(e) => {
            setJob(e.currentTarget.value);
            // Another job has other restore points: start again from its latest.
            setWhen((w) => ({ ...w, choice: LATEST }));
          }}
          data={jobs.map((o) => ({ value: key(o), label: `${o.name} (${o.organization?.name ?? ''})` }))}
          error={jobs.length === 0 ? 'There is no job to explore.' : undefined}
        />
        <PointInTimeField
          value={when}
          onChange={setWhen}
          choices={points.choices}
          pending={points.pending}
          organization={points.organization}
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
