// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { Restore, Role } from '../../../api/domain';
import { areaAccess } from '../../../components/testing/area-access';
import { tableRows } from '../../../components/testing/page-queries';
import { pageTestPerTest } from '../../../components/testing/page-tests';
import { preparedAs } from '../../../components/testing/prepare';
import { RestoresPage } from './restores-page';

const startPage = pageTestPerTest();

const CID = 'rackspace-ord';
const rows = () => tableRows('Restores');
/** The id a row shows under its name ("Rackspace ORD (v2) · #43d6…"). */
const idOf = (row: HTMLElement) => /· #(\S+)$/.exec(row.querySelector('td')?.textContent ?? '')?.[1];
const rowOf = (r: Restore) => rows().find((row) => idOf(row) === r.id);

/** Restores of both Rackspace connections, one of them just started (as support: a viewer may not). */
async function open(role: Role) {
  const page = await startPage(role);
  const p = page.t.runtime.provider(CID);
  const started = await preparedAs(page, 'support', role, async () => {
    const { backupId, agentId } = (await p.listRestorePoints(null)).find((x) => !x.encrypted)!;
    const to = { destinationAgentId: agentId, destinationPath: null, overwrite: false };
    return p.createRestore({ backupId, sourceAgentId: agentId, ...to }, { start: true });
  });
  const { connections, permissionFor } = areaAccess(page.access, 'restores');
  page.render(<RestoresPage connections={connections} permissionFor={permissionFor} />, '/restores');
  await waitFor(() => expect(rowOf(started)).toBeDefined(), { timeout: 10_000 });
  return { page, p, started };
}

describe('RestoresPage', () => {
  test('a viewer sees the restores of both Rackspace connections, newest first, and may neither start nor stop one', async () => {
    const { page, started } = await open('viewer');
    const all = await Promise.all(
      ['rackspace-dfw', 'rackspace-ord'].map((id) => page.t.runtime.provider(id).listRestores()),
    );
    const restores = all.flat();
    expect(all.every((list) => list.length > 0)).toBe(true);
    await waitFor(() => expect(rows()).toHaveLength(restores.length));
    // Newest first across connections: the one just started, then by when each last changed (a v1.0
    // list knows only that time of an ended restore).
    const rest = restores.filter((r) => r.id !== started.id);
    const newest = rest.sort((a, b) => Date.parse(b.updatedAt!) - Date.parse(a.updatedAt!));
    expect(rows().map(idOf)).toEqual([started, ...newest].map((r) => r.id));
    for (const r of restores) expect(rowOf(r)?.textContent).toContain(page.access.label(r.connectionId));
    expect(['queued', 'running']).toContain(rowOf(started)?.getAttribute('data-status'));
    expect(rows().flatMap((r) => within(r).queryAllByRole('button'))).toEqual([]);
    expect(screen.queryByRole('link', { name: 'New restore' })).toBeNull();
  });

  test('v1.0 rows say where each restore goes, and a draft that it has not started rather than ended', async () => {
    const { page } = await open('viewer');
    const dfw = await page.t.runtime.provider('rackspace-dfw').listRestores();
    await waitFor(() => expect(dfw.every((r) => rowOf(r))).toBe(true));
    const drafts = dfw.filter((r) => r.draft);
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts) expect(rowOf(d)?.textContent).not.toMatch(/Ended /);
    const toPath = dfw.find((r) => r.destinationPath);
    expect(rowOf(toPath!)?.textContent).toContain(`: ${toPath!.destinationPath}`);
  });

  test('support finds New restore and stops a running restore after confirming: it ends Stopped', async () => {
    const { page, p, started } = await open('support');
    expect(screen.getByRole('link', { name: 'New restore' }).getAttribute('href')).toBe('/restores/new');
    const stops = rows().flatMap((r) => within(r).queryAllByRole('button'));
    const name = started.parentName;
    expect(stops.map((b) => b.getAttribute('aria-label'))).toEqual([`Stop restore of ${name}`]);

    fireEvent.click(within(rowOf(started)!).getByRole('button', { name: `Stop restore of ${name}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Stop the restore?' });
    expect(['queued', 'running']).toContain((await p.getRestore(started.id)).state);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Stop restore' }));
    await page.t.until(async () => (await p.getRestore(started.id)).state === 'stopped', 1_000, 60_000);
    await waitFor(() => expect(rowOf(started)?.getAttribute('data-status')).toBe('stopped'), {
      timeout: 5_000,
    });
    expect(within(rowOf(started)!).queryByRole('button')).toBeNull();
  });

  test('search, connection and state filter the restores and say how many of how many (issue 10 §14)', async () => {
    const { page, started } = await open('viewer');
    const all = (
      await Promise.all(
        ['rackspace-dfw', 'rackspace-ord'].map((id) => page.t.runtime.provider(id).listRestores()),
      )
    ).flat();
    await waitFor(() => expect(rows()).toHaveLength(all.length));
    const count = screen.getByText(/ restores$/, { selector: '[role="status"]' });
    expect(count.textContent).toBe(`${all.length} restores`);
    const shownIds = () => rows().map(idOf).sort();
    const idsOf = (match: (r: Restore) => boolean) =>
      all
        .filter(match)
        .map((r) => r.id)
        .sort();

    fireEvent.change(screen.getByLabelText('Connection'), { target: { value: 'rackspace-dfw' } });
    const dfw = idsOf((r) => r.connectionId === 'rackspace-dfw');
    expect(dfw.length).toBeGreaterThan(0);
    expect(dfw.length).toBeLessThan(all.length);
    await waitFor(() => expect(shownIds()).toEqual(dfw));
    expect(count.textContent).toBe(`${dfw.length} of ${all.length} restores`);

    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'not-started' } });
    const drafts = idsOf((r) => r.connectionId === 'rackspace-dfw' && r.draft);
    expect(drafts.length).toBeGreaterThan(0);
    await waitFor(() => expect(shownIds()).toEqual(drafts));
    for (const row of rows()) expect(row.getAttribute('data-status')).toBe('not-started');

    fireEvent.change(screen.getByLabelText('Connection'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('Search restores'), {
      target: { value: started.id.toUpperCase() },
    });
    await waitFor(() => expect(shownIds()).toEqual([started.id]));
    fireEvent.change(screen.getByLabelText('Search restores'), {
      target: { value: 'no restore is like this' },
    });
    expect(await screen.findByText('No restore matches these filters')).toBeTruthy();
    expect(rows()).toEqual([]);
  });

  test('a link with filters opens the restores filtered (issue 10 §14)', async () => {
    const page = await startPage('viewer');
    const ord = await page.t.runtime.provider(CID).listRestores();
    const { connections, permissionFor } = areaAccess(page.access, 'restores');
    page.render(
      <RestoresPage connections={connections} permissionFor={permissionFor} />,
      `/restores?connection=${CID}&state=not-started&sort=name:asc`,
    );
    // v2 creates and starts at once: it has no draft.
    expect(ord.some((r) => r.draft)).toBe(false);
    expect(await screen.findByText('No restore matches these filters', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByLabelText('Connection')).toHaveProperty('value', CID);
    expect(screen.getByLabelText('State')).toHaveProperty('value', 'not-started');
  });
});
