import type { z } from 'zod/mini';
import { ApiError } from './api-error';
import type { ErrorForm } from './contract/error-forms';
import { readErrorBody } from './contract/error-forms';
import type { PatchOp } from './contract/json-patch';
import type { Method } from './contract/operations';
import { statusMessage } from './error-body';
import type { WatchHook } from './live-watch';

/** The fetch the client uses; tests inject the reference service's in-process handler. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface AuthHeader {
  name: string;
  value: string;
}

export interface HttpClientOptions {
  connectionId: string;
  fetch: FetchLike;
  /** Resolves relative base URLs: the page's origin in the browser, any origin in tests. */
  origin: string;
  /** The API root (may be a path such as "/dfw/v1.0/110011"); null until signed in. */
  baseUrl: () => string | null;
  /**
   * The header that carries the token; `'cookie'` when the browser's cookie carries the session (the
   * console server's, in console mode) and no header is needed; null when signed out.
   */
  auth: () => Promise<AuthHeader | 'cookie' | null> | AuthHeader | 'cookie' | null;
  /** The forms the dialect's error answers come in (its plug-in's `errorForms`). */
  errorForms: readonly ErrorForm[];
  timeoutMs?: number;
  /**
   * Called on a 401. Resolving true means the session renewed its token (Veeam's refresh grant): the
   * request is sent once more. Otherwise the session marks the connection signed out.
   */
  onUnauthorized?: (error: ApiError, retried: boolean) => Promise<boolean> | boolean;
  /** Told of a 403 (the error is thrown all the same): the role the tab holds may be out of date. */
  onForbidden?: (error: ApiError) => void;
  /**
   * Console mode, a connection the console server polls: a query's GET names how often the query
   * shows it (`X-Console-Watch`), so that the server polls it for everyone and tells what changed.
   */
  watch?: WatchHook;
}

export interface RequestSpec {
  method: Method;
  /** Relative to the base URL, or a full URL / absolute path with `absolute`. */
  path: string;
  absolute?: boolean;
  query?: Record<string, string | number | boolean | null | undefined>;
  json?: unknown;
  /** RFC 6902 body, sent as application/json-patch+json. */
  patch?: PatchOp[];
  form?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** No auth header (sign-in calls). */
  anonymous?: boolean;
  /** A successful answer is a file: its body is a Blob (errors are still read as JSON). */
  binary?: boolean;
  /**
   * A lookup of what does not change (the source of a backup): on a connection the console server
   * holds, it is watched as `keep` (read again once a minute) whatever the pace of the query that
   * reads it, so that it takes no share of the budget the query's own paths need.
   */
  keep?: boolean;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  /** Parsed JSON, a bare number, text, undefined for an empty answer, or a Blob for `binary`. */
  body: unknown;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/** An answer's text as a value: JSON, a bare number (`368785`), plain text, or undefined when empty. */
export function readBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // a bare GUID, or plain text
  }
}

