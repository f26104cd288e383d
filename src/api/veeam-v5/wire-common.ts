import { z } from '../contract/zod';

/** Veeam v5 wire: the token endpoint, the error body, links and the paged wrapper (see ./wire.ts). */

/** Form fields of `POST /v5/Token` (form-urlencoded). Extra fields are ignored, as clients send some. */
export const tokenRequestSchema = z.discriminatedUnion('grant_type', [
  z.object({
    grant_type: z.literal('password'),
    username: z.string().check(z.minLength(1)),
    password: z.string(),
  }),
  z.object({ grant_type: z.literal('refresh_token'), refresh_token: z.string().check(z.minLength(1)) }),
]);
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

export const tokenAnswerSchema = z.looseObject({
  access_token: z.string(),
  refresh_token: z.string(),
  // Only access_token, refresh_token and .expires are seen in public clients' real answers: the rest
  // is optional so that a real server that leaves them out can still be signed in to.
  token_type: z.optional(z.string()),
  /** Seconds. */
  expires_in: z.optional(z.number()),
  '.issued': z.optional(z.string()),
  '.expires': z.string(),
  userName: z.optional(z.string()),
  /** Not Veeam's: the reference service (or a proxy) may state the console role; any word is read. */
  role: z.optional(z.string()),
});
export type TokenAnswer = z.infer<typeof tokenAnswerSchema>;

export {
  tokenErrorSchema,
  veeamErrorSchema as errorSchema,
  type TokenError,
  type VeeamError,
} from '../contract/error-bodies';

const linkSchema = z.looseObject({ href: z.string() });
/** `_links` is an object keyed by rel: `{"self": {"href": "/v5/Jobs/…"}, "organization": {…}}`. */
export const linksSchema = z.record(z.string(), linkSchema);
export type Links = z.infer<typeof linksSchema>;

/** The last path segment of a link (`_links.organization.href` → the organization's id). */
export function linkId(links: Links | undefined, rel: string): string | null {
  const href = links?.[rel]?.href;
  if (!href) return null;
  return (
    decodeURIComponent(
      href
        .replace(/[?#].*$/, '')
        .replace(/\/+$/, '')
        .split('/')
        .pop() ?? '',
    ) || null
  );
}

/** The paged wrapper of v5 lists (JobSessions, LogItems, RestoreSessions, Events, LicensedUsers). */
export function pagedSchema<T extends z.ZodMiniType>(item: T) {
  return z.looseObject({
    offset: z.int(),
    limit: z.int(),
    results: z.array(item),
    setId: z.optional(z.string()),
    _links: z.optional(linksSchema),
  });
}
export interface Paged<T> {
  offset: number;
  limit: number;
  results: T[];
  setId?: string;
  _links?: Links;
}
export const PAGE_DEFAULT_LIMIT = 30;
export const PAGE_MAX_LIMIT = 10000;
