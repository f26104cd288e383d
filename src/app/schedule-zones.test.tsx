// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { BackupTarget } from '../api/domain';
import { zoneOfWindowsName } from '../api/rackspace-v1/windows-zones';
import { factText, tableRows } from '../components/testing/page-queries';
import { areaAccess } from '../components/testing/area-access';
import { pageTestPerTest } from '../components/testing/page-tests';
import { ConfigurationPage } from '../features/configurations/components/configuration-page';
import { ConfigurationsPage } from '../features/configurations/components/configurations-page';
import { JobPage } from '../features/jobs/components/job-page';
import { JobsPage } from '../features/jobs/components/jobs-page';
import { formatScheduleZone } from '../lib/format';

const startPage = pageTestPerTest();

/** "Eastern Standard Time (UTC-05:00)" at the configuration's next run. */
const zoneOf = (c: BackupTarget) => formatScheduleZone(c.schedule.zone!, c.nextRunAt ?? undefined);
const OFFSET = /\(UTC[+-]\d{2}:\d{2}\)$/;

/** Issue 10 §14: each schedule shows the time zone it runs in, as far as the vendor tells it. */
describe('schedules show their time zone', () => {
  test('the adapters read the zone each vendor gives: a Windows name on v1.0, an IANA name on v2, none on Veeam', async () => {
    const page = await startPage('viewer');
    const provider = (id: string) => page.t.runtime.provider(id);
    const v1 = (await provider('rackspace-dfw').listTargets()).filter((c) => !c.schedule.manual);
    expect(v1.length).toBeGreaterThan(0);
    for (const c of v1) {
      expect(c.schedule.zone?.name).toMatch(/Time$|^UTC$/);
      expect(c.schedule.zone?.iana).toBe(zoneOfWindowsName(c.schedule.zone!.name));
      expect(zoneOf(c)).toMatch(c.schedule.zone?.name === 'UTC' ? /^UTC$/ : OFFSET);
    }
    const v2 = (await provider('rackspace-ord').listTargets()).filter((c) => !c.schedule.manual);
    expect(v2.length).toBeGreaterThan(0);
    for (const c of v2) {
      expect(c.schedule.zone?.name).toMatch(/^[A-Za-z_]+(\/[A-Za-z_]+)*$/);
      expect(c.schedule.zone?.iana).toBe(c.schedule.zone?.name);
    }
    // The reference service runs Veeam schedules on UTC, and a daily job's next run shows it.
    const jobs = await provider('veeam').listTargets();
    expect(jobs.every((j) => j.schedule.zone === null || j.schedule.zone.name === 'Veeam server time')).toBe(
      true,
    );
    expect(jobs.every((j) => j.schedule.zone?.iana == null)).toBe(true);
    const daily = jobs.filter((j) => / at \d{1,2}:\d{2} [AP]M$/.test(j.schedule.description));
    const dated = daily.filter((j) => j.nextRunAt && j.enabled);
    expect(dated.length).toBeGreaterThan(0);
    for (const j of dated) expect(j.schedule.zone?.offsetMinutes).toBe(0);
    // A periodic job's next run tells nothing of the server's clock.
    for (const j of jobs.filter((x) => /^Every /.test(x.schedule.description)))
      expect(j.schedule.zone?.offsetMinutes ?? null).toBeNull();
  });

  test('the Configurations list and a configuration page show each schedule with its zone', async () => {
    const page = await startPage('viewer');
    const configurations = [
      ...(await page.t.runtime.provider('rackspace-dfw').listTargets()),
      ...(await page.t.runtime.provider('rackspace-ord').listTargets()),
    ];
    page.render(<ConfigurationsPage />, '/configurations');
    await waitFor(() => expect(tableRows('Configurations').length).toBeGreaterThan(5), { timeout: 10_000 });
    let seen = 0;
    for (const row of tableRows('Configurations')) {
      const name = within(row).getAllByRole('link')[0]!.textContent;
      const c = configurations.find((x) => x.name === name)!;
      const cell = within(row).getByText(c.schedule.description).parentElement!;
      if (c.schedule.manual) continue;
      expect(cell.textContent).toBe(`${c.schedule.description}${zoneOf(c)}`);
      seen += 1;
    }
    expect(seen).toBeGreaterThan(0);

    const c = configurations.find((x) => !x.schedule.manual && x.connectionId === 'rackspace-dfw')!;
    page.render(<ConfigurationPage connectionId={c.connectionId} id={c.id} />, `/configurations/x/${c.id}`);
    await screen.findByRole('heading', { level: 1, name: c.name }, { timeout: 10_000 });
    expect(factText('Time zone')).toBe(zoneOf(c));
    expect(factText('Time zone')).toMatch(OFFSET);
  });

  test('the Jobs list and a job page say Veeam schedules run on the Veeam server time, with the offset it shows', async () => {
    const page = await startPage('viewer');
    const jobs = await page.t.runtime.provider('veeam').listTargets();
    const { connections, permissionFor } = areaAccess(page.access, 'jobs');
    page.render(
      <JobsPage connections={connections} permissionFor={permissionFor} onExplore={() => undefined} />,
      '/jobs',
    );
    await waitFor(() => expect(tableRows('Jobs').length).toBeGreaterThan(3), { timeout: 10_000 });
    for (const row of tableRows('Jobs')) {
      const job = jobs.find((j) => j.name === within(row).getAllByRole('link')[0]!.textContent)!;
      const cell = within(row).getByText(job.schedule.description).parentElement!;
      if (job.schedule.manual) continue;
      const zone =
        job.schedule.zone!.offsetMinutes === 0 ? 'Veeam server time (UTC+00:00)' : 'Veeam server time';
      expect(cell.children[1]?.textContent).toBe(zone);
    }

    const job: BackupTarget = jobs.find(
      (j) => j.enabled && j.nextRunAt && j.schedule.zone?.offsetMinutes === 0,
    )!;
    page.render(
      <JobPage
        connectionId="veeam"
        id={job.id}
        permissionFor={page.access.allow}
        onExplore={() => undefined}
      />,
      `/jobs/veeam/${job.id}`,
    );
    await screen.findByRole('heading', { level: 1, name: job.name }, { timeout: 10_000 });
    expect(factText('Time zone')).toBe('Veeam server time (UTC+00:00)');
  });
});
