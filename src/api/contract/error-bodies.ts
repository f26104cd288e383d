import { z } from 'zod';
import type { ErrorBodyForm } from './operations';

/**
 * The error answers of each API, as the service writes them and the console reads them. The vendors
 * are silent on some of these; where they are, these are the reference service's documented choices.
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

const FAULT_OF_STATUS: Readonly<Record<number, FaultName>> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badRequest',
  409: 'conflict',
  413: 'overLimit',
  415: 'unsupportedMediaType',
  429: 'overLimit',
  500: 'instanceFault',
  503: 'serviceUnavailable',
};

export const faultDetailSchema = z.object({
  code: z.number().int(),
  message: z.string(),
  details: z.string().optional(),
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
export const veeamErrorSchema = z.looseObject({ message: z.string(), errorCode: z.string().optional() });
export type VeeamError = z.infer<typeof veeamErrorSchema>;

const VEEAM_CODE_OF_STATUS: Readonly<Record<number, string>> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'RequestEntityTooLarge',
  415: 'UnsupportedMediaType',
  500: 'InternalServerError',
};

/** Veeam's token endpoint answers a refused grant the OAuth way. */
export const tokenErrorSchema = z.looseObject({
  error: z.string(),
  error_description: z.string().optional(),
});
export type TokenError = z.infer<typeof tokenErrorSchema>;

/** The error body of a form, for a status and a message. */
export function errorBody(
  form: ErrorBodyForm,
  status: number,
  message: string,
  errors: string[] = [],
): object {
  switch (form) {
    case 'rackspace-fault':
      return { [FAULT_OF_STATUS[status] ?? 'badRequest']: { code: status, message, details: '' } };
    case 'rackspace-v2':
      return { message, errors };
    case 'veeam':
      return { message, errorCode: VEEAM_CODE_OF_STATUS[status] ?? 'Error' };
    case 'plain':
      return { message };
  }
}
