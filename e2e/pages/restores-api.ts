import type { APIRequestContext } from '@playwright/test';

/**
 * Finds, through the service's own Rackspace v2 API (ORD, the region the default config reaches through
 * v2), a restorable backup to drive the restore wizard with, so the specs do not depend on the demo
 * data's generated names.
 */
export interface RestoreCandidate {
  /** The connection of public/config.json the wizard restores on. */
  connection: { id: string; label: string };
  configurationName: string;
  backupId: string;
  machineName: string;
}

interface V2Backup {
  id: string;
  agent: { id: string };
  configuration: { id: string };
  bytes_backed_up: number;
  restorable: boolean;
}
interface V2Agent {
  id: string;
  name: string;
  vault: { encrypted: boolean };
}

/** An admin token of the demo's Rackspace Identity, for reading the service's own API. */
export async function token(request: APIRequestContext): Promise<string> {
  const res = await request.post('/v2.0/tokens', {
    data: { auth: { passwordCredentials: { username: 'admin', password: 'demo' } } },
  });
  const body = (await res.json()) as { access: { token: { id: string } } };
  return body.access.token.id;
}

/** The restorable ORD backup of an online agent, encrypted or not, largest first (slowest to restore). */
export async function findRestoreCandidate(
  request: APIRequestContext,
  { encrypted }: { encrypted: boolean },
): Promise<RestoreCandidate> {
  const headers = { 'X-Auth-Token': await token(request) };
  const root = '/ord/v2/110011';
  const get = async <T>(path: string): Promise<T> =>
    (await request.get(`${root}${path}`, { headers })).json() as Promise<T>;
  const { agents } = await get<{ agents: V2Agent[] }>('/agents');
  const { backups } = await get<{ backups: V2Backup[] }>('/backups?restorable=true&limit=500');
  const sorted = backups.filter((b) => b.restorable).sort((a, b) => b.bytes_backed_up - a.bytes_backed_up);
  for (const b of sorted) {
    const agent = agents.find((a) => a.id === b.agent.id);
    if (!agent || agent.vault.encrypted !== encrypted) continue;
    const status = await get<{ online: boolean }>(`/agents/${agent.id}/status`);
    if (!status.online) continue;
    const configuration = await get<{ name: string }>(`/configurations/${b.configuration.id}`);
    return {
      connection: { id: 'rackspace-ord', label: 'Rackspace ORD (v2)' },
      configurationName: configuration.name,
      backupId: b.id,
      machineName: agent.name,
    };
  }
  throw new Error(`no restorable ${encrypted ? 'encrypted' : 'unencrypted'} backup of an online ORD agent`);
}

/**
 * Creates and starts a restore through v2 (POST /restores) of an unencrypted ORD backup, to another
 * machine than the one backed up. Answers the restore's id and both machines' names.
 */
export async function createV2RestoreElsewhere(
  request: APIRequestContext,
  c: RestoreCandidate,
): Promise<{ id: string; destinationName: string }> {
  const headers = { 'X-Auth-Token': await token(request) };
  const root = '/ord/v2/110011';
  const backup = (await (await request.get(`${root}/backups/${c.backupId}`, { headers })).json()) as V2Backup;
  const { agents } = (await (await request.get(`${root}/agents`, { headers })).json()) as {
    agents: V2Agent[];
  };
  const destination = agents.find((a) => a.id !== backup.agent.id);
  if (!destination) throw new Error(`no ORD agent but ${backup.agent.id}`);
  const res = await request.post(`${root}/restores`, {
    headers,
    data: {
      backup_id: c.backupId,
      destination_agent_id: destination.id,
      destination_path: '/srv/from-elsewhere',
      overwrite_files: false,
    },
  });
  if (res.status() !== 201) throw new Error(`POST /restores answered ${res.status()}: ${await res.text()}`);
  const created = (await res.json()) as { id: string };
  return { id: created.id, destinationName: destination.name };
}
