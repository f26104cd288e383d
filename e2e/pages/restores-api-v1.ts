import type { APIRequestContext } from '@playwright/test';
import type { RestoreCandidate } from './restores-api';
import { token } from './restores-api';

/**
 * The same as restores-api.ts through the service's own Rackspace v1.0 API in DFW, the region the
 * default config reaches through v1.0 (its catalog's `/dfw/v1.0/{tenant}`).
 */
const ROOT = '/dfw/v1.0/110011';

interface Available {
  BackupConfigurationId: number;
  BackupConfigurationName: string;
  MachineAgentId: number;
  MachineName: string;
  IsEncrypted: boolean;
}
interface Completed {
  BackupId: number;
  CompletedTime: string;
}
interface Activity {
  ID: number;
  Type: string;
}

export interface V1RestoreCandidate extends RestoreCandidate {
  agentId: number;
}

async function v1(request: APIRequestContext) {
  const headers = { 'X-Auth-Token': await token(request) };
  return async <T>(path: string, put?: object): Promise<T> => {
    const url = `${ROOT}${path}`;
    const res = put ? await request.put(url, { headers, data: put }) : await request.get(url, { headers });
    return res.json() as Promise<T>;
  };
}

/** "/Date(1357817400000)/" → ms. */
const msOf = (date: string) => Number(/\d+/.exec(date)?.[0] ?? 0);

/** The newest backup (the wizard lists newest first) of an online DFW agent, encrypted or not. */
export async function findV1RestoreCandidate(
  request: APIRequestContext,
  { encrypted }: { encrypted: boolean },
): Promise<V1RestoreCandidate> {
  const get = await v1(request);
  const available = await get<Available[]>('/backup/availableforrestore');
  for (const a of available.filter((x) => x.IsEncrypted === encrypted)) {
    const agent = await get<{ Status: string }>(`/agent/${a.MachineAgentId}`);
    if (agent.Status !== 'Online') continue;
    const [newest] = (await get<Completed[]>(`/backup/completed/${a.BackupConfigurationId}`)).sort(
      (x, y) => msOf(y.CompletedTime) - msOf(x.CompletedTime),
    );
    if (!newest) continue;
    return {
      connection: { id: 'rackspace-dfw', label: 'Rackspace DFW (v1.0)' },
      configurationName: a.BackupConfigurationName,
      backupId: String(newest.BackupId),
      machineName: a.MachineName,
      agentId: a.MachineAgentId,
    };
  }
  throw new Error(`no ${encrypted ? 'encrypted' : 'unencrypted'} backup of an online DFW agent`);
}

/** The ids of DFW's restores, as v1.0 lists them (its activity; v1.0 has no list of restores). */
export async function v1RestoreIds(request: APIRequestContext): Promise<string[]> {
  const get = await v1(request);
  return (await get<Activity[]>('/activity')).filter((a) => a.Type === 'Restore').map((a) => String(a.ID));
}

/** Another DFW machine than `agentId`, to restore to. */
export async function otherV1Agent(
  request: APIRequestContext,
  agentId: number,
): Promise<{ id: number; name: string }> {
  const get = await v1(request);
  const agents = await get<{ MachineAgentId: number; MachineName: string }[]>('/user/agents');
  const other = agents.find((a) => a.MachineAgentId !== agentId);
  if (!other) throw new Error(`no DFW agent but ${agentId}`);
  return { id: other.MachineAgentId, name: other.MachineName };
}

/**
 * Creates a restore the way v1.0 does (PUT /restore) and leaves it a draft, as an abandoned one is;
 * to the machine backed up unless another destination agent is given, into its original location
 * unless a destination path is given.
 */
export async function createV1Draft(
  request: APIRequestContext,
  c: V1RestoreCandidate,
  destinationAgentId: number = c.agentId,
  destinationPath = '',
): Promise<string> {
  const get = await v1(request);
  const created = await get<{ RestoreId: number }>('/restore', {
    BackupId: Number(c.backupId),
    BackupMachineId: c.agentId,
    DestinationMachineId: destinationAgentId,
    DestinationPath: destinationPath,
    OverwriteFiles: true,
  });
  return String(created.RestoreId);
}