/** Settles with the signal even when a fetch implementation does not watch it. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => undefined); // a late failure after the abort is nobody's business
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export class HttpClient {
  constructor(private readonly options: HttpClientOptions) {}

  get connectionId(): string {
    return this.options.connectionId;
  }

  /** The URL as shown in errors: never with a token (tokens travel only in headers). */
  url(spec: Pick<RequestSpec, 'path' | 'absolute' | 'query'>): string {
    const base = spec.absolute ? '' : (this.options.baseUrl() ?? '').replace(/\/$/, '');
    if (!spec.absolute && !this.options.baseUrl()) {
      throw new ApiError({
        kind: 'http',
        status: 401,
        code: 'not-signed-in',
        message: 'Not signed in to this connection: sign in first.',
        connectionId: this.options.connectionId,
      });
    }
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v != null) params.set(k, String(v));
    const qs = params.toString();
    return `${base}${spec.path}${qs ? `?${qs}` : ''}`;
  }

  /** Sends a request and returns the answer; any failure is an ApiError. */
  async send(spec: RequestSpec): Promise<HttpAnswer> {
    for (let retried = false; ; retried = true) {
      try {
        return await this.sendOnce(spec);
      } catch (err) {
        if (err instanceof ApiError && err.status === 403 && err.request) this.options.onForbidden?.(err);
        const refused = err instanceof ApiError && err.isUnauthorized && err.request && !spec.anonymous;
        const renewed = refused ? await this.options.onUnauthorized?.(err, retried) : false;
        if (!renewed || retried) throw err;
      }
    }
  }

  private async sendOnce(spec: RequestSpec): Promise<HttpAnswer> {
    const url = this.url(spec);
    const request = { method: spec.method, url };
    const headers = new Headers({
      Accept: spec.binary ? 'application/octet-stream, application/json' : 'application/json',
    });
    let body: string | undefined;
    if (spec.patch) {
      headers.set('Content-Type', 'application/json-patch+json');
      body = JSON.stringify(spec.patch);
    } else if (spec.form) {
      headers.set('Content-Type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(spec.form).toString();
    } else if (spec.json !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(spec.json);
    }
    const sentUrl = new URL(url, this.options.origin).toString();
    const watch = this.options.watch;
    const watched = spec.method === 'GET' && spec.signal && watch ? watch.pace(spec.signal, sentUrl) : null;
    const pace = watched && spec.keep ? 'keep' : watched;
    if (pace) headers.set('X-Console-Watch', pace);
    const auth = spec.anonymous ? null : await this.options.auth();
    if (auth && auth !== 'cookie') headers.set(auth.name, auth.value);
    else if (!auth && !spec.anonymous) {
      // The session ended (expired, refused, signed out): no request goes out without its token.
      throw new ApiError({
        kind: 'http',
        status: 401,
        code: 'not-signed-in',
        message: 'Your session has ended: sign in again.',
        connectionId: this.options.connectionId,
      });
    }

    const timeoutMs = spec.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout;
    const connectionId = this.options.connectionId;
    let response: Response;
    let text = '';
    let blob: Blob | null = null;
    try {
      const sent = this.options.fetch(sentUrl, {
        method: spec.method,
        headers,
        body,
        signal,
      });
      response = await abortable(sent, signal);
      if (spec.binary && response.ok) blob = await abortable(response.blob(), signal);
      else text = await abortable(response.text(), signal);
    } catch (err) {
      if (spec.signal?.aborted) throw err; // the caller cancelled: not an error to show
      if (timeout.aborted) {
        throw new ApiError({
          kind: 'timeout',
          message: `The service did not answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}.`,
          request,
          connectionId,
        });
      }
      const reason = err instanceof Error ? err.message : String(err);
      throw new ApiError({
        kind: 'network',
        message: `The service could not be reached (${reason}).`,
        request,
        connectionId,
      });
    }
    const polledAt = pace && response.ok ? response.headers.get('X-Console-Polled-At') : null;
    if (polledAt && spec.signal) watch?.polledAt(spec.signal, polledAt);
    if (blob) return { status: response.status, headers: response.headers, body: blob };
    const parsed = readBody(text);
    if (!response.ok) {
      const { code, message } = readErrorBody(parsed, this.options.errorForms);
      const error = new ApiError({
        kind: 'http',
        status: response.status,
        code,
        message: message ?? statusMessage(response.status),
        body: parsed,
        request,
        connectionId,
      });
      throw error;
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }

  /** Sends a request and parses its answer with a wire schema. */
  async request<S extends z.ZodMiniType>(spec: RequestSpec, schema: S): Promise<z.output<S>> {
    const answer = await this.send(spec);
    return parseAnswer(schema, answer.body, { method: spec.method, url: this.url(spec) }, this.connectionId);
  }
}

/** Checks an answer against its schema; a mismatch is ApiError kind 'parse' naming the field path. */
export function parseAnswer<S extends z.ZodMiniType>(
  schema: S,
  body: unknown,
  request: { method: string; url: string },
  connectionId: string | null = null,
): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  throw new ApiError({
    kind: 'parse',
    path,
    message: `The service's answer to ${request.method} ${request.url} is not what the console expects: ${path ? `field "${path}"` : 'the body'}: ${issue?.message ?? 'invalid'}.`,
    body,
    request,
    connectionId,
  });
}

/** A URL path whose interpolated ids are encoded: an id from a URL cannot reach another resource. */
export function path(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce(
    (out, s, i) => out + s + (i < values.length ? encodeURIComponent(String(values[i])) : ''),
    '',
  );
}
