import type { Agent, Configuration, ConfigurationSummary, Ref } from '../../src/api/rackspace-v2/wire';
import type { Naming } from '../engine/rackspace-actions';
import { toRrule } from '../engine/rackspace-schedule';
import type { AgentRow, ConfigurationView, PathRule } from '../store/rackspace-types';

/** Stored rows → v2 wire objects: UUIDs, snake_case, ISO times, `links` built on the request's base. */

export const iso = (ms: number | null | undefined): string | null =>
  ms == null ? null : new Date(ms).toISOString();

export const v2Naming: Naming = { id: (row) => row.uuid, state: (s) => s };

export function ref(base: string, kind: string, id: string): Ref {
  return { id, links: [{ href: `${base}/${kind}/${id}`, rel: 'full' }] };
}

export function presentAgent(base: string, a: AgentRow): Agent {
  return {
    project_id: a.tenant_id,
    id: a.uuid,
    name: a.name,
    version: a.agent_version,
    host: {
      flavor: a.flavor === 'RaxCloudServer' ? 'nova' : 'rackspace_dedicated',
      region: a.region,
      machine: { id: a.host_server_id, links: [] },
      os: { name: a.os_name, version: a.os_version, architecture: a.architecture },
      addresses: [{ version: 4, addr: a.ip_address }],
    },
    enabled: Boolean(a.enabled),
    rsa_public_key: { modulus: a.public_modulus, exponent: '010001' },
    vault: {
      id: a.vault_uuid,
      name: `z_DO_NOT_DELETE_CloudBackup_v2_0_${a.vault_uuid}`,
      state: 'created',
      flavor: 'swift',
      encrypted: Boolean(a.encrypted),
      region: a.region,
      use_internal: Boolean(a.use_service_net),
      links: [],
    },
    log_level: a.log_level,
    registered_time: new Date(a.registered_at).toISOString(),
    links: [
      { href: `${base}/agents/${a.uuid}`, rel: 'self' },
      { href: `${base}/agents/${a.uuid}/activities`, rel: 'activities' },
      { href: `${base}/agents/${a.uuid}/configurations`, rel: 'configurations' },
    ],
  };
}

export function presentConfigurationSummary(base: string, c: ConfigurationView): ConfigurationSummary {
  const rule = toRrule(c);
  return {
    project_id: c.tenant_id,
    id: c.uuid,
    agent: ref(base, 'agents', c.agent_uuid),
    name: c.name,
    enabled: Boolean(c.enabled),
    deleted: Boolean(c.deleted),
    schedule: rule ? { recurrence: [rule], time_zone: c.time_zone, start: null } : null,
    retention: { days: c.retention_days },
    backups: {
      last_completed: c.last_completed_uuid ? ref(base, 'backups', c.last_completed_uuid) : null,
      next: { scheduled_time: iso(c.next_run_at) },
    },
    links: [
      { href: `${base}/configurations/${c.uuid}`, rel: 'self' },
      { href: `${base}/configurations/${c.uuid}/activities`, rel: 'activities' },
      { href: `${base}/configurations/${c.uuid}/events`, rel: 'events' },
    ],
  };
}

export function presentConfiguration(base: string, c: ConfigurationView): Configuration {
  return {
    ...presentConfigurationSummary(base, c),
    inclusions: JSON.parse(c.inclusions) as PathRule[],
    exclusions: JSON.parse(c.exclusions) as PathRule[],
    notifications: [
      {
        type: 'email',
        destination: c.notify_recipients,
        on_success: Boolean(c.notify_success),
        on_failure: Boolean(c.notify_failure),
      },
    ],
  };
}
