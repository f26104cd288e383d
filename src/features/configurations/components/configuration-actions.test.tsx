// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { BackupTarget } from '../../../api/domain';
import type { PageTest } from '../../../components/testing/page-test';
import { pressButton } from '../../../components/testing/keyboard';
import { startPageTest } from '../../../components/testing/page-test';
import { ConfigurationPage } from './configuration-page';

let page: PageTest | null = null;
afterEach(() => {
  cleanup();
  page?.close();
  page = null;
});

const button = (name: string) => screen.getByRole('button', { name });

/** An admin on the page of an enabled, idle configuration; backups at real speed (a minute at least). */
async function open(): Promise<BackupTarget> {
  page = await startPageTest('admin', ['--speed', '1']);
  const provider = page.t.runtime.provider('rackspace-ord');
  const c = (await provider.listTargets()).find((t) => t.enabled && !t.currentRunId)!;
  page.render(
    <ConfigurationPage connectionId="rackspace-ord" id={c.id} />,
    `/configurations/rackspace-ord/${c.id}`,
  );
  await screen.findByRole('heading', { level: 1, name: c.name }, { timeout: 10_000 });
  return c;
}

describe('the keyboard focus stays in place across a command on a configuration', () => {
  test('Disable (confirmed) leaves it on Enable, Enable on Disable; the refused Start says why', async () => {
    const c = await open();
    pressButton(`Disable ${c.name}`);
    const dialog = await screen.findByRole('dialog', { name: 'Disable this configuration?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Disable' }));
    await waitFor(() => expect(document.activeElement).toBe(button(`Enable ${c.name}`)), { timeout: 5_000 });

    // A keyboard reaches the refused Start, and a screen reader hears why it is refused.
    const start = button(`Start a backup of ${c.name}`);
    expect(start.getAttribute('aria-disabled')).toBe('true');
    const reason = document.getElementById(start.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toBe('The configuration is disabled; enable it first.');

    pressButton(`Enable ${c.name}`);
    await waitFor(() => expect(document.activeElement).toBe(button(`Disable ${c.name}`)), { timeout: 5_000 });
    expect(button(`Start a backup of ${c.name}`).getAttribute('aria-describedby')).toBeNull();
  }, 30_000);

  test('Start leaves it on Stop, and a confirmed Stop on Stop or on the Start that follows it', async () => {
    const c = await open();
    pressButton(`Start a backup of ${c.name}`);
    await waitFor(() => expect(document.activeElement).toBe(button(`Stop the backup of ${c.name}`)), {
      timeout: 5_000,
    });

    pressButton(`Stop the backup of ${c.name}`);
    const dialog = await screen.findByRole('dialog', { name: 'Stop this backup?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Stop backup' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const inPlace = () =>
      screen.queryByRole('button', { name: `Stop the backup of ${c.name}` }) ??
      screen.queryByRole('button', { name: `Start a backup of ${c.name}` });
    await waitFor(
      () => {
        expect(inPlace()?.hasAttribute('disabled')).toBe(false);
        expect(document.activeElement).toBe(inPlace());
      },
      { timeout: 5_000 },
    );
  }, 30_000);
});
