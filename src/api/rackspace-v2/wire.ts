import { z } from '../contract/zod';
import type { JsonPatch } from '../contract/json-patch';
import { pathRuleSchema } from './wire-format';

/** Any 8-4-4-4-12 hex id (the vendor's ids are not all RFC 4122 version 4). */
const uuidSchema = (message: string) =>
  z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, message));

/**
 * Rackspace Cloud Backup API v2 on the wire (docs/dialects/rackspace-v2.md). The reference service validates
 * requests and the console's adapter parses answers with these same schemas.
 *
 * Ids are UUID strings (event ids numeric strings, snapshot_id an int); times ISO-8601 UTC; 201 answers
 * carry `Location`; lists are `{<things>: [...], links: [{href, rel: "next"|"previous"}]}` paged by
 * `marker` (last seen id), `limit` (default 100) and `sort_dir` (asc|desc, default desc).
 * Errors: `{"message": "...", "errors": ["..."]}`.
 *
 * Encrypted vaults: `encrypted_password_hex` of POST /restores is the vault password hex-encoded
 * (plain text is accepted too; the demo's vault password is "demo-vault", hex "64656d6f2d7661756c74").
 * A wrong or missing password for an encrypted backup is refused with 400; nothing runs.
 */

/** POST /backups. `start_scheduled` needs the `X-Agent-Id` header (agents only). */
export const backupCreateSchema = z.object({
  configuration_id: uuidSchema('configuration_id must be a UUID'),
  state: z.enum(['start_requested', 'start_scheduled'], {
    error: 'state must be "start_requested" or "start_scheduled"',
  }),
});
export type BackupCreate = z.infer<typeof backupCreateSchema>;

/** POST /restores. The table spells `destination_agent_ID`; both spellings are accepted. */
export const restoreCreateSchema = z
  .object({
    backup_id: uuidSchema('backup_id must be a UUID'),
    destination_agent_id: z.optional(uuidSchema('destination_agent_id must be a UUID')),
    destination_agent_ID: z.optional(uuidSchema('destination_agent_ID must be a UUID')),
    /** null = the original place, on the same host. */
    destination_path: z.nullish(z.string().check(z.maxLength(1024))),
    overwrite_files: z.optional(z.boolean()),
    encrypted_password_hex: z.nullish(z.string()),
    inclusions: z.optional(z.array(pathRuleSchema)),
    exclusions: z.optional(z.array(pathRuleSchema)),
  })
  .check(
    z.refine((b) => b.destination_agent_id ?? b.destination_agent_ID, {
      message: 'destination_agent_id is required',
      path: ['destination_agent_id'],
    }),
  );
export type RestoreCreate = z.input<typeof restoreCreateSchema>;

export { jsonPatchSchema, patchOpSchema, type JsonPatch, type PatchOp } from '../contract/json-patch';

/** The user's stop request for a backup or a restore. */
export const STOP_PATCH: JsonPatch = [{ op: 'replace', path: '/state', value: 'stop_requested' }];
export function enablePatch(enabled: boolean): JsonPatch {
  return [{ op: 'replace', path: '/enabled', value: enabled }];
}

export * from './wire-format';
export * from './wire-objects';
