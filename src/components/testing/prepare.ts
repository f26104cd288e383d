/* Tests only: what a page shows has sometimes to be made first, by a role the page's own may not be. */
import type { Role } from '../../api/domain';
import type { PageTest } from './page-test';

/** Runs `prepare` signed in as `who` (a viewer may open nothing), then signs in as `role` again. */
export async function preparedAs<T>(
  page: PageTest,
  who: Role,
  role: Role,
  prepare: () => Promise<T>,
): Promise<T> {
  await page.t.signIn(who);
  try {
    return await prepare();
  } finally {
    await page.t.signIn(role);
  }
}

/** Opens a Veeam restore session (Exchange, now) of the seed's first job; returns its id. */
export async function openRestoreSession(page: PageTest): Promise<string> {
  const p = page.t.runtime.provider('veeam');
  const job = (await p.listTargets())[0]!;
  const { sessionId } = await p.explore({
    jobId: job.id,
    pointInTime: new Date(page.t.clock.now()).toISOString(),
    type: 'vex',
    showDeleted: false,
    showAllVersions: false,
  });
  if (!sessionId) throw new Error('the service named no restore session');
  return sessionId;
}
