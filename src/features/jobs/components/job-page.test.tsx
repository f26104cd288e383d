// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { BackupTarget, Role } from '../../../api/domain';
import { isInFlight } from '../../../api/domain';
import { runStateLabel } from '../../../components/status-badge';
import { factText, tableRows } from '../../../components/testing/page-queries';
import { pageTestPerTest } from '../../../components/testing/page-tests';
import { formatBytes, formatCount } from '../../../lib/format';
import { JobPage } from './job-page';

const startPage = pageTestPerTest();

const sessionRows = () => tableRows('Job sessions');
const buttons = () => screen.queryAllByRole('button').map((b) => b.getAttribute('aria-label'));
const logTitles = () =>
  within(screen.getByRole('table', { name: 'Session log' }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.querySelector('td[data-message]')?.textContent);

/** A job's page as /jobs/veeam/:id renders it (the seed's first job unless `id` is given). */
async function open(role: Role, id?: string) {
  const page = await startPage(role);
  const p = page.t.runtime.provider('veeam');
  const job: BackupTarget = (await p.listTargets())[0]!;
  const jobId = id ?? job.id;
  page.render(
    <JobPage connectionId="veeam" id={jobId} permissionFor={page.access.allow} onExplore={() => undefined} />,
    `/jobs/veeam/${jobId}`,
  );
  return { page, p, job, sessions: await p.listTargetRuns(job.id) };
}

describe('JobPage', () => {
  test("a viewer reads the job's facts, its sessions, the chosen one's statistics and log, and no command", async () => {
    const { p, job, sessions } = await open('viewer');
    await screen.findByRole('heading', { level: 1, name: job.name }, { timeout: 10_000 });
    expect(factText('Enabled')).toBe('Enabled');
    expect(factText('Schedule')).toBe(job.schedule.description);
    expect(factText('Last status')).toBe(runStateLabel(job.lastRun!.state));
    await waitFor(() => expect(sessionRows()).toHaveLength(sessions.length));
    expect(sessionRows().map((r) => r.getAttribute('data-status'))).toEqual(sessions.map((s) => s.state));

    // The newest session is chosen until another is picked.
    for (const i of [0, 1]) {
      const session = sessions[i]!;
      if (i > 0) fireEvent.click(within(sessionRows()[i]!).getByRole('link'));
      await waitFor(() =>
        expect(within(sessionRows()[i]!).getByRole('link').getAttribute('aria-current')).toBe('true'),
      );
      const stats = screen.getByRole('region', { name: 'Session statistics' });
      expect(within(stats).getByText('Processed objects').nextElementSibling?.textContent).toBe(
        formatCount(session.progress.filesDone),
      );
      expect(within(stats).getByText('Transferred').nextElementSibling?.textContent).toBe(
        formatBytes(session.progress.bytesDone),
      );
      const log = (await p.listLogItems(session.id)).map((l) => l.title);
      await waitFor(() => expect(logTitles()).toEqual(log));
    }
    expect(buttons()).toEqual([]);
  });

  test('an unknown job id shows "Job not found" and the way back', async () => {
    await open('admin', '00000000-0000-4000-8000-000000000000');
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(within(alert).getByText('Job not found')).toBeTruthy();
    expect(within(alert).getByRole('link', { name: 'Back to Jobs' }).getAttribute('href')).toBe('/jobs');
  });

  test('support may start and explore only; a run started elsewhere shows by itself, then its end', async () => {
    const { page, p, job, sessions } = await open('support');
    await screen.findByRole('heading', { level: 1, name: job.name }, { timeout: 10_000 });
    expect(buttons()).toEqual([`Start ${job.name}`, `Explore ${job.name}`]);
    await p.startBackup(job.id);
    // Nothing of the job runs yet: its sessions poll at the slow pace, and the new one shows at the next poll.
    await waitFor(() => expect(sessionRows()).toHaveLength(sessions.length + 1), { timeout: 25_000 });
    expect(['queued', 'running']).toContain(sessionRows()[0]!.getAttribute('data-status'));
    expect(['Queued', 'Running']).toContain(factText('Last status'));
    expect(buttons()).toEqual([`Explore ${job.name}`]);

    await page.t.until(async () => !isInFlight((await p.listTargetRuns(job.id))[0]!.state), 5_000);
    const ended = (await p.listTargetRuns(job.id))[0]!.state;
    await waitFor(() => expect(sessionRows()[0]!.getAttribute('data-status')).toBe(ended), {
      timeout: 5_000,
    });
    expect(factText('Last status')).toBe(runStateLabel(ended));
    expect(buttons()).toEqual([`Start ${job.name}`, `Explore ${job.name}`]);
  }, 40_000);

  test('admin starts the job from its page, then stops it after confirming: the session ends Stopped', async () => {
    const { page, p, job, sessions } = await open('admin');
    await screen.findByRole('heading', { level: 1, name: job.name }, { timeout: 10_000 });
    expect(buttons()).toEqual([`Start ${job.name}`, `Disable ${job.name}`, `Explore ${job.name}`]);
    fireEvent.click(screen.getByRole('button', { name: `Start ${job.name}` }));
    await waitFor(() => expect(sessionRows()).toHaveLength(sessions.length + 1));
    await waitFor(() =>
      expect(buttons()).toEqual([`Stop ${job.name}`, `Disable ${job.name}`, `Explore ${job.name}`]),
    );

    fireEvent.click(screen.getByRole('button', { name: `Stop ${job.name}` }));
    const dialog = await screen.findByRole('dialog', { name: `Stop ${job.name}?` });
    expect(isInFlight((await p.listTargetRuns(job.id))[0]!.state)).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Stop job' }));
    await page.t.until(async () => (await p.listTargetRuns(job.id))[0]!.state === 'stopped', 1_000, 60_000);
    await waitFor(() => expect(sessionRows()[0]!.getAttribute('data-status')).toBe('stopped'), {
      timeout: 5_000,
    });
    expect(factText('Last status')).toBe('Stopped');
  });
});
