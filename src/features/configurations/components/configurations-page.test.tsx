// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { Role } from '../../../api/domain';
import type { PageTest } from '../../../components/testing/page-test';
import { startPageTest } from '../../../components/testing/page-test';
import { ConfigurationsPage } from './configurations-page';

let page: PageTest | null = null;
afterEach(() => {
  cleanup();
  page?.close();
  page = null;
});

/** The number of configurations the toolbar counts ("24 configurations", "3 of 24 configurations"). */
const counted = (el: HTMLElement) => /^(?:(\d+) of )?(\d+) configurations$/.exec(el.textContent ?? '');

async function open(role: Role, route = '/configurations', serviceArgs: string[] = []) {
  page = await startPageTest(role, serviceArgs);
  page.render(<ConfigurationsPage />, route);
  // Both connections' lists have arrived once the count covers them (the table shows the first).
  const count = await screen.findByText(
    /configurations$/,
    { selector: '[role="status"]' },
    { timeout: 10_000 },
  );
  await waitFor(() => expect(Number(counted(count)?.[2])).toBeGreaterThan(20), { timeout: 10_000 });
  const body = () => screen.queryByRole('table', { name: 'Configurations' })?.querySelector('tbody');
  const rows = () => [...(body()?.querySelectorAll<HTMLElement>('tr[data-status]') ?? [])];
  return { count, rows };
}

describe('ConfigurationsPage', () => {
  test('a viewer sees every configuration of both Rackspace connections and no command', async () => {
    const { rows } = await open('viewer');
    expect(rows().length).toBeGreaterThan(5);
    const text = rows().map((r) => r.textContent ?? '');
    expect(text.some((t) => t.includes('Rackspace DFW (v1.0)'))).toBe(true);
    expect(text.some((t) => t.includes('Rackspace ORD (v2)'))).toBe(true);
    expect(rows().flatMap((r) => within(r).queryAllByRole('button'))).toEqual([]);
    expect(screen.queryByRole('button', { name: /Wake agents/ })).toBeNull();
  });

  test('support may start backups and wake agents, never stop, enable or disable', async () => {
    const { rows } = await open('support');
    const buttons = rows().flatMap((r) => within(r).queryAllByRole('button'));
    expect(
      buttons.filter((b) => /^Start a backup of /.test(b.getAttribute('aria-label') ?? '')).length,
    ).toBeGreaterThan(0);
    expect(buttons.filter((b) => /^(Stop|Disable|Enable) /.test(b.getAttribute('aria-label') ?? ''))).toEqual(
      [],
    );
    expect(screen.getByRole('button', { name: /^Wake agents · Rackspace DFW/ })).toBeTruthy();
  });

  test('the search filters at once and says how many of how many', async () => {
    const { rows, count } = await open('viewer');
    const total = Number(counted(count)?.[2]);
    fireEvent.change(screen.getByLabelText('Search configurations'), { target: { value: 'daily' } });
    await waitFor(() => expect(counted(count)?.[1]).toBeDefined());
    expect(Number(counted(count)?.[1])).toBeLessThan(total);
    expect(rows().length).toBeGreaterThan(0);
    for (const row of rows()) expect(row.textContent?.toLowerCase()).toContain('daily');
  });

  test('a link with a search opens filtered, and one that matches nothing says so', async () => {
    const { count } = await open('viewer', '/configurations?q=nothing-is-called-like-this&enabled=disabled');
    expect(counted(count)?.[1]).toBe('0');
    expect(screen.getByLabelText('Search configurations')).toHaveProperty(
      'value',
      'nothing-is-called-like-this',
    );
    expect(screen.getByText('No configuration matches these filters')).toBeTruthy();
  });

  test('a backup started elsewhere shows as running from the feed, without the list being asked again', async () => {
    // At the service's real speed the backup runs for a minute at least: at the tests' usual sixty-fold
    // speed it could end between two of the page's polls on a busy machine, and the row went from
    // succeeded to succeeded (it failed so once in CI).
    const { rows } = await open('admin', '/configurations', ['--speed', '1']);
    const p = page!.t.runtime.provider('rackspace-dfw');
    const target = (await p.listTargets()).find((c) => c.enabled && c.currentRunId === null)!;
    await p.startBackup(target.id);
    const row = () => rows().find((r) => r.getAttribute('data-configuration') === target.name);
    // The page learns of it from its next poll of the feed (20 s apart while nothing it knows of runs).
    await waitFor(() => expect(row()?.getAttribute('data-status')).toBe('running'), { timeout: 40_000 });
    expect(within(row()!).getByRole('button', { name: `Stop the backup of ${target.name}` })).toBeTruthy();
  }, 60_000);
});
