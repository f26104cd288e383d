import { z } from '../contract/zod';
import { linksSchema } from './wire-common';

/** Veeam v5 wire: restore sessions and their events, repositories, proxies, licensing. */

export const RESTORE_SESSION_TYPES = ['Vex', 'Vesp', 'Veod', 'Vet'] as const;

export const restoreSessionSchema = z.looseObject({
  id: z.string(),
  /** "<organization>: <job> - <what>" (monitoring scripts split it on ": " and " - "). */
  name: z.string(),
  organization: z.string(),
  type: z.string(),
  creationTime: z.string(),
  endTime: z.nullish(z.string()),
  /** Working, Stopped (older docs: Starting, Stopping). */
  state: z.string(),
  /** Success, Warning, Failed; null while Working. */
  result: z.nullish(z.string()),
  initiatedBy: z.optional(z.string()),
  details: z.optional(z.string()),
  /** rels: self, organization, restoreSessionEvents (and job, ours). */
  _links: z.optional(linksSchema),
});
export type RestoreSession = z.infer<typeof restoreSessionSchema>;

export const restoreSessionEventSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  startTime: z.string(),
  endTime: z.nullish(z.string()),
  /** "hh:mm:ss". */
  duration: z.optional(z.string()),
  title: z.string(),
  message: z.optional(z.string()),
  order: z.number(),
});
export type RestoreSessionEvent = z.infer<typeof restoreSessionEventSchema>;

export const backupRepositorySchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.optional(z.string()),
  path: z.optional(z.string()),
  capacityBytes: z.number(),
  freeSpaceBytes: z.number(),
  retentionType: z.optional(z.string()),
  retentionPeriodType: z.optional(z.string()),
  objectStorageId: z.nullish(z.string()),
  _links: z.optional(linksSchema),
});
export type BackupRepository = z.infer<typeof backupRepositorySchema>;

export const proxySchema = z.looseObject({
  id: z.string(),
  hostName: z.string(),
  description: z.optional(z.string()),
  port: z.optional(z.number()),
  threadsNumber: z.number(),
  /** Online, Offline. */
  status: z.string(),
  _links: z.optional(linksSchema),
});
export type Proxy = z.infer<typeof proxySchema>;

export const licensedUserSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  isBackedUp: z.boolean(),
  lastBackupDate: z.nullish(z.string()),
  /** Licensed, Unlicensed. */
  licenseState: z.string(),
  _links: z.optional(linksSchema),
});
export type LicensedUser = z.infer<typeof licensedUserSchema>;

export const licensingInformationSchema = z.looseObject({
  licensedUsers: z.number(),
  newUsers: z.number(),
  _links: z.optional(linksSchema),
});
export type LicensingInformation = z.infer<typeof licensingInformationSchema>;
