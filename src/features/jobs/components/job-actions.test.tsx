// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../api/domain';
import { isInFlight } from '../../../api/domain';
import { renderUi } from '../../../components/test-render';
import type { PageTest } from '../../../components/testing/page-test';
import { pressButton } from '../../../components/testing/keyboard';
import { startPageTest } from '../../../components/testing/page-test';
import { veeamV5 } from '../../../api/veeam-v5/plugin';
import { permission } from '../../../lib/can';
import { jobLastRun, makeJob } from './job-fixtures';
import { JobActions } from './job-actions';
import { JobPage } from './job-page';

/** What Veeam v5 can do, as its plug-in declares it. */
const veeam = veeamV5.capabilities;

function renderAs(role: Role, job = makeJob()) {
  renderUi(
    <JobActions
      job={job}
      permissionFor={(_, action) => permission(role, action, veeam)}
      onExplore={() => undefined}
    />,
  );
}

const names = () => screen.queryAllByRole('button').map((b) => b.textContent);

describe('JobActions offers only what the role may do', () => {
  afterEach(cleanup);

  it('a viewer gets no command at all', () => {
    renderAs('viewer');
    expect(names()).toEqual([]);
  });

  it('support may start and explore, never stop or disable', () => {
    renderAs('support');
    expect(names()).toEqual(['Start', 'Explore']);
    cleanup();
    renderAs('support', makeJob({ lastRun: jobLastRun('running', 'Running') }));
    expect(names()).toEqual(['Explore']);
  });

  it('admin stops a running job and disables or enables', () => {
    renderAs('admin', makeJob({ lastRun: jobLastRun('running', 'Running') }));
    expect(names()).toEqual(['Stop', 'Disable', 'Explore']);
    expect(screen.getByRole('button', { name: 'Stop Mailboxes' })).toBeTruthy();
    cleanup();
    renderAs('admin', makeJob({ enabled: false }));
    expect(names()).toEqual(['Start', 'Enable', 'Explore']);
  });

  it('a dialect without the capability hides the command even for admin', () => {
    renderUi(
      <JobActions
        job={makeJob()}
        permissionFor={(_, action) => permission('admin', action, { ...veeam, restoreSessions: false })}
        onExplore={() => undefined}
      />,
    );
    expect(names()).toEqual(['Start', 'Disable']);
  });
});

describe('JobActions keep the keyboard focus in place across a command', () => {
  let page: PageTest | null = null;
  afterEach(() => {
    cleanup();
    page?.close();
    page = null;
  });

  const button = (name: string) => screen.getByRole('button', { name });
  const focusLandsOn = (name: string) =>
    waitFor(() => expect(document.activeElement).toBe(button(name)), { timeout: 5_000 });

  it('on a job page: Start → Stop, confirmed Stop → Stop or Start, confirmed Disable → Enable → Disable', async () => {
    // Jobs at real speed: a run lasts long enough to be stopped.
    page = await startPageTest('admin', ['--speed', '1']);
    const job = (await page.t.runtime.provider('veeam').listTargets()).find(
      (j) => j.enabled && !(j.lastRun && isInFlight(j.lastRun.state)),
    )!;
    page.render(
      <JobPage
        connectionId="veeam"
        id={job.id}
        permissionFor={page.access.allow}
        onExplore={() => undefined}
      />,
      `/jobs/veeam/${job.id}`,
    );
    await screen.findByRole('heading', { level: 1, name: job.name }, { timeout: 10_000 });

    pressButton(`Start ${job.name}`);
    await focusLandsOn(`Stop ${job.name}`);

    pressButton(`Stop ${job.name}`);
    let dialog = await screen.findByRole('dialog', { name: `Stop ${job.name}?` });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Stop job' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const inPlace = () =>
      screen.queryByRole('button', { name: `Stop ${job.name}` }) ??
      screen.queryByRole('button', { name: `Start ${job.name}` });
    await waitFor(
      () => {
        expect(inPlace()?.hasAttribute('disabled')).toBe(false);
        expect(document.activeElement).toBe(inPlace());
      },
      { timeout: 5_000 },
    );

    pressButton(`Disable ${job.name}`);
    dialog = await screen.findByRole('dialog', { name: `Disable ${job.name}?` });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Disable job' }));
    await focusLandsOn(`Enable ${job.name}`);
    pressButton(`Enable ${job.name}`);
    await focusLandsOn(`Disable ${job.name}`);
  }, 40_000);
});
