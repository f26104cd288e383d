import { scryptSync } from 'node:crypto';
import type { ServiceContext } from '../context';
import { nextRunAfter } from '../engine/rackspace-schedule';
import { DEMO_TENANT } from '../identity/users';
import { insertRow } from '../store/rackspace-sql';
import type { ConfigurationRow, Frequency } from '../store/rackspace-types';
import type { Random } from './random';
import { seedHistory } from './rackspace-history';
import {
  configurationName,
  hex,
  ipv4,
  machineKind,
  machineName,
  PEOPLE,
  rules,
  ZONES,
} from './rackspace-names';

/**
 * The Rackspace demo data set, deterministic by SEED, sized by SCALE (≈ the number of
 * configurations; machines are half as many, in DFW and ORD). The first machines are fixed so that
 * the seeds' examples and e2e tests find what they need:
 * - agent 0 (DFW, online) with configuration 148325 / 7c8ee069-… (seeds 000, 002, 003), agent
 *   8f135b4f-… (seed 003); agent 1 (ORD, online) with a daily configuration for e2e in ORD;
 * - agents 2 (DFW) and 3 (ORD): encrypted vaults (password "demo-vault") with hourly schedules;
 * - agent 4 offline (its scheduled runs are missed), agent 5 disabled.
 */
export const SEED_CONFIGURATION = { id: 148325, uuid: '7c8ee069-568f-4d5a-932f-fb2af86b5fd5' };
export const SEED_AGENT_UUID = '8f135b4f-7a69-4b8a-947f-5e80d772fd97';
export const DEMO_VAULT_PASSWORD = 'demo-vault';
const FIRST_AGENT_ID = 198300;

export function seedRackspace(ctx: ServiceContext, random: Random, scale: number): void {
  const now = ctx.clock.now();
  const agentCount = Math.max(6, Math.ceil(scale / 2));
  const vaultHash = vaultPasswordHash(random);
  const names: string[] = [];
  for (let i = 0; i < agentCount; i++) names.push(seedAgent(ctx, random, i, now, vaultHash));
  const configs: ConfigurationRow[] = [];
  for (let j = 0; j < Math.max(scale, 4); j++) configs.push(seedConfiguration(ctx, random, j, names, now));
  seedHistory(ctx, random.fork('history'), configs, now);
}

/** One scrypt hash shared by every demo vault (hashing per agent would make SCALE=10000 slow). */
function vaultPasswordHash(random: Random): string {
  const salt = Buffer.from(hex(random, 32), 'hex');
  const key = scryptSync(DEMO_VAULT_PASSWORD, salt, 32, { N: 16384, r: 8, p: 1 });
  return ['scrypt', 16384, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

function seedAgent(ctx: ServiceContext, random: Random, i: number, now: number, vaultHash: string): string {
  const region = i % 2 === 0 ? 'DFW' : 'ORD';
  const kind = machineKind(random);
  const encrypted = i === 2 || i === 3 || (i > 5 && random.chance(0.25));
  const online = i <= 3 || i === 5 || (i > 5 && random.chance(0.7));
  const enabled = i !== 5 && (i <= 5 || random.chance(0.92));
  const name = machineName(random, i, region);
  insertRow(ctx.db, 'rs_agents', {
    id: FIRST_AGENT_ID + i,
    uuid: i === 0 ? SEED_AGENT_UUID : random.uuid(),
    tenant_id: DEMO_TENANT,
    region,
    name,
    host_server_id: random.uuid(),
    os_name: kind.os,
    os_version: kind.version,
    architecture: random.chance(0.9) ? '64-bit' : '32-bit',
    flavor: random.chance(0.85) ? 'RaxCloudServer' : 'Dedicated',
    ip_address: ipv4(random),
    agent_version: random.pick(['1.36.010171', '1.37.011092', '1.38.012006']),
    enabled: enabled ? 1 : 0,
    online: online ? 1 : 0,
    encrypted: encrypted ? 1 : 0,
    vault_password_hash: encrypted ? vaultHash : null,
    vault_uuid: random.uuid(),
    registered_at: now - random.int(60, 900) * 86_400_000,
    public_modulus: hex(random, 256),
  });
  return name;
}

function frequencyFor(random: Random, j: number): Frequency {
  if (j === 0 || j === 1) return 'Daily';
  if (j === 2 || j === 3) return 'Hourly';
  const roll = random.next();
  return roll < 0.5 ? 'Daily' : roll < 0.7 ? 'Weekly' : roll < 0.85 ? 'Hourly' : 'Manually';
}

function seedConfiguration(
  ctx: ServiceContext,
  random: Random,
  j: number,
  names: string[],
  now: number,
): ConfigurationRow {
  const agentIndex = j % names.length;
  const region = agentIndex % 2 === 0 ? 'DFW' : 'ORD';
  const kind = machineKind(random);
  const frequency = frequencyFor(random, j);
  const machine = names[agentIndex] ?? 'server';
  const row = {
    id: SEED_CONFIGURATION.id + j,
    uuid: j === 0 ? SEED_CONFIGURATION.uuid : random.uuid(),
    tenant_id: DEMO_TENANT,
    region,
    agent_id: FIRST_AGENT_ID + agentIndex,
    name: configurationName(random, frequency, machine),
    enabled: j <= 5 || random.chance(0.85) ? 1 : 0,
    deleted: 0,
    frequency,
    hour_interval: frequency === 'Hourly' ? (j <= 3 ? 1 : random.pick([1, 2, 4, 6])) : null,
    start_hour: frequency === 'Daily' || frequency === 'Weekly' ? random.int(0, 23) : null,
    start_minute: random.pick([0, 15, 30, 45]),
    day_of_week: frequency === 'Weekly' ? random.int(0, 6) : null,
    time_zone: random.pick(ZONES),
    retention_days: random.pick([0, 30, 60]),
    missed_action: random.pick([1, 2]),
    notify_recipients: random.pick(PEOPLE),
    notify_success: random.chance(0.3) ? 1 : 0,
    notify_failure: 1,
    prescript: '',
    postscript: '',
    inclusions: JSON.stringify(rules(kind.includes.slice(0, random.int(1, kind.includes.length)))),
    exclusions: JSON.stringify(rules(kind.excludes)),
    bytes_estimate: random.int(4, 60) * 1024 ** 3 + random.int(0, 1023) * 1024 ** 2,
    files_estimate: random.int(20_000, 900_000),
    next_run_at: null as number | null,
    last_run_at: null,
    last_backup_id: null,
    last_completed_backup_id: null,
    current_backup_id: null,
  } satisfies ConfigurationRow;
  if (row.enabled) row.next_run_at = nextRunAfter(row, now);
  insertRow(ctx.db, 'rs_configurations', row);
  return row;
}
