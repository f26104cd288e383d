import type { Role } from '../../src/api/contract/roles';
import { ROLES } from '../../src/api/contract/roles';

/** Rackspace Identity role names, in the vendor's own form (docs/dialects/rackspace-identity.md). */
export function rackspaceRoles(role: Role): { id: string; name: string; description: string }[] {
  const names: Record<Role, string[]> = {
    admin: ['identity:user-admin', 'cloudbackup:admin'],
    support: ['identity:default', 'cloudbackup:creator'],
    viewer: ['identity:default', 'cloudbackup:observer'],
  };
  return names[role].map((name, i) => ({
    id: String(i === 0 ? 3 : 10000150 + ROLES.indexOf(role)),
    name,
    description: name.startsWith('cloudbackup:')
      ? `Cloud Backup ${name.split(':')[1]} role`
      : 'Identity role',
  }));
}
