import { z } from './zod';

/**
 * The schemas of each API's error answers, for the wire tests and the service's own checks; the
 * forms themselves (how each is written and read) are in error-forms.ts. The vendors are silent on
 * some of these; where they are, these are the reference service's documented choices.
 */

/**
 * Rackspace's fault form, used by Identity and by Cloud Backup v1.0:
 * `{"<faultName>": {"code": 400, "message": "...", "details": ""}}`.
 */
export const FAULT_NAMES = [
  'badRequest',
  'unauthorized',
  'forbidden',
  'itemNotFound',
  'conflict',
  'overLimit',
  'unsupportedMediaType',
  'instanceFault',
  'serviceUnavailable',
] as const;
export type FaultName = (typeof FAULT_NAMES)[number];

export const faultDetailSchema = z.object({
  code: z.int(),
  message: z.string(),
  details: z.optional(z.string()),
});
export const faultSchema = z.record(z.string(), faultDetailSchema);
export type Fault = z.infer<typeof faultSchema>;

/** The message of a fault body, whatever its fault name; undefined when the body is not a fault. */
export function faultMessage(body: unknown): string | undefined {
  const parsed = faultSchema.safeParse(body);
  if (!parsed.success) return undefined;
  return Object.values(parsed.data)[0]?.message;
}

/** Cloud Backup v2: `{"message": "...", "errors": ["..."]}`. */
export const v2ErrorSchema = z.looseObject({ message: z.string(), errors: z.array(z.string()) });
export type V2Error = z.infer<typeof v2ErrorSchema>;

/** Veeam v5: `{"message": "...", "errorCode": "NotFound"}` (v8's RESTExceptionInfo without the stack trace). */
export const veeamErrorSchema = z.looseObject({ message: z.string(), errorCode: z.optional(z.string()) });
export type VeeamError = z.infer<typeof veeamErrorSchema>;

/** Veeam's token endpoint answers a refused grant the OAuth way. */
export const tokenErrorSchema = z.looseObject({
  error: z.string(),
  error_description: z.optional(z.string()),
});
export type TokenError = z.infer<typeof tokenErrorSchema>;
