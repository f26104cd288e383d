import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { configurationEnableSchema } from '../../src/api/rackspace-v1/wire';
import type { ServiceContext } from '../context';
import { nextRunAfter } from '../engine/rackspace-schedule';
import { findAgent } from '../store/rackspace-agents';
import { runningBackupOf } from '../store/rackspace-backups';
import type { ConfigurationFields } from '../store/rackspace-configurations';
import {
  configurationNamed,
  deleteConfiguration,
  findConfiguration,
  insertConfiguration,
  setConfigurationEnabled,
  updateConfiguration,
} from '../store/rackspace-configurations';
import type { ConfigurationView } from '../store/rackspace-types';
import { configurationFields, configurationInputSchema } from './configuration-input';
import type { V1Context, V1Env } from './http';
import { fault, pathId } from './http';
import { jsonBytes, v1Lists } from './lists';
import { presentConfiguration, scheduleIdOf } from './present';
import { readBody } from './request';

export function configurationRoutes(v1: Hono<V1Env>, ctx: ServiceContext): void {
  const { db } = ctx;

  const lists = v1Lists(db);

  v1.get('/backup-configuration', (c) => jsonBytes(c, lists.configurations(c.get('scope'))));

  v1.get('/backup-configuration/system/:id{[0-9]+}', (c) => {
    const agent = findAgent(db, c.get('scope'), pathId(c));
    if (!agent) return fault(c, 404, `No agent ${c.req.param('id')} in this region.`);
    return jsonBytes(c, lists.configurations(c.get('scope'), { agentId: agent.id }));
  });

  v1.get('/backup-configuration/:id{[0-9]+}', (c) => {
    const config = findConfiguration(db, c.get('scope'), pathId(c));
    return config
      ? c.json(presentConfiguration(config))
      : fault(c, 404, `No backup configuration ${c.req.param('id')} in this region.`);
  });

  const noConfiguration = (c: V1Context) =>
    fault(c, 404, `No backup configuration ${c.req.param('id')} in this region.`);

  /** A create or update body, checked and turned into stored fields, with its agent. */
  async function input(c: V1Context, existing?: ConfigurationView) {
    const body = await readBody(c, configurationInputSchema);
    if (!body.ok) return { error: fault(c, body.status, body.message) };
    const checked = configurationFields(body.value);
    if (!checked.ok) return { error: fault(c, 400, checked.message) };
    const agentId = body.value.MachineAgentId;
    if (existing && agentId !== existing.agent_id)
      return {
        error: fault(
          c,
          400,
          `MachineAgentId ${agentId} is not the machine of backup configuration ${existing.id} (${existing.agent_id}); a configuration stays on its machine.`,
        ),
      };
    const scheduleId = body.value.BackupConfigurationScheduleId;
    if (existing && scheduleId != null && scheduleId !== scheduleIdOf(existing.id))
      return {
        error: fault(
          c,
          400,
          `BackupConfigurationScheduleId ${scheduleId} is not the schedule of backup configuration ${existing.id} (${scheduleIdOf(existing.id)}).`,
        ),
      };
    const agent = findAgent(db, c.get('scope'), agentId);
    if (!agent) return { error: fault(c, 404, `No agent ${agentId} in this region.`) };
    const same = configurationNamed(db, agent.id, checked.fields.name, existing?.id);
    if (same)
      return {
        error: fault(
          c,
          409,
          `${agent.name} already has a backup configuration named "${checked.fields.name}" (${same.id}).`,
        ),
      };
    const fields: ConfigurationFields = {
      ...checked.fields,
      next_run_at: checked.fields.enabled ? nextRunAfter(checked.fields, ctx.clock.now()) : null,
    };
    return { agent, fields };
  }

  // Create: the vendor answers 200 with the whole configuration, as GET shows it.
  v1.post('/backup-configuration', async (c) => {
    const got = await input(c);
    if (got.error) return got.error;
    const { agent, fields } = got;
    const rules = (JSON.parse(fields.inclusions) as unknown[]).length;
    const id = insertConfiguration(
      db,
      { uuid: randomUUID(), tenant_id: agent.tenant_id, region: agent.region, agent_id: agent.id },
      fields,
      // What a run of it finds, for the simulated agent: about 2 GiB and 20,000 files per included path.
      { bytes_estimate: Math.max(1, rules) * 2 * 1024 ** 3, files_estimate: Math.max(1, rules) * 20_000 },
    );
    return c.json(presentConfiguration(findConfiguration(db, c.get('scope'), id)!));
  });

  // Update: the whole configuration again; the vendor answers 200 with no body.
  v1.put('/backup-configuration/:id{[0-9]+}', async (c) => {
    const config = findConfiguration(db, c.get('scope'), pathId(c));
    if (!config) return noConfiguration(c);
    const got = await input(c, config);
    if (got.error) return got.error;
    updateConfiguration(db, config.id, got.fields);
    return c.body(null, 200);
  });

  // Delete: 200 with no body; refused while one of its backups runs, which would lose its owner.
  v1.delete('/backup-configuration/:id{[0-9]+}', (c) => {
    const config = findConfiguration(db, c.get('scope'), pathId(c));
    if (!config) return noConfiguration(c);
    const running = runningBackupOf(db, config.id);
    if (running)
      return fault(
        c,
        409,
        `Backup ${running.id} of backup configuration ${config.id} is running; stop it first (POST /backup/action-requested with StopManual).`,
      );
    deleteConfiguration(db, config.id);
    return c.body(null, 200);
  });

  v1.post('/backup-configuration/enable/:id{[0-9]+}', async (c) => {
    const body = await readBody(c, configurationEnableSchema);
    if (!body.ok) return fault(c, body.status, body.message);
    const config = findConfiguration(db, c.get('scope'), pathId(c));
    if (!config) return fault(c, 404, `No backup configuration ${c.req.param('id')} in this region.`);
    const enable = body.value.enable;
    setConfigurationEnabled(db, config.id, enable, enable ? nextRunAfter(config, ctx.clock.now()) : null);
    return c.json(presentConfiguration(findConfiguration(db, c.get('scope'), config.id)!));
  });
}
