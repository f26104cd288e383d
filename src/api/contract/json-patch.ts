import { z } from './zod';

/** An RFC 6902 operation (Cloud Backup v2 edits with JSON Patch; the service honours `replace` and `add`). */
export const JSON_PATCH_OPS = ['add', 'remove', 'replace', 'move', 'copy', 'test'] as const;

export const patchOpSchema = z.object({
  op: z.enum(JSON_PATCH_OPS),
  path: z.string().check(z.startsWith('/', 'a JSON Patch path starts with "/"')),
  value: z.optional(z.unknown()),
  from: z.optional(z.string()),
});
export type PatchOp = z.infer<typeof patchOpSchema>;
export const jsonPatchSchema = z.array(patchOpSchema).check(z.minLength(1, 'the JSON Patch array is empty'));
export type JsonPatch = z.infer<typeof jsonPatchSchema>;
