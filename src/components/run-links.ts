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

/** The restore wizard with the configuration and the backup to restore from already chosen. */
export function newRestoreHref(connectionId: string, configurationId: string, backupId: string): string {
  const params = new URLSearchParams({
    connection: connectionId,
    configuration: configurationId,
    backup: backupId,
  });
  return `/restores/new?${params.toString()}`;
}

/**
 * The Activity page filtered (its filters live in the URL: connection, kind, state, range; a
 * filter left out is the page's default: all connections, all kinds, any state, the last 24 hours).
 */
export function activityHref(filters: {
  connection?: string;
  kind?: Run['kind'];
  state?: string;
  range?: string;
}): string {
  const params = new URLSearchParams();
  for (const name of ['connection', 'kind', 'state', 'range'] as const) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  const query = params.toString();
  return query ? `/activity?${query}` : '/activity';
}
