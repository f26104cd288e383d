/* Tests only: pages rendered against the reference service in-process, signed in with one role. */
import type { ReactElement } from 'react';
import type { Role } from '../../api/domain';
import { setApiRuntime } from '../../api/runtime';
import type { InProcess } from '../../api/testing/in-process-service';
import { startInProcess } from '../../api/testing/in-process-service';
import { permission } from '../../lib/can';
import type { PageAccess } from '../page-access';
import { PageAccessProvider } from '../page-access';
import { renderUi } from '../test-render';
import { giveBoxesASize } from './box-size';

export interface PageTest {
  t: InProcess;
  access: PageAccess;
  render(ui: ReactElement, route?: string): ReturnType<typeof renderUi>;
  close(): void;
}

/**
 * The reference service in-process with `role` signed in to every connection, and the PageAccess the
 * shell would give. `serviceArgs` go to the service after its own (`--speed 1`: a backup takes at least
 * a minute, where the default sixty-fold speed ends one in a second or two).
 */
export async function startPageTest(role: Role, serviceArgs: string[] = []): Promise<PageTest> {
  giveBoxesASize();
  const t = await startInProcess({ args: serviceArgs });
  await t.signIn(role);
  setApiRuntime(t.runtime);
  const { runtime } = t;
  const access: PageAccess = {
    connections: runtime.connections,
    signedIn: runtime.connections.filter((c) => runtime.session.get(c.id)),
    allow: (id, action) =>
      permission(runtime.session.get(id)?.role, action, runtime.provider(id).capabilities),
    label: (id) => runtime.connections.find((c) => c.id === id)?.label ?? id,
    capabilities: (id) => runtime.provider(id).capabilities,
  };
  return {
    t,
    access,
    render: (ui, route = '/') =>
      renderUi(<PageAccessProvider value={access}>{ui}</PageAccessProvider>, { route }),
    close: () => {
      t.close();
      setApiRuntime(null);
    },
  };
}
