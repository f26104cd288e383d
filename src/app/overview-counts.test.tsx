// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, expect, test } from 'vitest';
import type { PageTest } from '../components/testing/page-test';
import { startPageTest } from '../components/testing/page-test';
import { ActivityPage } from '../features/activity/components/activity-page';
import { OverviewPage } from '../features/overview/components/overview-page';

let page: PageTest | null = null;
afterEach(() => {
  cleanup();
  page?.close();
  page = null;
});

const STATES = ['Running', 'Queued', 'Succeeded', 'Warning', 'Failed', 'Missed', 'Stopped', 'Skipped'];

/** The Overview, with the Activity page its counts link to (a fresh query cache each time). */
const showOverview = (p: PageTest) =>
  p.render(
    <Routes>
      <Route path="/" element={<OverviewPage />} />
      <Route path="/activity" element={<ActivityPage />} />
    </Routes>,
  );

test("each of the Overview's counts links to the Activity of that state over the last 24 hours, which shows as many runs (issue 10 §14)", async () => {
  page = await startPageTest('viewer');
  showOverview(page);
  await screen.findByRole('region', { name: 'Next up' }, { timeout: 10_000 });
  const links = STATES.map((label) => screen.getByRole('link', { name: new RegExp(`^${label}: \\d+$`) }));
  expect(links.map((a) => a.getAttribute('href'))).toEqual(
    STATES.map((label) => `/activity?state=${label.toLowerCase()}`),
  );
  const counts = links.map((a) => Number(/\d+$/.exec(a.getAttribute('aria-label') ?? '')?.[0]));
  expect(counts.some((n) => n > 0)).toBe(true);

  // The same runs: the count on the Overview is the number of runs Activity shows for it.
  for (const [i, label] of STATES.entries()) {
    if (i > 0) {
      cleanup();
      showOverview(page);
    }
    const link = await screen.findByRole(
      'link',
      { name: new RegExp(`^${label}: \\d+$`) },
      { timeout: 10_000 },
    );
    const count = Number(/\d+$/.exec(link.getAttribute('aria-label') ?? '')?.[0]);
    fireEvent.click(link);
    expect(await screen.findByRole('heading', { level: 1, name: 'Activity' })).toBeTruthy();
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'State' }).value).toBe(
      label.toLowerCase(),
    );
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Time range' }).value).toBe('24h');
    await waitFor(() => expect(screen.getByText(/^[\d,]+ runs$/).textContent).toBe(`${count} runs`), {
      timeout: 10_000,
    });
  }
}, 60_000);
