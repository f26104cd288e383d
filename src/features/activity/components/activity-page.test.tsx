// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { PageTest } from '../../../components/testing/page-test';
import { startPageTest } from '../../../components/testing/page-test';
import { ActivityPage } from './activity-page';

let page: PageTest | null = null;
afterEach(() => {
  cleanup();
  page?.close();
  page = null;
});

const rows = () => [
  ...(screen
    .queryByRole('table', { name: 'Activity' })
    ?.querySelectorAll<HTMLElement>('tbody tr[data-kind]') ?? []),
];
const kinds = () => new Set(rows().map((r) => r.getAttribute('data-kind')));

describe('ActivityPage', () => {
  test('runs of every kind and connection; the kind and time range filter them', async () => {
    page = await startPageTest('viewer');
    page.render(<ActivityPage />, '/activity?range=all');
    await waitFor(() => expect(rows().length).toBeGreaterThan(5), { timeout: 10_000 });
    const shownCount = () =>
      Number(
        /^([\d,]+) runs$/.exec(screen.getByText(/^[\d,]+ runs$/).textContent ?? '')?.[1]?.replace(/,/g, ''),
      );
    // Count all only once every connection's runs have arrived (each answers in its own time).
    for (const id of ['rackspace-dfw', 'rackspace-ord', 'veeam']) {
      fireEvent.change(screen.getByLabelText('Connection'), { target: { value: id } });
      await waitFor(() => expect(rows().length).toBeGreaterThan(0), { timeout: 10_000 });
    }
    fireEvent.change(screen.getByLabelText('Connection'), { target: { value: 'all' } });
    await waitFor(() => expect(shownCount()).toBeGreaterThan(50));
    const all = shownCount();
    for (const kind of ['backup', 'restore', 'job-session']) {
      fireEvent.change(screen.getByLabelText('Kind'), { target: { value: kind } });
      await waitFor(() => expect([...kinds()]).toEqual([kind]));
      expect(shownCount()).toBeLessThan(all);
    }
    // Backups of each Rackspace connection, one connection at a time.
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'backup' } });
    for (const [id, label] of [
      ['rackspace-dfw', 'Rackspace DFW'],
      ['rackspace-ord', 'Rackspace ORD'],
    ]) {
      fireEvent.change(screen.getByLabelText('Connection'), { target: { value: id } });
      await waitFor(() => {
        expect(rows().length).toBeGreaterThan(0);
        for (const r of rows()) expect(r.textContent).toContain(label);
      });
    }
    fireEvent.change(screen.getByLabelText('Connection'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('Time range'), { target: { value: '1h' } });
    await waitFor(() => expect(shownCount()).toBeLessThan(all));
  }, 45_000);

  test('a run started elsewhere shows in flight, then its final state, without a reload', async () => {
    page = await startPageTest('admin');
    page.render(<ActivityPage />, '/activity?state=in-flight&kind=backup');
    const p = page.t.runtime.provider('rackspace-ord');
    await screen.findByLabelText('State', {}, { timeout: 10_000 });
    const target = (await p.listTargets()).find((c) => c.enabled)!;
    const { runId } = await p.startBackup(target.id);
    const row = () => rows().find((r) => r.textContent?.includes(target.name));
    await waitFor(() => expect(['queued', 'running']).toContain(row()?.getAttribute('data-status')), {
      timeout: 25_000,
    });
    await page.t.until(
      async () =>
        (await p.getBackup(runId!)).state !== 'queued' && (await p.getBackup(runId!)).state !== 'running',
      30_000,
    );
    // Ended: it leaves the in-flight filter at the next fast poll.
    await waitFor(() => expect(row()).toBeUndefined(), { timeout: 5_000 });
  }, 45_000);
});
