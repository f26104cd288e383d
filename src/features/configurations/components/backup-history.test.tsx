// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import type { PageTest } from '../../../components/testing/page-test';
import { startPageTest } from '../../../components/testing/page-test';
import { formatBytes, formatCount, formatStartOrEnd } from '../../../lib/format';
import { ConfigurationPage } from './configuration-page';

let page: PageTest | null = null;
afterEach(() => {
  cleanup();
  page?.close();
  page = null;
});

/** A v2 configuration whose history, among its newest runs, holds a backup that did not complete. */
async function withFailedBackup(p: PageTest) {
  const provider = p.t.runtime.provider('rackspace-ord');
  for (const c of await provider.listTargets()) {
    const runs = await provider.listTargetRuns(c.id);
    const failed = runs.slice(0, 6).find((r) => r.state === 'failed');
    if (failed) return { configuration: c, failed, full: await provider.getBackupRun(failed.id) };
  }
  throw new Error('no failed v2 backup among the newest runs of a configuration');
}

test('v2: a backup that did not complete shows its time, size and files in the history (issue 10 §6)', async () => {
  page = await startPageTest('viewer');
  const { configuration, failed, full } = await withFailedBackup(page);
  // The history lists it from the activity list, which tells no time or counters.
  expect(failed.partial).toBe(true);
  expect(full.startedAt ?? full.endedAt).not.toBeNull();
  page.render(<ConfigurationPage connectionId="rackspace-ord" id={configuration.id} />);
  const history = await screen.findByRole('table', { name: 'Backup history' }, { timeout: 10_000 });
  const link = await waitFor(
    () => {
      const a = history.querySelector<HTMLAnchorElement>(`a[href*="backup=${failed.id}"]`);
      expect(a?.textContent).toBe(formatStartOrEnd(full.startedAt, full.endedAt));
      return a!;
    },
    { timeout: 10_000 },
  );
  const row = within(link.closest('tr')!);
  expect(row.getByText(formatBytes(full.progress.bytesDone))).toBeTruthy();
  expect(row.getByText(formatCount(full.progress.filesDone))).toBeTruthy();
  expect(link.closest('tr')?.dataset.status).toBe('failed');
}, 20_000);
