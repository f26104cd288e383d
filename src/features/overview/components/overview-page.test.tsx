// @vitest-environment jsdom
import { focusManager } from '@tanstack/react-query';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import type { PageTest } from '../../../components/testing/page-test';
import { startPageTest } from '../../../components/testing/page-test';
import { usePageAccess } from '../../../components/page-access';
import { NOT_ANSWERING_MS } from '../../../components/query-answers';
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

/** How the in-process Veeam answers from now on: as usual, with a 500, or never. */
function veeamAnswers(p: PageTest, how: 'ok' | 'fails' | 'never') {
  const app = p.t.service.app as { fetch: (request: Request) => Response | Promise<Response> };
  const own = (app as { own?: typeof app.fetch }).own ?? app.fetch;
  (app as { own?: typeof app.fetch }).own = own;
  app.fetch = (request) => {
    if (how === 'ok' || !new URL(request.url).pathname.startsWith('/v5/')) return own(request);
    if (how === 'never') return new Promise<Response>(() => undefined);
    return Response.json({ message: 'Veeam is down for the test' }, { status: 500 });
  };
}

/** The person comes back to the window: what is on screen and stale is asked again, as a poll would. */
function comeBack() {
  focusManager.setFocused(false);
  focusManager.setFocused(true);
  focusManager.setFocused(undefined);
}

describe('OverviewPage with a connection that fails or does not answer', () => {
  test("the others' runs show; a failing connection's error stays while it is asked again", async () => {
    page = await startPageTest('viewer');
    veeamAnswers(page, 'fails');
    page.render(<OverviewPage />);
    await screen.findByRole('region', { name: 'Next up' }, { timeout: 10_000 });
    const alert = () => screen.getByText('Could not load Veeam Microsoft 365').closest('[role="alert"]');
    expect(alert()?.textContent).toContain('Veeam is down for the test');
    const next = within(section('Next up')).getAllByRole('listitem');
    expect(next.some((li) => /Rackspace/.test(li.textContent ?? ''))).toBe(true);
    // Asked again, and no answer yet: its error stays, the others' counts and lists too.
    veeamAnswers(page, 'never');
    act(comeBack);
    await act(() => new Promise((r) => setTimeout(r, 200)));
    expect(alert()?.textContent).toContain('Veeam is down for the test');
    expect(screen.getByRole('region', { name: 'Next up' })).toBeTruthy();
    expect(screen.queryByRole('status', { name: 'Loading the overview' })).toBeNull();
  }, 20_000);

  test("a connection that never answers does not hold back the others', and is named after a while", async () => {
    page = await startPageTest('viewer');
    veeamAnswers(page, 'never');
    page.render(<OverviewPage />);
    await screen.findByRole('region', { name: 'Next up' }, { timeout: 5_000 });
    const next = within(section('Next up')).getAllByRole('listitem');
    expect(next.some((li) => /Rackspace/.test(li.textContent ?? ''))).toBe(true);
    expect(next.some((li) => /Veeam/.test(li.textContent ?? ''))).toBe(false);
    const notice = await screen.findByText('Veeam Microsoft 365 is not answering', undefined, {
      timeout: NOT_ANSWERING_MS + 5_000,
    });
    expect(notice.closest('[role="status"]')?.textContent).toContain('shows its runs when they come');
  }, 30_000);
});
