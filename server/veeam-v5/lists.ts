import type { Context } from 'hono';
import type { Db } from '../store/db';
import { onePerDb } from '../store/db';
import type { JsonBytes, Revs } from '../store/fragment-list';
import { FragmentList, wrapJson } from '../store/fragment-list';
import type { ListedTable } from '../store/veeam-list-queries';
import {
  jobRevs,
  jobSessionRevs,
  restoreSessionRevs,
  rowsByN,
  veeamVersion,
} from '../store/veeam-list-queries';
import type { JobRow, PageQuery, RestoreRow, SessionRow } from '../store/veeam-types';
import { pageLinks } from './http';
import { presentJob, presentJobSession, presentRestoreSession } from './present';

/**
 * The big Veeam lists as kept JSON (store/fragment-list.ts): `/Jobs` (bare arrays), `/JobSessions`
 * and `/RestoreSessions` (paged). The bytes equal what the presenters of present.ts give (tested).
 */
function fragments<R extends { n: number }>(db: Db, table: ListedTable, present: (row: R) => unknown) {
  return new FragmentList<R>({
    rows: (ns) => rowsByN<R>(db, table, ns),
    keyOf: (r) => r.n,
    present,
  });
}

/** One set per database, shared by the routes. */
export const veeamLists = onePerDb((db: Db) => {
  const jobs = fragments<JobRow & { n: number }>(db, 'veeam_jobs', presentJob);
  const sessions = fragments<SessionRow & { n: number }>(db, 'veeam_job_sessions', presentJobSession);
  const restores = fragments<RestoreRow & { n: number }>(db, 'veeam_restore_sessions', presentRestoreSession);

  /** A paged answer `{offset, limit, results, _links}` from the revs of limit + 1 rows. */
  function page<R>(list: FragmentList<R>, c: Context, p: PageQuery, table: ListedTable, revs: () => Revs) {
    return list.answer(c.req.url, veeamVersion(db, table), () => {
      const all = revs();
      const head = `{"offset":${p.offset},"limit":${p.limit},"results":`;
      const tail = `,"_links":${JSON.stringify(pageLinks(c, p, all.length > p.limit))}}`;
      return wrapJson(head, list.array(all.slice(0, p.limit)), tail);
    });
  }

  return {
    jobs: (orgId?: string): JsonBytes =>
      jobs.answer(orgId ?? '', veeamVersion(db, 'veeam_jobs'), () => jobs.array(jobRevs(db, orgId))),
    jobSessions: (c: Context, p: PageQuery, jobId?: string) =>
      page(sessions, c, p, 'veeam_job_sessions', () => jobSessionRevs(db, p, jobId)),
    restoreSessions: (c: Context, p: PageQuery, from: number | null, to: number | null) =>
      page(restores, c, p, 'veeam_restore_sessions', () => restoreSessionRevs(db, p, from, to)),
  };
});
