// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { PageTest } from '../../../components/testing/page-test';
import { startPageTest } from '../../../components/testing/page-test';
import { ConfigurationPage } from './configuration-page';

let page: PageTest | null = null;
afterEach(() => {
  cleanup();
  page?.close();
  page = null;
});

/** A configuration of `connectionId` with a failed backup in its history, as the provider lists it. */
async function failedBackup(p: PageTest, connectionId: string) {
  const provider = p.t.runtime.provider(connectionId);
  for (const c of await provider.listTargets()) {
    const failed = (await provider.listTargetRuns(c.id)).find((r) => r.state === 'failed');
    if (failed) return { configuration: c, backup: failed };
  }
  throw new Error(`no failed backup in ${connectionId}`);
}

describe('a backup report on the configuration page', () => {
  test.each(['rackspace-dfw', 'rackspace-ord'])(
    '%s: the history links each backup to its report, which tells why it failed',
    async (connectionId) => {
      page = await startPageTest('viewer');
      const { configuration, backup } = await failedBackup(page, connectionId);
      const route = `/configurations/${connectionId}/${configuration.id}?backup=${backup.id}`;
      page.render(<ConfigurationPage connectionId={connectionId} id={configuration.id} />, route);
      const report = await screen.findByRole('region', { name: `Backup ${backup.id}` }, { timeout: 10_000 });
      // The report opens below the history: the focus moves to it, so that something visibly happens.
      expect(document.activeElement).toBe(
        within(report).getByRole('heading', { name: `Backup ${backup.id}` }),
      );
      expect((await within(report).findByTestId('backup-state')).getAttribute('data-status')).toBe('failed');
      const reason = within(report).getByText(
        (_, el) => el?.tagName === 'P' && /^Reason: \S+/.test(el.textContent ?? ''),
      );
      // In people's words (not "AgentDisconnected" nor "agent_disconnected"); the vendor's kept beside.
      const words = reason.querySelector('[data-vendor-word]');
      expect(words?.textContent).toMatch(/^[A-Z][a-z]+ [a-z]/);
      expect(reason.textContent).toContain(
        `(the service's word: ${words?.getAttribute('data-vendor-word')})`,
      );
      expect(within(report).getByRole('heading', { name: /^Errors \(\d+\)$/ })).toBeTruthy();
      const history = await screen.findByRole('table', { name: 'Backup history' });
      const current = within(history).getByRole('link', { current: true });
      expect(current.getAttribute('href')).toContain(`backup=${backup.id}`);
    },
    20_000,
  );

  test('an unknown backup id in the URL says so, and the page stays', async () => {
    page = await startPageTest('viewer');
    const { configuration } = await failedBackup(page, 'rackspace-dfw');
    const route = `/configurations/rackspace-dfw/${configuration.id}?backup=999999999`;
    page.render(<ConfigurationPage connectionId="rackspace-dfw" id={configuration.id} />, route);
    const report = await screen.findByRole('region', { name: 'Backup 999999999' }, { timeout: 10_000 });
    expect(await within(report).findByText(/not found/i)).toBeTruthy();
    expect(screen.getByRole('heading', { name: configuration.name })).toBeTruthy();
  });
});
