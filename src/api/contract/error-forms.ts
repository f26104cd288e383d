/**
 * The forms of error answers, each written by the service and read by the console. An API's contract
 * names the form it answers in; a dialect's plug-in names the forms it reads. No zod here: the console
 * reads error bodies on its first page (the schemas are in error-bodies.ts).
 */

export interface ErrorReading {
  code: string | null;
  message: string | null;
}

export interface ErrorForm {
  name: string;
  /** The body of an error answer, for a status and a message (and details where the form has them). */
  write(status: number, message: string, errors?: readonly string[]): object;
  /** The code and message of a body in this form; null when the body is not in it. */
  read(body: Readonly<Record<string, unknown>>): ErrorReading | null;
}

/** Rackspace's fault names by status (Identity and Cloud Backup v1.0). */
const FAULT_OF_STATUS: Readonly<Record<number, string>> = {
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

/** `{"message": "...", "errors"?: [...], "errorCode"?: "..."}`: the details follow the message. */
function readMessage(body: Readonly<Record<string, unknown>>): ErrorReading | null {
  if (typeof body.message !== 'string') return null;
  const errors = Array.isArray(body.errors)
    ? body.errors.filter((e): e is string => typeof e === 'string' && e !== body.message)
    : [];
  const code = typeof body.errorCode === 'string' ? body.errorCode : null;
  return { code, message: [body.message, ...errors].join(' ') };
}

/**
 * Rackspace's fault form, used by Identity and by Cloud Backup v1.0:
 * `{"<faultName>": {"code": 400, "message": "...", "details": ""}}`.
 */
export const RACKSPACE_FAULT: ErrorForm = {
  name: 'rackspace-fault',
  write: (status, message) => ({
    [FAULT_OF_STATUS[status] ?? 'badRequest']: { code: status, message, details: '' },
  }),
  read(body) {
    const keys = Object.keys(body);
    const fault = keys.length === 1 && keys[0] ? body[keys[0]] : undefined;
    if (!fault || typeof fault !== 'object') return null;
    const { message, details } = fault as { message?: unknown; details?: unknown };
    if (typeof message !== 'string') return null;
    return {
      code: keys[0] ?? null,
      message: typeof details === 'string' && details ? `${message} ${details}` : message,
    };
  },
};

/** Cloud Backup v2: `{"message": "...", "errors": ["..."]}`. */
export const RACKSPACE_V2_ERROR: ErrorForm = {
  name: 'rackspace-v2',
  write: (_status, message, errors = []) => ({ message, errors: [...errors] }),
  read: readMessage,
};

/** Veeam v5: `{"message": "...", "errorCode": "NotFound"}` (v8's RESTExceptionInfo without the stack trace). */
export const VEEAM_ERROR: ErrorForm = {
  name: 'veeam',
  write: (status, message) => ({ message, errorCode: VEEAM_CODE_OF_STATUS[status] ?? 'Error' }),
  read: readMessage,
};

/**
 * An OAuth token endpoint's refusal (Veeam's `/token`): `{"error": "invalid_grant", "error_description":
 * "..."}`; written with the OAuth error code as the one detail.
 */
export const OAUTH_ERROR: ErrorForm = {
  name: 'oauth',
  write: (_status, message, errors = []) => ({
    error: errors[0] ?? 'invalid_request',
    error_description: message,
  }),
  read(body) {
    if (typeof body.error_description !== 'string' && typeof body.error !== 'string') return null;
    const code = typeof body.error === 'string' ? body.error : null;
    const message = typeof body.error_description === 'string' ? body.error_description : code;
    return { code, message };
  },
};

/**
 * `{"message": "..."}`: what the console's own server answers outside every API (the proxy, a path no
 * API has). Every connection reads it, after its dialect's own forms.
 */
export const PLAIN_ERROR: ErrorForm = {
  name: 'plain',
  write: (_status, message) => ({ message }),
  read: readMessage,
};

/**
 * The code and message of an error answer read with `forms` in turn, then the plain form. Plain text
 * is used as is; an HTML page is no message.
 */
export function readErrorBody(body: unknown, forms: readonly ErrorForm[]): ErrorReading {
  if (typeof body === 'string') {
    const text = body.trim();
    return { code: null, message: text && !text.startsWith('<') ? text.slice(0, 500) : null };
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { code: null, message: null };
  for (const form of [...forms, PLAIN_ERROR]) {
    const reading = form.read(body as Record<string, unknown>);
    if (reading) return reading;
  }
  return { code: null, message: null };
}
