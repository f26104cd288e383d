/**
 * Reads the API layer's typed ApiError ({kind, status, message}) without importing it, so that the
 * shared components work with any error a page hands them and never show a stack.
 */
interface ErrorLike {
  kind?: unknown;
  status?: unknown;
  message?: unknown;
}

function asErrorLike(error: unknown): ErrorLike | null {
  return typeof error === 'object' && error !== null ? error : null;
}

export function errorStatus(error: unknown): number | null {
  const status = asErrorLike(error)?.status;
  return typeof status === 'number' ? status : null;
}

export function isNotFound(error: unknown): boolean {
  return errorStatus(error) === 404;
}

/** The network is down or the service did not answer in time (not an answer with an error status). */
export function isOffline(error: unknown): boolean {
  const kind = asErrorLike(error)?.kind;
  return kind === 'network' || kind === 'timeout';
}

export function describeError(error: unknown): string {
  const e = asErrorLike(error);
  const message = typeof e?.message === 'string' && e.message.trim() ? e.message.trim() : null;
  const status = errorStatus(error);
  if (message) return status && !message.includes(String(status)) ? `${message} (HTTP ${status})` : message;
  if (status) return `The service answered HTTP ${status}.`;
  return 'Something went wrong.';
}
