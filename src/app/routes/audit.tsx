import { AuditPage } from '../../features/audit/components/audit-page';

/** /audit: the console server's audit log, for administrators. */
export function Component() {
  return <AuditPage />;
}
