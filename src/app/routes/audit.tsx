import { AuditPage } from '../../features/audit/components/audit-page';
import { ConsoleServerOnly } from './console-server-only';

/** /audit: the console server's audit log, for administrators. */
export function Component() {
  return (
    <ConsoleServerOnly title="Audit log" what="the log of what each person did">
      <AuditPage />
    </ConsoleServerOnly>
  );
}
