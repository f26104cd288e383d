import type { Restore, Run, RunDetail } from '../domain';
import { isInFlight } from '../domain';
import { emptyProgress, runOf } from '../run-parts';
import { durationOf, iso, v1Errors, v1State } from './map';
import type { Activity, BackupDetail, BackupReport, Restore as WireRestore, RestoreReport } from './wire';
import { parseV1Size, RESTORE_STATES } from './wire';

/**
 * What a backup's report tells of it so far: when it started and what it has counted. While it runs the
 * report is partial (no end, errors or reason yet) but its start, counters and duration are live; the
 * average rate is the bytes backed up over that duration, both the vendor's.
 */
export function reportProgress(report: BackupReport | null): Pick<Run, 'startedAt' | 'progress'> {
  const bytesDone = parseV1Size(report?.BytesBackedUp);
  const seconds = durationOf(report?.Duration);
  return {
    startedAt: iso(report?.StartTime),
    progress: {
      ...emptyProgress(),
      filesSearched: report?.FilesSearched ?? null,
      filesDone: report?.FilesBackedUp ?? null,
      bytesSearched: parseV1Size(report?.BytesSearched),
      bytesDone,
      rateBps: bytesDone !== null && seconds ? Math.round(bytesDone / seconds) : null,
    },
  };
}

/** A backup from GET /backup/{id}, with its report when the run has one (partial while it runs). */
export function v1Backup(connectionId: string, b: BackupDetail, report: BackupReport | null): RunDetail {
  const state = v1State(b.CurrentState);
  const ended = isInFlight(state) ? null : report;
  const base = runOf({
    connectionId,
    kind: 'backup',
    id: String(b.BackupId),
    parentId: String(b.BackupConfigurationId),
    parentName: b.BackupConfigurationName,
    machineName: b.MachineName,
    state,
    vendorState: b.CurrentState,
    ...reportProgress(report),
    endedAt: iso(ended?.CompletedTime),
    updatedAt: iso(b.StateChangeTime),
    errorCount: ended?.NumErrors ?? 0,
    reason: ended?.Reason || null,
    restorable: ended?.CanRestore ?? null,
    encrypted: b.IsEncrypted,
  });
  return {
    ...base,
    errors: v1Errors(ended?.ErrorList ?? []),
    diagnostics: ended?.Diagnostics || null,
    durationSeconds: ended ? durationOf(ended.Duration) : null,
  };
}

/** A restore from GET /restore/{id}, with its report when it has one. */
export function v1Restore(connectionId: string, r: WireRestore, report: RestoreReport | null): Restore {
  const vendorState = report?.State ?? RESTORE_STATES[r.RestoreStateId] ?? String(r.RestoreStateId);
  return {
    connectionId,
    kind: 'restore',
    id: String(r.RestoreId),
    parentId: String(r.BackupConfigurationId),
    parentName: r.BackupConfigurationName,
    machineName: r.DestinationMachineName,
    state: v1State(vendorState),
    vendorState,
    startedAt: iso(report?.StartTime),
    endedAt: iso(report?.CompletedTime),
    updatedAt: iso(report?.CompletedTime ?? report?.StartTime),
    progress: {
      ...emptyProgress(),
      filesDone: report?.NumFilesRestored ?? null,
      bytesDone: parseV1Size(report?.NumBytesRestored),
    },
    errorCount: report?.NumErrors ?? 0,
    reason: report?.Reason || null,
    restorable: null,
    encrypted: r.IsEncrypted,
    initiatedBy: null,
    errors: v1Errors(report?.ErrorList ?? []),
    diagnostics: report?.Diagnostics || null,
    durationSeconds: report?.CompletedTime ? durationOf(report.Duration) : null,
    backupId: String(r.BackupId),
    sourceAgentId: String(r.BackupMachineId),
    sourceMachineName: r.BackupMachineName || null,
    destinationAgentId: String(r.DestinationMachineId),
    destinationMachineName: r.DestinationMachineName,
    destinationPath: r.DestinationPath || null,
    overwrite: r.OverwriteFiles,
    draft: r.RestoreStateId === 0,
  };
}

/**
 * A restore of the activity list (v1.0 has no list of restores), with what its own answer says when it
 * was read: where it goes. Unread, its path is unknown (undefined), never "the original place". A
 * draft has neither started nor ended.
 */
export function restoreFromActivity(run: Run, a: Activity, r: WireRestore | null): Restore {
  const draft = a.CurrentState === 'Creating';
  return {
    ...run,
    ...(draft ? { startedAt: null, endedAt: null } : {}),
    errors: [],
    diagnostics: null,
    durationSeconds: null,
    backupId: String(a.BackupId),
    sourceAgentId: String(a.SourceMachineAgentId),
    sourceMachineName: r?.BackupMachineName || a.SourceMachineName || null,
    destinationAgentId: String(a.DestinationMachineAgentId),
    destinationMachineName: run.machineName,
    destinationPath: r ? r.DestinationPath || null : undefined,
    overwrite: r?.OverwriteFiles ?? false,
    encrypted: r?.IsEncrypted ?? null,
    draft,
  };
}
