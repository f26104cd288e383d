/**
 * Reads the vendor's code and message from an error answer, whatever the dialect:
 * Rackspace fault objects `{"badRequest": {"code": 400, "message": "..."}}` (Identity, v1.0),
 * v2 `{"message": "...", "errors": ["..."]}`, Veeam `{"message": "...", "errorCode"?}` and its token
 * endpoint's OAuth `{"error": "invalid_grant", "error_description": "..."}`. Plain text is used as is.
 */
export function readErrorBody(body: unknown): { code: string | null; message: string | null } {
  if (typeof body === 'string') {
    const text = body.trim();
    return { code: null, message: text && !text.startsWith('<') ? text.slice(0, 500) : null };
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { code: null, message: null };
  const record = body as Record<string, unknown>;

  if (typeof record.error_description === 'string' || typeof record.error === 'string') {
    const code = typeof record.error === 'string' ? record.error : null;
    const message = typeof record.error_description === 'string' ? record.error_description : code;
    return { code, message };
  }
  if (typeof record.message === 'string') {
    const errors = Array.isArray(record.errors)
      ? record.errors.filter((e): e is string => typeof e === 'string' && e !== record.message)
      : [];
    const code = typeof record.errorCode === 'string' ? record.errorCode : null;
    return { code, message: [record.message, ...errors].join(' ') };
  }
  const keys = Object.keys(record);
  const fault = keys.length === 1 && keys[0] ? record[keys[0]] : undefined;
  if (fault && typeof fault === 'object' && typeof (fault as { message?: unknown }).message === 'string') {
    const details = (fault as { details?: unknown }).details;
    const message = (fault as { message: string }).message;
    return {
      code: keys[0] ?? null,
      message: typeof details === 'string' && details ? `${message} ${details}` : message,
    };
  }
  return { code: null, message: null };
}

const STATUS_TEXT: Record<number, string> = {
  400: 'The service refused the request as invalid.',
  401: 'Your session has expired or is not valid: sign in again.',
  403: 'You are not allowed to do this.',
  404: 'Not found: it may have been deleted.',
  405: 'The service does not allow this here.',
  409: 'This conflicts with the current state; refresh and try again.',
  413: 'The request is too large.',
  429: 'Too many requests: wait a moment and try again.',
  500: 'The service failed while answering.',
  501: 'The service does not implement this.',
  502: 'The service could not be reached through the proxy.',
  503: 'The service is unavailable for now.',
  504: 'The service did not answer in time.',
};

/** A message a person can act on when the body has none. */
export function statusMessage(status: number): string {
  return STATUS_TEXT[status] ?? `The service answered ${status}.`;
}
