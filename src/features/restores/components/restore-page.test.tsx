// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Restore } from '../../../api/domain';
import { setApiRuntime } from '../../../api/runtime';
import type { InProcess } from '../../../api/testing/in-process-service';
import { startInProcess } from '../../../api/testing/in-process-service';
import { renderUi } from '../../../components/test-render';
import { RestorePage } from './restore-page';

const CID = 'rackspace-dfw';

/** A v1.0 draft's page, against the reference service in-process. */
describe('RestorePage of a draft restore', () => {
  let t: InProcess;
  const draft = async (): Promise<Restore> => {
    const p = t.runtime.provider(CID);
    const point = (await p.listRestorePoints(null)).find((r) => r.encrypted)!;
    const input = {
      backupId: point.backupId,
      sourceAgentId: point.agentId,
      destinationAgentId: point.agentId,
      destinationPath: null,
      overwrite: false,
    };
    return p.createRestore(input, { start: false });
  };
  beforeAll(async () => {
    t = await startInProcess();
    setApiRuntime(t.runtime);
    await t.signIn('support');
  });
  afterEach(cleanup);
  afterAll(() => {
    setApiRuntime(null);
    t.close();
  });

  it('support starts it with the vault password, after a refusal shown in place', async () => {
    const { id } = await draft();
    renderUi(<RestorePage connectionId={CID} id={id} mayRestore />);
    const section = await screen.findByRole('region', { name: 'Not started' });
    expect(screen.getByTestId('restore-state').textContent).toBe('Not started');
    const password = within(section).getByLabelText(/Vault password/, { selector: 'input' });
    fireEvent.change(password, { target: { value: 'wrong' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Start restore' }));
    expect((await within(section).findByRole('alert')).textContent).toMatch(/vault password is not right/i);

    fireEvent.change(password, { target: { value: 'demo-vault' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Start restore' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Not started' })).toBeNull());
    expect(screen.getByTestId('restore-state').getAttribute('data-status')).toMatch(/^(queued|running)$/);
  });

  it('a viewer reads that it has not started and finds no way to start it', async () => {
    const { id } = await draft();
    renderUi(<RestorePage connectionId={CID} id={id} mayRestore={false} />);
    const section = await screen.findByRole('region', { name: 'Not started' });
    expect(section.textContent).toMatch(/support or admin role can start it/);
    expect(screen.queryByRole('button', { name: 'Start restore' })).toBeNull();
    expect(screen.queryByLabelText(/Vault password/)).toBeNull();
  });
});

/** What a restore's page says under `label` (a dt and its dd). */
const fact = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;

describe('RestorePage of a restore to another machine', () => {
  let t: InProcess;
  beforeAll(async () => {
    t = await startInProcess();
    setApiRuntime(t.runtime);
    await t.signIn('support');
  });
  afterEach(cleanup);
  afterAll(() => {
    setApiRuntime(null);
    t.close();
  });

  it.each(['rackspace-dfw', 'rackspace-ord'])(
    '%s: from the machine backed up, to the one chosen',
    async (cid) => {
      const p = t.runtime.provider(cid);
      const point = (await p.listRestorePoints(null)).find((r) => !r.encrypted)!;
      const to = (await p.listAgents()).find((a) => a.online && a.enabled && a.id !== point.agentId)!;
      const { id } = await p.createRestore(
        {
          backupId: point.backupId,
          sourceAgentId: point.agentId,
          destinationAgentId: to.id,
          destinationPath: '/srv/x',
          overwrite: false,
        },
        { start: true },
      );
      renderUi(<RestorePage connectionId={cid} id={id} mayRestore={false} />);
      await screen.findByTestId('restore-state', {}, { timeout: 10_000 });
      expect(fact('From machine')).toBe(point.machineName);
      expect(fact('To machine')).toBe(to.name);
      expect(fact('To path')).toBe('/srv/x');
    },
  );
});
