import { z } from '../contract/zod';
import { pagedSchema } from './wire-common';
import { jobSchema, jobSessionSchema, logItemSchema, organizationSchema } from './wire-jobs';
import {
  backupRepositorySchema,
  licensedUserSchema,
  proxySchema,
  restoreSessionEventSchema,
  restoreSessionSchema,
} from './wire-objects';

/**
 * Veeam Backup for Microsoft 365 REST API v5 on the wire (docs/dialects/veeam-v5.md). The reference
 * service validates requests and the console's adapter parses answers with these same schemas, so
 * answers are parsed leniently (unknown fields pass through untouched, optional vendor fields stay
 * optional) and requests strictly.
 *
 * Our choices where the vendor is silent (written down in server/veeam-v5/README.md too):
 * - `POST /Jobs/{id}/action` answers 200 with an EMPTY body for every action, explore included (seed 004:
 *   "Response Body: None"); the new restore session shows first in `GET /RestoreSessions`.
 * - start on a running job, start on a disabled job, stop on a job that does not run, stop on a
 *   stopped restore session: 409 with `{message}`. Disable of a running job is allowed; the running
 *   session goes on. Bad bodies: 400 (415 when not JSON).
 * - errors are `{message, errorCode}` (v8's RESTExceptionInfo without the stack trace).
 * - the token answer adds `userName` and `role` (viewer | support | admin): Veeam v5 has no roles of its
 *   own, and the console needs to know what to offer.
 */

export * from './wire-actions';
export * from './wire-common';
export * from './wire-datetime';
export * from './wire-jobs';
export * from './wire-objects';

// Bare arrays (Jobs, Organizations, BackupRepositories, Proxies) and paged lists, ready to parse.
export const organizationListSchema = z.array(organizationSchema);
export const jobListSchema = z.array(jobSchema);
export const backupRepositoryListSchema = z.array(backupRepositorySchema);
export const proxyListSchema = z.array(proxySchema);
export const jobSessionPageSchema = pagedSchema(jobSessionSchema);
export const logItemPageSchema = pagedSchema(logItemSchema);
export const restoreSessionPageSchema = pagedSchema(restoreSessionSchema);
export const restoreSessionEventPageSchema = pagedSchema(restoreSessionEventSchema);
export const licensedUserPageSchema = pagedSchema(licensedUserSchema);
