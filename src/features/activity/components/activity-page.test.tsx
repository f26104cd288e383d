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
  test('runs of every kind and connection, newest first; the kind and time range filter them', async () => {
    page = await startPageTest('viewer');
    page.render(<ActivityPage />, '/activity?range=all');
    await waitFor(() => expect(kinds().size).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
    expect(kinds()).toContain('backup');
    expect(kinds()).toContain('job-session');
    const all = Number(
      /^([\d,]+) runs$/.exec(screen.getByText(/^[\d,]+ runs$/).textContent ?? '')?.[1]?.replace(/,/g, ''),
    );
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'job-session' } });
    await waitFor(() => expect([...kinds()]).toEqual(['job-session']));
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('Time range'), { target: { value: '1h' } });
    await waitFor(() => {
      const shown = Number(
        /^([\d,]+) runs$/.exec(screen.getByText(/^[\d,]+ runs$/).textContent ?? '')?.[1]?.replace(/,/g, ''),
      );
      expect(shown).toBeLessThan(all);
    });
  });

  test('a run started elsewhere shows in flight, then its final state, without a reload', async () => {
    page = await startPageTest('admin');
    page.render(<ActivityPage />, '/activity?state=in-flight&kind=backup');
    const p = page.t.runtime.provider('rackspace-ord');
    await screen.findByLabelText('State', {}, { timeout: 10_000 });
    const target = (await p.listConfigurations()).find((c) => c.enabled)!;
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
