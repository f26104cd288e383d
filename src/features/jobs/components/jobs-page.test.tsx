// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { BackupTarget, Role } from '../../../api/domain';
import { areaAccess } from '../../../components/testing/area-access';
import { tableRows } from '../../../components/testing/page-queries';
import { pageTestPerTest } from '../../../components/testing/page-tests';
import { JobsPage } from './jobs-page';

const startPage = pageTestPerTest();

const rows = () => tableRows('Jobs');
const buttonNames = (row: HTMLElement) =>
  within(row)
    .queryAllByRole('button')
    .map((b) => b.getAttribute('aria-label') ?? '');

/** The Jobs page as the /jobs route renders it; resolves once the service's jobs are in the table. */
async function open(role: Role, route = '/jobs') {
  const page = await startPage(role);
  const jobs = await page.t.runtime.provider('veeam').listTargets();
  const explored: BackupTarget[] = [];
  const { connections, permissionFor } = areaAccess(page.access, 'jobs');
  page.render(
    <JobsPage connections={connections} permissionFor={permissionFor} onExplore={(j) => explored.push(j)} />,
    route,
  );
  const count = await screen.findByText(/ jobs$/, { selector: '[role="status"]' }, { timeout: 10_000 });
  return { page, jobs, explored, count };
}

describe('JobsPage', () => {
  test('a viewer sees every Veeam job with its organization and no command', async () => {
    const { jobs, count } = await open('viewer');
    expect(count.textContent).toBe(`${jobs.length} jobs`);
    expect(rows()).toHaveLength(jobs.length);
    for (const job of jobs) {
      const row = screen.getByRole('link', { name: job.name }).closest('tr')!;
      expect(row.textContent).toContain(job.organization?.name);
    }
    expect(rows().flatMap(buttonNames)).toEqual([]);
  });

  test('support may start and explore, never stop, enable or disable; Explore hands over the job', async () => {
    const { jobs, explored } = await open('support');
    for (const row of rows()) {
      const name = within(row).getAllByRole('link')[0]!.textContent;
      expect(buttonNames(row)).toEqual([`Start ${name}`, `Explore ${name}`]);
    }
    const job = jobs[1]!;
    fireEvent.click(screen.getByRole('button', { name: `Explore ${job.name}` }));
    expect(explored.map((j) => j.id)).toEqual([job.id]);
  });

  test('admin may disable an enabled job, after confirming, and enable a disabled one', async () => {
    const { page, jobs } = await open('admin');
    for (const job of jobs)
      expect(
        screen.getByRole('button', { name: `${job.enabled ? 'Disable' : 'Enable'} ${job.name}` }),
      ).toBeTruthy();
    const job = jobs.find((j) => j.enabled)!;
    const row = () => rows().find((r) => within(r).queryByRole('link', { name: job.name }))!;
    fireEvent.click(within(row()).getByRole('button', { name: `Disable ${job.name}` }));
    const dialog = await screen.findByRole('dialog', { name: `Disable ${job.name}?` });
    expect(row().getAttribute('data-enabled')).toBe('true');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Disable job' }));
    await waitFor(() => expect(row().getAttribute('data-enabled')).toBe('false'));
    expect(within(row()).getByRole('button', { name: `Enable ${job.name}` })).toBeTruthy();
    expect((await page.t.runtime.provider('veeam').getTarget(job.id)).enabled).toBe(false);
  });

  test('search, last status and enabled filter the list and say how many of how many', async () => {
    const { jobs, count } = await open('viewer');
    const expectShown = async (match: (j: BackupTarget) => boolean) => {
      const names = jobs.filter(match).map((j) => j.name);
      expect(names.length).toBeGreaterThan(0);
      expect(names.length).toBeLessThan(jobs.length);
      await waitFor(() => expect(count.textContent).toBe(`${names.length} of ${jobs.length} jobs`));
      const shown = rows().map((r) => within(r).getAllByRole('link')[0]!.textContent);
      expect(shown.sort()).toEqual(names.sort());
    };
    fireEvent.change(screen.getByLabelText('Search jobs'), { target: { value: 'exchange' } });
    await expectShown((j) => j.name.toLowerCase().includes('exchange'));
    fireEvent.change(screen.getByLabelText('Search jobs'), { target: { value: '' } });
    // One kind of Enabled filter on every list: the list frame's select (issue 12 item 5).
    fireEvent.change(screen.getByLabelText('Enabled'), { target: { value: 'disabled' } });
    await expectShown((j) => !j.enabled);
    fireEvent.change(screen.getByLabelText('Enabled'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('Last status'), { target: { value: 'warning' } });
    await expectShown((j) => j.lastRun?.state === 'warning');
  });

  test('a link whose search matches nothing opens filtered and says so', async () => {
    const { jobs, count } = await open('viewer', '/jobs?q=nothing-is-called-like-this');
    expect(count.textContent).toBe(`0 of ${jobs.length} jobs`);
    expect(screen.getByLabelText('Search jobs')).toHaveProperty('value', 'nothing-is-called-like-this');
    expect(screen.getByText('No job matches these filters')).toBeTruthy();
    expect(rows()).toEqual([]);
  });
});
