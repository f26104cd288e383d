import type { Run } from '../api/domain';

const enc = encodeURIComponent;

/** Where a run is shown in full: its configuration or job, or the restore / restore session itself. */
export function runHref(run: Pick<Run, 'connectionId' | 'kind' | 'id' | 'parentId'>): string | null {
  const c = enc(run.connectionId);
  switch (run.kind) {
    case 'backup':
      return run.parentId ? `/configurations/${c}/${enc(run.parentId)}` : null;
    case 'job-session':
      return run.parentId ? `/jobs/${c}/${enc(run.parentId)}` : null;
    case 'restore':
      return `/restores/${c}/${enc(run.id)}`;
    case 'restore-session':
      return `/restore-sessions/${c}/${enc(run.id)}`;
  }
}

export function configurationHref(connectionId: string, id: string): string {
  return `/configurations/${enc(connectionId)}/${enc(id)}`;
}

export function jobHref(connectionId: string, id: string): string {
  return `/jobs/${enc(connectionId)}/${enc(id)}`;
}

export const RUN_KIND_LABEL: Record<Run['kind'], string> = {
  backup: 'Backup',
  restore: 'Restore',
  'job-session': 'Job session',
  'restore-session': 'Restore session',
};
