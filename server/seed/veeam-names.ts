import type { SchedulePolicy } from '../../src/api/veeam-v5/wire';
import type { Random } from './random';

/** Names and shapes of the Veeam demo data set. */

/** The job of seed 004's examples: the demo keeps it, so the examples work as written. */
export const SEED_JOB_ID = '3396ba22-21b1-4666-a631-0edfc12a59cd';

const ORGS = [
  'contoso',
  'fabrikam',
  'northwind',
  'adventureworks',
  'tailspin',
  'wingtip',
  'litware',
  'proseware',
  'woodgrove',
  'alpineski',
  'cohowinery',
  'lucernepub',
];

export const PEOPLE = ['john', 'anna', 'maria', 'li.wei', 'omar', 'sophie', 'raj', 'fatima', 'lukas', 'emma'];

/** The i-th organization's tenant name ("contoso.onmicrosoft.com") and display name ("Contoso"). */
export function orgNames(i: number): { name: string; officeName: string } {
  const base = ORGS[i % ORGS.length] ?? 'tenant';
  const round = Math.floor(i / ORGS.length);
  const stem = round === 0 ? base : `${base}${round + 1}`;
  const officeName = stem.charAt(0).toUpperCase() + stem.slice(1);
  return { name: `${stem}.onmicrosoft.com`, officeName };
}

/** Kinds of jobs an organization has, in order; the first organization's first job is SEED_JOB_ID. */
export const JOB_KINDS = [
  { name: 'Exchange daily', backupType: 'SelectedItems', description: 'Mailboxes and archive mailboxes' },
  { name: 'SharePoint and OneDrive', backupType: 'SelectedItems', description: 'Sites and personal drives' },
  { name: 'Entire organization', backupType: 'EntireOrganization', description: 'Everything in the tenant' },
  { name: 'Teams', backupType: 'SelectedItems', description: 'Teams, channels and their files' },
  {
    name: 'Executives mailboxes',
    backupType: 'SelectedItems',
    description: 'Mailboxes of the leadership team',
  },
] as const;

const DAILY_TIMES = ['01:00:00', '02:30:00', '22:00:00', '06:00:00', '23:30:00'];
const PERIODS = ['Minutes30', 'Hours1', 'Hours2', 'Hours4', 'Hours8'];

function policyBase(): Omit<SchedulePolicy, 'type'> {
  return {
    scheduleEnabled: true,
    backupWindowEnabled: false,
    retryEnabled: true,
    retryNumber: 3,
    retryWaitInterval: 10,
  };
}

export function dailyPolicy(dailyTime: string, dailyType = 'Everyday'): SchedulePolicy {
  return { ...policyBase(), type: 'Daily', dailyType, dailyTime };
}

export function randomPolicy(r: Random): SchedulePolicy {
  if (r.chance(0.6)) return dailyPolicy(r.pick(DAILY_TIMES), r.chance(0.7) ? 'Everyday' : 'Workdays');
  return { ...policyBase(), type: 'Periodically', periodicallyEvery: r.pick(PERIODS) };
}
