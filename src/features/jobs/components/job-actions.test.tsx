// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../api/domain';
import { renderUi } from '../../../components/test-render';
import { veeamV5 } from '../../../api/veeam-v5/plugin';
import { permission } from '../../../lib/can';
import { jobLastRun, makeJob } from './job-fixtures';
import { JobActions } from './job-actions';

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
