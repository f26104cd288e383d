import type { Context, Hono } from 'hono';
import type { ServiceContext } from '../context';
import type { User } from '../identity/users';
import { veeamStore } from '../store/veeam-store';
import type { RestoreRow } from '../store/veeam-types';
import type { Sequence, View } from './content/core';
import { OrgContent } from './content/org';
import { guard, idParam, paged, queryParam, readPage, route, veeamError } from './http';

/** What every request inside a restore session needs: the caller, the session, its content and view. */

export type SessionType = 'Vex' | 'Veod' | 'Vesp' | 'Vet';

const TYPE_WORDS: Record<SessionType, string> = {
  Vex: 'an Exchange session (Vex): it holds mailboxes',
  Veod: 'a OneDrive for Business session (Veod): it holds OneDrives',
  Vesp: 'a SharePoint session (Vesp): it holds sites',
  Vet: 'a Teams session (Vet): it holds teams',
};

export interface Scope {
  ctx: ServiceContext;
  user: User;
  session: RestoreRow;
  content: OrgContent;
  view: View;
  /** `/v5/RestoreSessions/{id}/Organization`: the links' base. */
  base: string;
  /** The session opened on a time before the organization's first backup: it shows nothing. */
  empty: boolean;
}

/**
 * The caller (whose role must allow the request by the table of operations), the Working session of the path's `:id` of `type`, and
 * its content; or the 401/403/404/409 answer saying what is wrong.
 */
export function sessionScope(ctx: ServiceContext, c: Context, type: SessionType | null): Scope | Response {
  const user = guard(ctx, c);
  if (user instanceof Response) return user;
  const store = veeamStore(ctx.db);
  const id = idParam(c);
  const session = store.restoreSession(id);
  if (!session) return veeamError(c, 404, `There is no restore session with id "${id}".`);
  if (session.state !== 'Working') {
    return veeamError(
      c,
      409,
      `The restore session "${session.name}" is stopped: its content can no longer be browsed or restored. Open a new restore session (explore) to continue.`,
    );
  }
  if (type && session.type !== type) {
    return veeamError(
      c,
      404,
      `The restore session "${session.name}" is ${TYPE_WORDS[session.type as SessionType] ?? 'of another type'}, not what ${c.req.method} ${new URL(c.req.url).pathname} asks for.`,
    );
  }
  const org = store.organization(session.org_id);
  if (!org)
    return veeamError(c, 404, `The organization of restore session "${session.name}" no longer exists.`);
  store.touchRestoreSession(id, ctx.clock.now());
  const users = store.licensedUsers({ offset: 0, limit: 10_000 }, org.id);
  return {
    ctx,
    user,
    session,
    content: new OrgContent(org, users, ctx.config.seed, ctx.config.scale),
    view: {
      pit: session.point_in_time,
      showDeleted: session.show_deleted === 1,
      showAllVersions: session.show_all_versions === 1,
    },
    base: `/v5/RestoreSessions/${session.id}/Organization`,
    empty: org.first_backup_at === null || session.point_in_time < org.first_backup_at,
  };
}

/** A GET inside a restore session of `type`: browsing is private data (support and admin). */
export function browse(
  app: Hono,
  ctx: ServiceContext,
  type: SessionType | null,
  path: string,
  answer: (s: Scope, c: Context) => Response,
): void {
  route(app, 'GET', path, (c) => {
    const scope = sessionScope(ctx, c, type);
    return scope instanceof Response ? scope : answer(scope, c);
  });
}

/** One page of a sequence, in v5's wrapper with its links; or the 400 for a bad offset or limit. */
export function pageOf<T>(c: Context, rows: Sequence<T>, present: (row: T) => unknown): Response {
  const page = readPage(c);
  if (page instanceof Response) return page;
  const slice: T[] = [];
  for (let n = page.offset; n < Math.min(rows.length, page.offset + page.limit + 1); n++)
    slice.push(rows.at(n));
  return c.json(paged(c, slice, page, present));
}

/**
 * A `parentId`-like query parameter: undefined when left out, null for "null" (the roots), else the
 * id (decoded with `decode`; a Response when it names nothing here).
 */
export function parentParam<T>(
  c: Context,
  name: string,
  decode: (id: string) => T | null,
  what: string,
): T | null | undefined | Response {
  const text = queryParam(c, name);
  if (text === undefined || text === '') return undefined;
  if (text.toLowerCase() === 'null' || text === '-1') return null;
  const found = decode(text);
  return found ?? veeamError(c, 404, `There is no ${what} with id "${text}" in this restore session.`);
}

/** 404 for an id that names nothing in the session. */
export function notHere(c: Context, what: string, id: string): Response {
  return veeamError(c, 404, `There is no ${what} with id "${id}" in this restore session.`);
}

/** The `:name` parameter of the path. */
export const param = (c: Context, name: string): string => c.req.param(name) ?? '';
