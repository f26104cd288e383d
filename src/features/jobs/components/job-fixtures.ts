import type { BackupTarget, LastRun, LogItem, Run, RunState } from '../../../api/domain';

/** Domain objects for component tests: plain data as the adapters hand it to the UI. */

/** A job's last run as Veeam tells it: a status and a time, no run id. */
export function jobLastRun(state: RunState, vendorState = 'Success'): LastRun {
  return { id: null, state, vendorState, at: '2026-11-21T02:00:00Z' };
}

export function makeJob(over: Partial<BackupTarget> = {}): BackupTarget {
  return {
    connectionId: 'veeam',
    kind: 'job',
    id: 'job-1',
    name: 'Mailboxes',
    description: '',
    organization: { id: 'org-1', name: 'Contoso' },
    machine: null,
    encrypted: null,
    region: null,
    type: 'EntireOrganization',
    enabled: true,
    schedule: {
      description: 'Daily at 02:00',
      zone: { name: 'Veeam server time', iana: null, offsetMinutes: 0 },
      manual: false,
    },
    lastRun: jobLastRun('succeeded'),
    nextRunAt: '2026-11-22T02:00:00Z',
    currentRunId: null,
    ...over,
  };
}

export function makeSession(over: Partial<Run> = {}): Run {
  return {
    connectionId: 'veeam',
    kind: 'job-session',
    id: 'session-1',
    parentId: 'job-1',
    parentName: 'Mailboxes',
    machineName: null,
    state: 'running',
    vendorState: 'Running',
    startedAt: '2026-11-22T02:00:00Z',
    endedAt: null,
    updatedAt: null,
    progress: {
      percent: 40,
      filesSearched: null,
      filesDone: 120,
      bytesSearched: null,
      bytesDone: 5 * 1024 * 1024,
      rateBps: 1024 * 1024,
      itemsPerSecond: 12,
      etaSeconds: 90,
    },
    errorCount: 0,
    reason: null,
    restorable: null,
    encrypted: null,
    initiatedBy: null,
    ...over,
  };
}

export function makeLogItem(over: Partial<LogItem> = {}): LogItem {
  return {
    id: 'log-1',
    title: '[Success] Job started',
    level: 'success',
    at: '2026-11-22T02:00:01Z',
    endedAt: null,
    ...over,
  };
}
