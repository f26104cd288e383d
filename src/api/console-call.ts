import { ApiError } from './api-error';
import { statusMessage } from './error-body';
import type { FetchLike } from './http';
import { DEFAULT_TIMEOUT_MS, readBody } from './http';

/** The console server's own API (sign-in, users, audit), beside the connections it forwards. */
export const CONSOLE_API_PATH = '/console/api';

export interface ConsoleCallOptions {
  fetch?: FetchLike;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * One request to the console server's own API: JSON in and out, the HttpOnly session cookie added by
 * the browser (same origin). Resolves with the parsed answer (undefined when empty); every failure is
 * an ApiError with the server's `{message}` or the status in words. Light on purpose (no schema
 * library): the first page signs in with it.
 */
export async function consoleCall(
  method: string,
  target: string,
  body?: unknown,
  options: ConsoleCallOptions = {},
): Promise<unknown> {
  const request = { method, url: target };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const send = options.fetch ?? ((url: string, init: RequestInit) => fetch(url, init));
  const { signal } = options;
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await send(target, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: signal && 'any' in AbortSignal ? AbortSignal.any([signal, timeout]) : (signal ?? timeout),
    });
    text = await response.text();
  } catch (err) {
    if (signal?.aborted) throw err;
    if (timeout.aborted)
      throw new ApiError({
        kind: 'timeout',
        message: `The console server did not answer within ${timeoutMs / 1000} s.`,
        request,
      });
    const reason = err instanceof Error ? err.message : String(err);
    throw new ApiError({
      kind: 'network',
      message: `The console server could not be reached (${reason}).`,
      request,
    });
  }
  const parsed = readBody(text);
  if (!response.ok) {
    const said =
      typeof parsed === 'object' && parsed !== null && 'message' in parsed ? parsed.message : undefined;
    throw new ApiError({
      kind: 'http',
      status: response.status,
      message: typeof said === 'string' && said.trim() ? said : statusMessage(response.status),
      body: parsed,
      request,
    });
  }
  return parsed;
}
