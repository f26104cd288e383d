import { z } from '../contract/zod';
import { linksSchema } from './wire-common';

/** Veeam v5 wire: organizations, jobs and their schedules, job sessions and log items. */

export const organizationSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  region: z.optional(z.string()),
  officeName: z.optional(z.string()),
  isExchangeOnline: z.optional(z.boolean()),
  isSharePointOnline: z.optional(z.boolean()),
  isTeamsOnline: z.optional(z.boolean()),
  isBackedup: z.optional(z.boolean()),
  firstBackuptime: z.nullish(z.string()),
  lastBackuptime: z.nullish(z.string()),
  _links: z.optional(linksSchema),
});
export type Organization = z.infer<typeof organizationSchema>;

export const JOB_STATUSES = [
  'Stopped',
  'Running',
  'Success',
  'Warning',
  'Failed',
  'Disconnected',
  'NotConfigured',
  'Queued',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const PERIODS = [
  'Minutes5',
  'Minutes10',
  'Minutes15',
  'Minutes30',
  'Hours1',
  'Hours2',
  'Hours4',
  'Hours8',
] as const;
export type Period = (typeof PERIODS)[number];
export const DAILY_TYPES = [
  'Everyday',
  'Workdays',
  'Weekends',
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;
export type DailyType = (typeof DAILY_TYPES)[number];

export const schedulePolicySchema = z.looseObject({
  scheduleEnabled: z.optional(z.boolean()),
  type: z.string(),
  /** With type Periodically: "Minutes5" … "Hours8". */
  periodicallyEvery: z.optional(z.string()),
  /** With type Daily: Everyday, Workdays, Weekends or a day name. */
  dailyType: z.optional(z.string()),
  /** With type Daily: "HH:mm:ss", UTC here. */
  dailyTime: z.optional(z.string()),
  backupWindowEnabled: z.optional(z.boolean()),
  backupWindowSettings: z.optional(
    z.looseObject({ backupWindow: z.array(z.boolean()), minuteOffset: z.number() }),
  ),
  retryEnabled: z.optional(z.boolean()),
  retryNumber: z.optional(z.number()),
  retryWaitInterval: z.optional(z.number()),
});
export type SchedulePolicy = z.infer<typeof schedulePolicySchema>;

export const jobSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.optional(z.string()),
  lastStatus: z.optional(z.string()),
  lastRun: z.nullish(z.string()),
  nextRun: z.nullish(z.string()),
  isEnabled: z.boolean(),
  backupType: z.string(),
  schedulePolicy: z.optional(schedulePolicySchema),
  runNow: z.optional(z.boolean()),
  /** rels: self, organization, backupRepository, jobsessions, selectedItems, excludedItems. */
  _links: z.optional(linksSchema),
});
export type Job = z.infer<typeof jobSchema>;

export const jobSessionStatisticsSchema = z.looseObject({
  processingRateBytesPS: z.number(),
  processingRateItemsPS: z.number(),
  readRateBytesPS: z.number(),
  writeRateBytesPS: z.number(),
  transferredDataBytes: z.number(),
  processedObjects: z.number(),
  bottleneck: z.string(),
});
export type JobSessionStatistics = z.infer<typeof jobSessionStatisticsSchema>;

export const jobSessionSchema = z.looseObject({
  id: z.string(),
  creationTime: z.string(),
  /** null while the session runs. */
  endTime: z.nullish(z.string()),
  progress: z.number(),
  status: z.string(),
  details: z.optional(z.string()),
  retryCount: z.optional(z.number()),
  statistics: z.optional(jobSessionStatisticsSchema),
  /** rels: self, log, job. */
  _links: z.optional(linksSchema),
});
export type JobSession = z.infer<typeof jobSessionSchema>;

export const logItemSchema = z.looseObject({
  id: z.string(),
  usn: z.number(),
  /** "[Success] Job started at …", "[Warning] Mailbox john@contoso.com: item size exceeds limit". */
  title: z.string(),
  creationTime: z.string(),
  endTime: z.nullish(z.string()),
  _links: z.optional(linksSchema),
});
export type LogItem = z.infer<typeof logItemSchema>;
