import { Random } from '../seed/random';
import type { PlannedLog, SessionOutcome } from '../store/veeam-types';

/** What one job session will do: its size, its pace and the log lines it will write on the way. */
export interface SessionPlan {
  outcome: SessionOutcome;
  totalObjects: number;
  totalBytes: number;
  /** Simulated milliseconds spent Queued, then Running. */
  queuedMs: number;
  plannedMs: number;
  bottleneck: string;
  log: PlannedLog[];
  /** Why a Failed run fails (its details). */
  failure: string | null;
}

export interface PlanInput {
  organization: string;
  backupType: string;
  jobName: string;
  risk: number;
}

const PEOPLE = [
  'john',
  'anna',
  'maria',
  'li.wei',
  'omar',
  'sophie',
  'raj',
  'fatima',
  'lukas',
  'emma',
  'diego',
  'yuki',
];
const SITES = ['Finance', 'Marketing', 'HR', 'Legal', 'Engineering', 'Sales'];
const BOTTLENECKS = ['Source', 'Source', 'Target', 'Proxy', 'Network'];

/** A number from a text: a session's plan is drawn from its own id, so the same id plans the same run. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

/** "contoso.onmicrosoft.com" → "contoso.com": where the organization's mailboxes live. */
export function mailDomain(organization: string): string {
  return organization.replace(/\.onmicrosoft\.com$/i, '') + '.com';
}

/** What a job processes, by its kind: mailboxes, sites, OneDrives or teams. */
function processed(r: Random, jobName: string, domain: string): string {
  const person = `${r.pick(PEOPLE)}@${domain}`;
  if (/sharepoint/i.test(jobName) && r.chance(0.5)) {
    return `site https://${domain.replace(/\.com$/, '')}.sharepoint.com/sites/${r.pick(SITES)}`;
  }
  if (/onedrive/i.test(jobName)) return `OneDrive of ${person}`;
  if (/teams/i.test(jobName)) return `team ${r.pick(SITES)}`;
  return `mailbox ${person}`;
}

function warnings(r: Random, domain: string): string[] {
  const who = `${r.pick(PEOPLE)}@${domain}`;
  const site = `https://${domain.replace(/\.com$/, '')}.sharepoint.com/sites/${r.pick(SITES)}`;
  return [
    `[Warning] Mailbox ${who}: item size exceeds limit (Subject: "Q${r.int(1, 4)} results.pptx", ${r.int(151, 480)} MB)`,
    `[Warning] Site ${site}: ${r.int(2, 40)} items were skipped because they are checked out`,
    `[Warning] OneDrive of ${who}: ${r.int(1, 9)} items were skipped: the file path is longer than 400 characters`,
    `[Warning] Mailbox ${who}: the archive mailbox is not accessible (The user does not have a license)`,
  ];
}

function failures(r: Random, domain: string): string[] {
  const who = `${r.pick(PEOPLE)}@${domain}`;
  return [
    `Mailbox ${who}: Exchange Web Services returned an error: The server cannot service this request right now. Try again later.`,
    `Connection to SharePoint Online failed: The remote server returned an error: (429) Too Many Requests.`,
    `Repository is out of free space: the backup needs ${r.int(2, 40)} GB more than is free.`,
    `Failed to connect to Microsoft Graph: the application secret of organization ${domain} has expired.`,
  ];
}

/**
 * Draws a session's plan. At SPEED=60 a run spends 10–30 s Running (10–30 simulated minutes) after
 * up to a second Queued, so a person (and an e2e test) can watch it move.
 */
export function planSession(sessionId: string, input: PlanInput): SessionPlan {
  const r = new Random(hashSeed(sessionId));
  const roll = r.next();
  const outcome: SessionOutcome =
    roll < input.risk / 2 ? 'Failed' : roll < input.risk ? 'Warning' : 'Success';
  const domain = mailDomain(input.organization);
  const totalObjects = input.backupType === 'EntireOrganization' ? r.int(200, 5000) : r.int(12, 400);
  const totalBytes = totalObjects * r.int(200_000, 8_000_000);
  const log: PlannedLog[] = [
    { at: 1, title: `[Success] Connected to organization ${input.organization}` },
    { at: 2, title: `[Success] Found ${totalObjects} objects to process` },
  ];
  for (const at of [15, 40, 65, 85])
    log.push({ at, title: `[Success] Processing ${processed(r, input.jobName, domain)}` });
  let failure: string | null = null;
  if (outcome === 'Warning') {
    const all = warnings(r, domain);
    for (let i = r.int(1, 3); i > 0; i--) log.push({ at: r.int(10, 95), title: r.pick(all) });
  }
  if (outcome === 'Failed') {
    failure = r.pick(failures(r, domain));
    log.push({ at: r.int(30, 85), title: `[Failed] ${failure}`, fails: true });
  }
  log.sort((a, b) => a.at - b.at);
  return {
    outcome,
    totalObjects,
    totalBytes,
    queuedMs: r.int(20, 60) * 1000,
    plannedMs: r.int(600, 1800) * 1000,
    bottleneck: r.pick(BOTTLENECKS),
    log,
    failure,
  };
}

/** "M/d/yyyy h:mm:ss AM" in UTC, as Veeam writes times into its log lines. */
export function logTime(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ` +
    `${h % 12 || 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`
  );
}

/** Bytes for log lines: "3.4 GB". */
export function humanBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${i === 0 ? value : value.toFixed(1)} ${units[i]}`;
}
