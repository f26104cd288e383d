import '@mantine/core/styles/Input.css';
import { NativeSelect, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { runStateLabel } from '../../../components/status-badge';
import { NONE, formatDateTime } from '../../../lib/format';
import { restoreSessionQueries } from '../queries';

/** What the person chose: a backup time the service told (ISO), or `custom` with their own time. */
export interface PointInTimeValue {
  choice: string;
  /** "2026-11-22T07:30" in the person's own zone, used when `choice` is `custom`. */
  custom: string;
}

export const CUSTOM = 'custom';
/** Until the person picks: the organization's last backup once it is known. */
export const LATEST = 'latest';

/** "2026-11-22T07:30" in the person's own zone, for a datetime-local input. */
export function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

interface Choice {
  value: string;
  label: string;
}

/**
 * The choices for a job: its organization's last and first backup times (Veeam's `lastBackuptime`
 * and `firstBackuptime`), the job's own restore points between them, and a time of one's own.
 */
export function pointChoices(
  organization: { firstBackupAt: string | null; lastBackupAt: string | null } | null,
  points: readonly { at: string; state: Parameters<typeof runStateLabel>[0] }[],
): Choice[] {
  const out: Choice[] = [];
  const last = organization?.lastBackupAt;
  const first = organization?.firstBackupAt;
  if (last) out.push({ value: last, label: `Latest backup · ${formatDateTime(last)}` });
  for (const p of points)
    if (p.at !== last && p.at !== first)
      out.push({ value: p.at, label: `Restore point · ${formatDateTime(p.at)} (${runStateLabel(p.state)})` });
  if (first && first !== last) out.push({ value: first, label: `First backup · ${formatDateTime(first)}` });
  out.push({ value: CUSTOM, label: 'Another point in time…' });
  return out;
}

/** The choice shown: LATEST becomes the first choice; one no longer offered becomes CUSTOM. */
function shownChoice(value: PointInTimeValue, choices: readonly Choice[]): string {
  const selected = value.choice === LATEST ? (choices[0]?.value ?? CUSTOM) : value.choice;
  return choices.some((c) => c.value === selected) ? selected : CUSTOM;
}

/** The ISO point in time a value stands for; null when a custom time is not a date. */
export function pointInTimeOf(value: PointInTimeValue, choices: readonly Choice[]): string | null {
  const shown = shownChoice(value, choices);
  if (shown !== CUSTOM) return shown;
  const at = new Date(value.custom);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** The job's organization and restore points, read when the job is chosen. */
export function usePointChoices(connectionId: string, jobId: string, organizationId: string | null) {
  const organizations = useQuery({
    ...restoreSessionQueries.organizations(connectionId),
    enabled: !!connectionId,
  });
  const points = useQuery({
    ...restoreSessionQueries.restorePoints(connectionId, jobId),
    enabled: !!connectionId && !!jobId,
  });
  const organization = organizations.data?.find((o) => o.id === organizationId) ?? null;
  return {
    organization,
    choices: pointChoices(organization, points.data ?? []),
    pending: organizations.isPending || points.isPending,
  };
}

/** "Point in time": a restore point the service knows, or a date and time of one's own. */
export function PointInTimeField({
  value,
  onChange,
  choices,
  pending,
  organization,
  error,
}: {
  value: PointInTimeValue;
  onChange: (value: PointInTimeValue) => void;
  choices: readonly Choice[];
  pending: boolean;
  organization: { name: string; firstBackupAt: string | null; lastBackupAt: string | null } | null;
  error: string | null;
}) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const known = shownChoice(value, choices);
  return (
    <Stack gap="xs">
      <NativeSelect
        label="Point in time"
        description={
          organization
            ? `${organization.name} was backed up first ${formatDateTime(organization.firstBackupAt)}, last ${formatDateTime(organization.lastBackupAt)}.`
            : pending
              ? 'Reading the organization’s backups…'
              : `The organization’s backup times are not known (${NONE}).`
        }
        value={known}
        onChange={(e) => onChange({ ...value, choice: e.currentTarget.value })}
        data={choices.map((c) => ({ value: c.value, label: c.label }))}
        error={known === CUSTOM ? undefined : error}
      />
      {known === CUSTOM && (
        <TextInput
          type="datetime-local"
          label="Date and time"
          description={`Your time zone: ${zone}. The latest restore point before it is used.`}
          required
          value={value.custom}
          onChange={(e) => onChange({ ...value, custom: e.currentTarget.value })}
          error={error}
        />
      )}
    </Stack>
  );
}
