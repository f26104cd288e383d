// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import type { PageTest } from '../../../components/testing/page-test';
import { startPageTest } from '../../../components/testing/page-test';
import { usePageAccess } from '../../../components/page-access';
import { OverviewPage } from './overview-page';
import { useOverview } from './use-overview';

let page: PageTest | null = null;
afterEach(() => {
  cleanup();
  page?.close();
  page = null;
});

const section = (name: string) => screen.getByRole('region', { name });

describe('OverviewPage', () => {
  test('counts the last day by state and lists what failed and what is next, across connections', async () => {
    page = await startPageTest('viewer');
    page.render(<OverviewPage />);
    await screen.findByRole('region', { name: 'Next up' }, { timeout: 10_000 });
    // The counts are of the last day; "Failed or missed" lists those runs (at most 20).
    const count = (state: string) =>
      Number(
        /\d+$/.exec(screen.getByLabelText(new RegExp(`^${state}: \\d+$`)).getAttribute('aria-label')!)?.[0],
      );
    expect(
      screen.getAllByLabelText(/^(Queued|Running|Succeeded|Warning|Failed|Stopped|Skipped|Missed): \d+$/),
    ).toHaveLength(8);
    const failedItems = within(section('Failed or missed')).queryAllByRole('listitem');
    expect(count('Failed') + count('Missed')).toBeGreaterThan(0);
    expect(failedItems).toHaveLength(Math.min(20, count('Failed') + count('Missed')));
    expect(count('Succeeded')).toBeGreaterThan(0);
    const next = within(section('Next up'))
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(next.length).toBeGreaterThan(0);
    // Rackspace configurations and Veeam jobs both come up next.
    expect(next.some((t) => /Rackspace/.test(t))).toBe(true);
    expect(next.some((t) => /Veeam/.test(t))).toBe(true);
  });

  test('a run started elsewhere appears under "Running now" by itself, with its connection', async () => {
    page = await startPageTest('admin');
    page.render(<OverviewPage />);
    await screen.findByRole('region', { name: 'Running now' }, { timeout: 10_000 });
    const p = page.t.runtime.provider('veeam');
    const job = (await p.listTargets()).find(
      (j) => j.enabled && j.lastRun?.state !== 'running' && j.lastRun?.state !== 'queued',
    )!;
    await p.startBackup(job.id);
    // The job-session feed polls at the slow pace while nothing of Veeam runs; the item shows up at
    // the next poll and from then on the feed is fast.
    await waitFor(
      () => {
        const items = within(section('Running now')).queryAllByRole('listitem');
        expect(items.some((li) => li.textContent?.includes(job.name))).toBe(true);
      },
      { timeout: 25_000 },
    );
    const item = within(section('Running now'))
      .getAllByRole('listitem')
      .find((li) => li.textContent?.includes(job.name))!;
    expect(item.textContent).toContain('Veeam Microsoft 365');
    expect(['queued', 'running']).toContain(item.getAttribute('data-status'));
  }, 40_000);
});

describe('useOverview', () => {
  test('renders once, not twice, when every answer is already there (the page the server rendered, or one come back to)', async () => {
    page = await startPageTest('viewer');
    const renders = { first: 0, second: 0 };
    function Counted({ name }: { name: keyof typeof renders }) {
      const o = useOverview(usePageAccess());
      renders[name] += 1;
      return <p>{`${name}: ${o.body.loaded ? 'loaded' : 'waiting'}`}</p>;
    }
    function Both() {
      const [second, setSecond] = useState(false);
      return (
        <>
          <Counted name="first" />
          {second ? <Counted name="second" /> : <button onClick={() => setSecond(true)}>Second</button>}
        </>
      );
    }
    page.render(<Both />);
    await screen.findByText('first: loaded', undefined, { timeout: 10_000 });
    // The answers are in the cache now: the second one's first render has them all.
    fireEvent.click(screen.getByRole('button', { name: 'Second' }));
    expect(screen.getByText('second: loaded')).toBeTruthy();
    expect(renders.second).toBe(1);
  });
});
