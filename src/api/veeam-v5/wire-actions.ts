import { z } from '../contract/zod';
import { veeamDateTimeSchema } from './wire-datetime';

/** Veeam v5 wire: the bodies of `POST /Jobs/{id}/action` and `POST /RestoreSessions/{id}/action`. */

export const EXPLORE_TYPES = ['vex', 'vesp', 'veod', 'vet'] as const;
export type ExploreType = (typeof EXPLORE_TYPES)[number];

/** A boolean, or "true"/"false" as a string (the PHP portal sends `"ShowDeleted":"true"`). */
export const looseBooleanSchema = z.union(
  [
    z.boolean(),
    z.pipe(
      z.enum(['true', 'false', 'True', 'False']),
      z.transform((s) => s.toLowerCase() === 'true'),
    ),
  ],
  { error: 'must be true or false' },
);

/**
 * Veeam (ASP.NET) reads JSON property names without regard to case; clients send `ShowDeleted`,
 * `DateTime`. Known keys are renamed to their canonical spelling before the strict check.
 */
export function caseInsensitiveKeys<T extends z.ZodMiniType>(canonical: readonly string[], schema: T) {
  const byLower = new Map(canonical.map((k) => [k.toLowerCase(), k]));
  return z.pipe(
    z.transform((value) => {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [byLower.get(k.toLowerCase()) ?? k, v] as const),
      );
    }),
    schema,
  );
}

const exploreFields = z.strictObject({
  datetime: veeamDateTimeSchema,
  type: z.pipe(
    z.transform((v) => (typeof v === 'string' ? v.toLowerCase() : v)),
    z.enum(EXPLORE_TYPES),
  ),
  // null is "not given", as the vendor's nullable booleans read it.
  showDeleted: z.pipe(
    z.nullish(looseBooleanSchema),
    z.transform((v) => v ?? undefined),
  ),
  showAllVersions: z.pipe(
    z.nullish(looseBooleanSchema),
    z.transform((v) => v ?? undefined),
  ),
});
export const exploreSchema = caseInsensitiveKeys(
  ['datetime', 'type', 'showDeleted', 'showAllVersions'],
  exploreFields,
);
export type Explore = z.infer<typeof exploreSchema>;

export const JOB_ACTIONS = ['enable', 'disable', 'start', 'stop', 'explore'] as const;
export type JobActionName = (typeof JOB_ACTIONS)[number];

/** `POST /Jobs/{id}/action`: exactly one of these keys (seed 004). */
export const jobActionSchema = caseInsensitiveKeys(
  JOB_ACTIONS,
  z.union([
    z.strictObject({ enable: z.null() }),
    z.strictObject({ disable: z.null() }),
    z.strictObject({ start: z.null() }),
    z.strictObject({ stop: z.null() }),
    z.strictObject({ explore: exploreSchema }),
  ]),
);
export type JobAction = z.infer<typeof jobActionSchema>;
/** What the console sends to open a restore session (the wire input form, booleans as booleans). */
export type ExploreRequest = z.input<typeof exploreFields>;

/** `POST /RestoreSessions/{id}/action`. */
export const restoreSessionActionSchema = caseInsensitiveKeys(['stop'], z.strictObject({ stop: z.null() }));
export type RestoreSessionAction = z.infer<typeof restoreSessionActionSchema>;
