import type { Random } from '../seed/random';
import type { ErrorRow, Outcome, PathRule } from '../store/rackspace-types';

/** How simulated runs end, and the real-looking error lists of those that do not end well. */

export function pickOutcome(random: Random, manual: boolean): { outcome: Outcome; failAt: number } {
  const roll = random.next();
  const [withErrors, failed] = manual ? [0.1, 0.05] : [0.12, 0.08];
  if (roll < failed) return { outcome: 'failed', failAt: 0.2 + random.next() * 0.7 };
  if (roll < failed + withErrors) return { outcome: 'completed_with_errors', failAt: 1 };
  return { outcome: 'completed', failAt: 1 };
}

/** Why a failed run failed: the reason key (v2) and a sentence (both dialects' diagnostics). */
const FAILURES: [string, string][] = [
  ['agent_disconnected', 'The agent lost its connection to the backup service during the upload.'],
  ['vault_unavailable', 'The vault in Cloud Files could not be reached (HTTP 503); no data was written.'],
  ['insufficient_disk_space', 'The agent ran out of local disk space for its backup database.'],
  ['snapshot_failed', 'The volume snapshot (VSS) could not be created: the writer timed out.'],
];

const RESTORE_FAILURES: [string, string][] = [
  ['destination_unavailable', 'The destination agent stopped answering during the restore.'],
  ['access_denied', 'The agent could not write to the destination path: access is denied.'],
];

export function failureReason(random: Random, kind: 'backup' | 'restore'): [string, string] {
  return random.pick(kind === 'backup' ? FAILURES : RESTORE_FAILURES);
}

export const SOME_FILES = {
  backup: ['unable_to_process_some_files', 'Some files could not be backed up. Partial list follows.'],
  restore: ['unable_to_process_some_files', 'Some files could not be restored. Partial list follows.'],
} as const;

export const RESTARTED = {
  reason: 'service_restarted',
  backup: 'The service restarted while the backup was running.',
  restore: 'The service restarted while the restore was running.',
};

const ERROR_KINDS = [
  {
    type: 'file_or_folder_missing',
    description: 'The file or folder was not found; it may have been deleted after the search.',
    code: 2,
    exception: 'System.IO.FileNotFoundException',
    file: ['old-report.xlsx', 'cache/session-4411.tmp', 'logs/app.log.3'],
  },
  {
    type: 'file_missing_blocks',
    description: 'Some blocks of the file could not be read; the file changed while it was backed up.',
    code: 23,
    exception: 'Rackspace.Backup.BlockReadException',
    file: ['mysql/ibdata1', 'data/orders.db', 'mail/inbox.mbox'],
  },
  {
    type: 'phx_exception',
    description: 'The file is locked by another process.',
    code: 32,
    exception: 'System.IO.IOException: The process cannot access the file because it is being used',
    file: ['pagefile.sys', 'Windows/System32/config/SAM', 'db/journal.lock'],
  },
];

/** 1–6 errors under the configuration's inclusions. */
export function errorList(random: Random, inclusions: PathRule[]): ErrorRow[] {
  const roots = inclusions.length ? inclusions.map((i) => i.path) : ['/home'];
  const count = random.int(1, 6);
  return Array.from({ length: count }, (_, idx) => {
    const kind = random.pick(ERROR_KINDS);
    const root = random.pick(roots).replace(/[\\/]+$/, '');
    const sep = root.includes('\\') ? '\\' : '/';
    const path = `${root}${sep}${random.pick(kind.file).replaceAll('/', sep)}`;
    return {
      idx,
      path,
      type: kind.type,
      description: kind.description,
      exception_code: kind.code,
      exception_description: kind.exception,
      exception_details: `${kind.exception} at ${path}`,
    };
  });
}
