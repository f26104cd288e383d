import type { Role } from '../domain';

/** Rackspace Identity role names → the console's roles; no known role means read-only. */
export function roleFromRackspace(names: readonly string[]): Role {
  const set = new Set(names.map((n) => n.toLowerCase()));
  if (['admin', 'identity:user-admin', 'cloudbackup:admin'].some((n) => set.has(n))) return 'admin';
  if (set.has('cloudbackup:creator')) return 'support';
  return 'viewer';
}
