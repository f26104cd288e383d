// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { Role } from '../../../api/domain';
import type { PageTest } from '../../../components/testing/page-test';
import { startPageTest } from '../../../components/testing/page-test';
import { ConfigurationPage } from './configuration-page';

let page: PageTest | null = null;
afterEach(() => {
  cleanup();
  page?.close();
  page = null;
});

/** A configuration of `connectionId` with a restorable backup among the newest of its history. */
async function restorableBackup(p: PageTest, connectionId: string) {
  const provider = p.t.runtime.provider(connectionId);
  for (const c of await provider.listTargets()) {
    const backup = (await provider.listTargetRuns(c.id)).slice(0, 6).find((r) => r.restorable === true);
    if (backup) return { configuration: c, backup };
  }
  throw new Error(`no restorable backup in ${connectionId}`);
}

const wizardHref = (connectionId: string, configurationId: string, backupId: string) =>
  `/restores/new?${new URLSearchParams({ connection: connectionId, configuration: configurationId, backup: backupId }).toString()}`;

describe('"Restore…" next to a backup (issue 10 §14)', () => {
  test.each(['rackspace-dfw', 'rackspace-ord'])(
    '%s, support: a restorable backup offers Restore… in the history and in its report, a pre-filled link to the wizard',
    async (connectionId) => {
      page = await startPageTest('support');
      const { configuration, backup } = await restorableBackup(page, connectionId);
      const route = `/configurations/${connectionId}/${configuration.id}?backup=${backup.id}`;
      page.render(<ConfigurationPage connectionId={connectionId} id={configuration.id} />, route);
      const href = wizardHref(connectionId, configuration.id, backup.id);

      const history = await screen.findByRole('table', { name: 'Backup history' }, { timeout: 10_000 });
      const inRow = await within(history).findByRole(
        'link',
        { name: `Restore from backup ${backup.id}` },
        { timeout: 10_000 },
      );
      expect(inRow.getAttribute('href')).toBe(href);
      expect(inRow.textContent).toBe('Restore…');
      // Only restorable backups offer it.
      const rows = within(history).getAllByRole('row').slice(1);
      for (const row of rows) {
        const restorable = row.querySelector('[data-restorable]')?.getAttribute('data-restorable');
        const offered = within(row).queryByRole('link', { name: /^Restore from backup/ }) !== null;
        expect(offered).toBe(restorable === 'true' && row.getAttribute('data-status') !== 'running');
      }

      const report = await screen.findByRole('region', { name: `Backup ${backup.id}` });
      const inReport = await within(report).findByRole(
        'link',
        { name: `Restore from backup ${backup.id}` },
        { timeout: 10_000 },
      );
      expect(inReport.getAttribute('href')).toBe(href);
    },
    30_000,
  );

  test.each<Role>(['viewer'])(
    '%s: no Restore…, in the history or the report',
    async (role) => {
      page = await startPageTest(role);
      const { configuration, backup } = await restorableBackup(page, 'rackspace-dfw');
      const route = `/configurations/rackspace-dfw/${configuration.id}?backup=${backup.id}`;
      page.render(<ConfigurationPage connectionId="rackspace-dfw" id={configuration.id} />, route);
      const history = await screen.findByRole('table', { name: 'Backup history' }, { timeout: 10_000 });
      const report = await screen.findByRole('region', { name: `Backup ${backup.id}` });
      await waitFor(() => expect(within(report).getByTestId('backup-state')).toBeTruthy(), {
        timeout: 10_000,
      });
      expect(within(history).getAllByText('Restorable').length).toBeGreaterThan(0);
      expect(screen.queryByRole('link', { name: /Restore from backup/ })).toBeNull();
      expect(screen.queryByRole('columnheader', { name: 'Restore' })).toBeNull();
    },
    30_000,
  );
});
