// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import type { BackupTarget } from '../../../api/domain';
import { pageTestPerTest } from '../../../components/testing/page-tests';
import { formatDateTime } from '../../../lib/format';
import { restorePointsOf } from '../queries';
import { ExploreForm } from './explore-form';

const startPage = pageTestPerTest();

/** The form for the service's jobs, as support; `onSubmit` records what it sends. */
async function open() {
  const page = await startPage('support');
  const p = page.t.runtime.provider('veeam');
  const jobs = await p.listTargets();
  const onSubmit = vi.fn();
  page.render(<ExploreForm jobs={jobs} initialJob={jobs[0]} pending={false} onSubmit={onSubmit} />);
  const organizations = await p.listOrganizations();
  const orgOf = (job: BackupTarget) => organizations.find((o) => o.id === job.organization?.id)!;
  return { p, jobs, onSubmit, orgOf };
}

const pointSelect = () => screen.getByRole<HTMLSelectElement>('combobox', { name: 'Point in time' });
const optionLabels = () =>
  within(pointSelect())
    .getAllByRole('option')
    .map((o) => o.textContent);
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Open restore session' }));

describe('ExploreForm', () => {
  test('offers the organization’s last and first backups and the job’s restore points; the latest by default', async () => {
    const { p, jobs, onSubmit, orgOf } = await open();
    const job = jobs[0]!;
    const org = orgOf(job);
    const points = restorePointsOf(await p.listTargetRuns(job.id));
    expect(points.length).toBeGreaterThan(0);
    await waitFor(
      () => expect(optionLabels()[0]).toBe(`Latest backup · ${formatDateTime(org.lastBackupAt)}`),
      {
        timeout: 10_000,
      },
    );
    const labels = optionLabels();
    expect(labels).toContain(`First backup · ${formatDateTime(org.firstBackupAt)}`);
    expect(labels.at(-1)).toBe('Another point in time…');
    expect(labels.filter((l) => l?.startsWith('Restore point ·')).length).toBeGreaterThan(0);
    expect(screen.getByText(new RegExp(`${org.name} was backed up first`))).toBeTruthy();

    submit();
    expect(onSubmit).toHaveBeenLastCalledWith(
      'veeam',
      expect.objectContaining({ pointInTime: org.lastBackupAt }),
    );
    fireEvent.change(pointSelect(), { target: { value: org.firstBackupAt } });
    fireEvent.click(screen.getByRole('radio', { name: 'Teams' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show all versions' }));
    submit();
    expect(onSubmit).toHaveBeenLastCalledWith('veeam', {
      jobId: job.id,
      pointInTime: org.firstBackupAt,
      type: 'vet',
      showDeleted: false,
      showAllVersions: true,
    });
  });

  test('a time of one’s own is sent as typed; an empty one is refused with a message', async () => {
    const { jobs, onSubmit } = await open();
    await waitFor(() => expect(optionLabels()[0]).toMatch(/^Latest backup/), { timeout: 10_000 });
    fireEvent.change(pointSelect(), { target: { value: 'custom' } });
    const when = screen.getByLabelText(/Date and time/);
    fireEvent.change(when, { target: { value: '' } });
    // The browser would refuse the empty required field itself; the form must too.
    fireEvent.submit(when.closest('form')!);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText(/Enter a date and time/)).toBeTruthy();
    fireEvent.change(when, { target: { value: '2026-11-20T08:30' } });
    submit();
    expect(onSubmit).toHaveBeenCalledWith(
      'veeam',
      expect.objectContaining({
        jobId: jobs[0]!.id,
        pointInTime: new Date('2026-11-20T08:30').toISOString(),
      }),
    );
  });
});
