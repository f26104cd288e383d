import { baseProvider } from '../base-provider';
import type { Capabilities, Connection } from '../domain';
import type { HttpClient } from '../http';
import type { BackupProvider } from '../provider';

export const CAPABILITIES: Capabilities = {
  configurations: true,
  jobs: false,
  startBackup: true,
  stopBackup: true,
  enableDisable: true,
  restores: true,
  restoreSessions: false,
  wakeAgents: true,
  progress: 'state-only',
};

export function createRackspaceV2Provider(connection: Connection, _http: HttpClient): BackupProvider {
  return baseProvider(connection, CAPABILITIES);
}
