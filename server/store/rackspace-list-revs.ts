import type { Migration } from './db';
import { revTriggersSql, versionsTableSql } from './list-revs';

/** What the agent lists show: a write of any other column (awake_until on a wake-up) changes no list. */
const AGENT_LISTED = (
  'uuid tenant_id region name host_server_id os_name os_version architecture flavor ip_address ' +
  'agent_version enabled online encrypted vault_uuid vault_bytes last_success_at registered_at ' +
  'use_service_net log_level public_modulus'
).split(' ');

/**
 * Revs for the whole lists (list-revs.ts). A configuration shows its agent's name and keys and the
 * state of its runs, so those writes bump the configuration too ("SET rev = rev" fires its trigger).
 */
export const rackspaceListRevs: Migration = {
  id: 'rackspace-3-list-revs',
  sql: `
    ${versionsTableSql('rs_versions')}
    ${revTriggersSql('rs_configurations', 'rs_versions', { key: 'id' })}
    ${revTriggersSql('rs_agents', 'rs_versions', {
      key: 'id',
      watched: AGENT_LISTED,
      touch: 'UPDATE rs_configurations SET rev = rev WHERE agent_id = NEW.id;',
    })}
    CREATE TRIGGER rs_backups_touch_configuration AFTER UPDATE OF state, ended_at ON rs_backups
      WHEN OLD.state IS NOT NEW.state OR OLD.ended_at IS NOT NEW.ended_at
    BEGIN
      UPDATE rs_configurations SET rev = rev WHERE id = NEW.configuration_id;
    END;
    -- With last_completed_backup_id, the restorable lists are answered from the index alone too.
    CREATE INDEX rs_configurations_revs
      ON rs_configurations (tenant_id, region, deleted, id, rev, last_completed_backup_id);
    CREATE INDEX rs_agents_revs ON rs_agents (tenant_id, region, id, rev);
    -- An agent's configurations (v1.0 /backup-configuration/system/{id}, the touch above) likewise.
    CREATE INDEX rs_configurations_agent_revs
      ON rs_configurations (agent_id, tenant_id, region, deleted, id, rev);
    DROP INDEX rs_configurations_agent;
  `,
};
