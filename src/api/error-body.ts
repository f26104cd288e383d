/** What each status means to a person, for an error answer whose body has no message. */
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
