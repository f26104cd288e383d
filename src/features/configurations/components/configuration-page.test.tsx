// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { PageTest } from '../../../components/testing/page-test';
import { startPageTest } from '../../../components/testing/page-test';
import { formatDateTime, formatPercent } from '../../../lib/format';
import { ConfigurationPage } from './configuration-page';

let page: PageTest | null = null;
afterEach(() => {
  cleanup();
  page?.close();
  page = null;
});

/** Starts a backup of an idle configuration of `connectionId` and ticks the service until it transfers. */
async function transferring(p: PageTest, connectionId: string) {
  const provider = p.t.runtime.provider(connectionId);
  const configuration = (await provider.listTargets()).find((c) => c.enabled && !c.currentRunId)!;
  const { runId } = await provider.startBackup(configuration.id);
  await p.t.until(
    async () => (await provider.getBackup(runId!)).vendorState.match(/^in_?progress$/i) !== null,
    2_000,
  );
  p.t.tick(2_000);
  return { configuration, backup: await provider.getBackup(runId!) };
}

describe('the current run of a configuration', () => {
  test('v1.0: the start of the run and its live counters, from its report', async () => {
    page = await startPageTest('support');
    const { configuration, backup } = await transferring(page, 'rackspace-dfw');
    page.render(<ConfigurationPage connectionId="rackspace-dfw" id={configuration.id} />);
    const card = await screen.findByRole('region', { name: 'Current run' }, { timeout: 10_000 });
    await waitFor(() => expect(within(card).getByTestId('current-run').dataset.status).toBe('running'));
    expect(within(card).getByText(`Started ${formatDateTime(backup.startedAt)}`)).toBeTruthy();
    expect(within(card).getByText(/ done · [\d,]+ files · /)).toBeTruthy();
  });

  test('v2: the percent and what is left are what the events say remains', async () => {
    page = await startPageTest('support');
    const provider = page.t.runtime.provider('rackspace-ord');
    const configuration = (await provider.listTargets()).find((c) => c.enabled && !c.currentRunId)!;
    const { runId } = await provider.startBackup(configuration.id);
    await page.t.until(async () => ((await provider.getBackup(runId!)).progress.percent ?? 0) >= 60, 200);
    const backup = await provider.getBackup(runId!);
    expect(backup.state).toBe('running');
    page.render(<ConfigurationPage connectionId="rackspace-ord" id={configuration.id} />);
    const card = await screen.findByRole('region', { name: 'Current run' }, { timeout: 10_000 });
    const bar = await within(card).findByRole('progressbar', { name: `Progress of ${configuration.name}` });
    expect(Number(bar.getAttribute('aria-valuenow'))).toBe(backup.progress.percent);
    expect(within(card).getByText(formatPercent(backup.progress.percent))).toBeTruthy();
    expect(within(card).getByText(/ left · /)).toBeTruthy();
  });
});

test('with no backup running, the Current run card keeps the last one: outcome, end, size (issue 10 §11)', async () => {
  page = await startPageTest('viewer');
  const provider = page.t.runtime.provider('rackspace-ord');
  const configuration = (await provider.listTargets()).find((c) => !c.currentRunId && c.lastRun)!;
  page.render(<ConfigurationPage connectionId="rackspace-ord" id={configuration.id} />);
  const card = await screen.findByRole('region', { name: 'Current run' }, { timeout: 10_000 });
  const last = await within(card).findByTestId('last-run', undefined, { timeout: 10_000 });
  const newest = (await provider.listTargetRuns(configuration.id)).find((r) => r.endedAt)!;
  expect(last.dataset.status).toBe(newest.state);
  expect(last.textContent).toContain(`ended ${formatDateTime(newest.endedAt)}`);
});

test('an unknown configuration says so, with breadcrumbs and the way back (issue 12 item 5)', async () => {
  page = await startPageTest('viewer');
  page.render(<ConfigurationPage connectionId="rackspace-ord" id="00000000-0000-4000-8000-000000000000" />);
  const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
  expect(within(alert).getByText('Configuration not found')).toBeTruthy();
  const back = within(alert).getByRole('link', { name: 'Back to Configurations' });
  expect(back.getAttribute('href')).toBe('/configurations');
  expect(screen.getByRole('link', { name: 'Configurations' }).getAttribute('href')).toBe('/configurations');
});
