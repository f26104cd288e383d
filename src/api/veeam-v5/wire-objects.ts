import { z } from 'zod';
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
  endTime: z.string().nullish(),
  /** Working, Stopped (older docs: Starting, Stopping). */
  state: z.string(),
  /** Success, Warning, Failed; null while Working. */
  result: z.string().nullish(),
  initiatedBy: z.string().optional(),
  details: z.string().optional(),
  /** rels: self, organization, restoreSessionEvents (and job, ours). */
  _links: linksSchema.optional(),
});
export type RestoreSession = z.infer<typeof restoreSessionSchema>;

export const restoreSessionEventSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  startTime: z.string(),
  endTime: z.string().nullish(),
  /** "hh:mm:ss". */
  duration: z.string().optional(),
  title: z.string(),
  message: z.string().optional(),
  order: z.number(),
});
export type RestoreSessionEvent = z.infer<typeof restoreSessionEventSchema>;

export const backupRepositorySchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  path: z.string().optional(),
  capacityBytes: z.number(),
  freeSpaceBytes: z.number(),
  retentionType: z.string().optional(),
  retentionPeriodType: z.string().optional(),
  objectStorageId: z.string().nullish(),
  _links: linksSchema.optional(),
});
export type BackupRepository = z.infer<typeof backupRepositorySchema>;

export const proxySchema = z.looseObject({
  id: z.string(),
  hostName: z.string(),
  description: z.string().optional(),
  port: z.number().optional(),
  threadsNumber: z.number(),
  /** Online, Offline. */
  status: z.string(),
  _links: linksSchema.optional(),
});
export type Proxy = z.infer<typeof proxySchema>;

export const licensedUserSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  isBackedUp: z.boolean(),
  lastBackupDate: z.string().nullish(),
  /** Licensed, Unlicensed. */
  licenseState: z.string(),
  _links: linksSchema.optional(),
});
export type LicensedUser = z.infer<typeof licensedUserSchema>;

export const licensingInformationSchema = z.looseObject({
  licensedUsers: z.number(),
  newUsers: z.number(),
  _links: linksSchema.optional(),
});
export type LicensingInformation = z.infer<typeof licensingInformationSchema>;
