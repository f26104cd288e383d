import { z } from 'zod';
import { linksSchema } from './wire-common';

/** Veeam v5 wire: organizations, jobs and their schedules, job sessions and log items. */

export const organizationSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  region: z.string().optional(),
  officeName: z.string().optional(),
  isExchangeOnline: z.boolean().optional(),
  isSharePointOnline: z.boolean().optional(),
  isTeamsOnline: z.boolean().optional(),
  isBackedup: z.boolean().optional(),
  firstBackuptime: z.string().nullish(),
  lastBackuptime: z.string().nullish(),
  _links: linksSchema.optional(),
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
  scheduleEnabled: z.boolean().optional(),
  type: z.string(),
  /** With type Periodically: "Minutes5" … "Hours8". */
  periodicallyEvery: z.string().optional(),
  /** With type Daily: Everyday, Workdays, Weekends or a day name. */
  dailyType: z.string().optional(),
  /** With type Daily: "HH:mm:ss", UTC here. */
  dailyTime: z.string().optional(),
  backupWindowEnabled: z.boolean().optional(),
  backupWindowSettings: z
    .looseObject({ backupWindow: z.array(z.boolean()), minuteOffset: z.number() })
    .optional(),
  retryEnabled: z.boolean().optional(),
  retryNumber: z.number().optional(),
  retryWaitInterval: z.number().optional(),
});
export type SchedulePolicy = z.infer<typeof schedulePolicySchema>;

export const jobSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  lastStatus: z.string().optional(),
  lastRun: z.string().nullish(),
  nextRun: z.string().nullish(),
  isEnabled: z.boolean(),
  backupType: z.string(),
  schedulePolicy: schedulePolicySchema.optional(),
  runNow: z.boolean().optional(),
  /** rels: self, organization, backupRepository, jobsessions, selectedItems, excludedItems. */
  _links: linksSchema.optional(),
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
  endTime: z.string().nullish(),
  progress: z.number(),
  status: z.string(),
  details: z.string().optional(),
  retryCount: z.number().optional(),
  statistics: jobSessionStatisticsSchema.optional(),
  /** rels: self, log, job. */
  _links: linksSchema.optional(),
});
export type JobSession = z.infer<typeof jobSessionSchema>;

export const logItemSchema = z.looseObject({
  id: z.string(),
  usn: z.number(),
  /** "[Success] Job started at …", "[Warning] Mailbox john@contoso.com: item size exceeds limit". */
  title: z.string(),
  creationTime: z.string(),
  endTime: z.string().nullish(),
  _links: linksSchema.optional(),
});
export type LogItem = z.infer<typeof logItemSchema>;
