import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate } from 'node:zlib';
import type { Operation } from '../../src/api/contract/operations';
import type { Role } from '../../src/api/contract/roles';
import type { Encoding } from '../encoding';
import { acceptedEncodings } from '../encoding';
import type { Credentials } from '../../src/api/domain';
import type { ErrorForm } from '../../src/api/contract/error-forms';
import { readErrorBody } from '../../src/api/contract/error-forms';
import { checkRule, dialectErrorForm } from './rules';

/**
 * Forwarding a person's request to a vendor with the server's own credentials, after the rule check
 * (issue 13 items 3 and 4, the core of it). Where the credentials come from (a config file, the
 * vendor's sign-in and refresh) is the caller's: a `HeldConnection` gives the headers that carry its
 * token and may renew them once after the vendor refuses them.
 */
export interface HeldConnection {
  id: string;
  dialect: string;
  label?: string;
  /**
   * The vendor's API root, absolute (`https://veeam.example:4443/v5`, `https://…/v1.0/123456`), and
   * the headers that carry the server's vendor token; signs in first when there is no good token.
   */
  open(): Promise<{ baseUrl: string; headers: Record<string, string> }>;
  /** Signs in again (or refreshes) after the vendor answered 401; the request is then sent once more. */
  renew?(): Promise<void>;
  /** How the connection is: its last sign-in, and the vendor's last answer (the connections list). */
  health?(): { state: 'ok' | 'failing' | 'unknown'; message: string | null; at: string | null };
  /** Tells the connection how the vendor last answered: a gateway error or none at all is failing. */
  noteAnswer?(failure: string | null): void;
  /** A connection each person signs in to with their own vendor account (server/console/per-person.ts). */
  personal?: PersonalSignIn;
  /** One person's view of such a connection: a refused token means that person must sign in again. */
  perPerson?: boolean;
}

/** Per-person vendor sign-in: each console session's own vendor token, held by the server. */
export interface PersonalSignIn {
  /** Signs the session in to the vendor; throws with the vendor's message when it refuses. */
  signIn(sessionId: string, credentials: Credentials): Promise<void>;
  has(sessionId: string): boolean;
  /** Drops the session's token and ends it at the vendor where the dialect can. */
  signOut(sessionId: string): Promise<void>;
  /** Signs out every session for which `alive` says no (console sessions that ended). */
  keepOnly(alive: (sessionId: string) => boolean): Promise<void>;
  /** The connection as this session's requests use it: its token, renewed where the dialect can. */
  forSession(sessionId: string): HeldConnection;
}

/** The person has no good vendor token for a per-person connection: they must sign in to it (again). */
export class SignInAgain extends Error {
  override name = 'SignInAgain';
}

/** The vendor's own gateway errors: the vendor, not the request, is unwell. */
const VENDOR_DOWN = new Set([502, 503, 504]);

export const FORWARD_TIMEOUT_MS = 30_000;

const SAFE_METHOD = /^(GET|HEAD|OPTIONS)$/i;

/** What the forwarder tells the audit log. */
export interface ForwardNote {
  action: string;
  connection: string;
  targetId: string | null;
  /** The target's name, when the vendor's answer to a mutation carries it (see `nameIn`). */
  targetName?: string | null;
  vendorStatus: number | null;
  /** The vendor's reason when it answered an error (see `vendorMessage`). */
  message?: string | null;
}

export type Forwarded =
  | { kind: 'refused'; status: 400 | 403 | 415; body: object; note: ForwardNote; message: string }
  | {
      kind: 'answered';
      response: Response;
      note: ForwardNote;
      /** The path of the vendor's API root as opened (`/v5`, `/dfw/v1.0/110011`): the rule table's. */
      rootPath: string;
      /** Given by the request's `cached`, not by the vendor. */
      cached: boolean;
    }
  | { kind: 'failed'; status: 502 | 504; message: string; note: ForwardNote }
  | { kind: 'signed-out'; status: 401; body: object; message: string; note: ForwardNote };

/** A per-person connection's 401 in the dialect's error form: that connection needs the person's sign-in. */
function signedOut(connection: HeldConnection, note: ForwardNote, message: string): Forwarded {
  const body = dialectErrorForm(connection.dialect).write(401, message);
  return { kind: 'signed-out', status: 401, body, message, note };
}

/**
 * The value of the rule's last `{param}` in the path (the job, session or item the request is about).
 * Under a `**` rule (what a Veeam restore session holds) it is the last `{param}` before the `**`: the
 * session whose content is browsed or restored. `rootPath` is the vendor's API root (`/v5`), below
 * which the rule's path begins.
 */
function targetOf(operation: Operation, vendorPath: string, rootPath: string): string | null {
  const names = operation.path.split('/');
  const segments = vendorPath.split('/');
  const wild = names.indexOf('**');
  // A rule's `/a/b` lines up with the segments after the root's; without `**` it is also the path's end.
  const offset = rootPath.replace(/\/+$/, '').split('/').length - 1;
  if (wild < 0 && offset !== segments.length - names.length) return null;
  for (let i = (wild < 0 ? names.length : wild) - 1; i >= 0; i--)
    if (/^\{\w+(:int)?\}$/.test(names[i]!)) {
      const raw = segments[offset + i] ?? '';
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  return null;
}

/**
 * The target a commanded path names in its body where the path names none: v1.0's
 * `action-requested` (`{"Action": "StartManual", "Id": 148325}`), and v2's `POST /backups`
 * (`{"configuration_id": …}`, the configuration backed up). Veeam's `…/action` names its target in the
 * path, which `targetOf` reads.
 */
function bodyTarget(operation: Operation, json: unknown): string | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const fields = json as Record<string, unknown>;
  // v1.0's commands name their target as `Id`; v2's `POST /backups` names its configuration.
  const id = operation.command ? fields.Id : fields.configuration_id;
  return typeof id === 'number' || (typeof id === 'string' && id !== '') ? String(id) : null;
}

/** The keys under which the dialects' answers carry an object's id, each with the key of its name. */
const ID_NAME_KEYS = [
  ['id', 'name'],
  ['BackupConfigurationId', 'BackupConfigurationName'],
  ['MachineAgentId', 'MachineName'],
] as const;
const NAME_ANSWER_MAX = 64 * 1024;
/** The largest kept list read for a target's name (a command is a person's, so this is rare). */
const NAME_LIST_MAX = 4 * 1024 * 1024;

/** The name an object gives the target `targetId` (its id under one key, the name under that key's pair). */
function ownName(fields: Readonly<Record<string, unknown>>, targetId: string): string | null {
  for (const [idKey, nameKey] of ID_NAME_KEYS) {
    const id = fields[idKey];
    const name = fields[nameKey];
    if (
      (typeof id === 'string' || typeof id === 'number') &&
      String(id).toLowerCase() === targetId.toLowerCase() &&
      typeof name === 'string' &&
      name.trim() !== ''
    )
      return name;
  }
  return null;
}

/** A JSON answer's body parsed, or undefined when it is not JSON, is empty or is larger than `max`. */
function jsonOf(answer: ArrayBuffer | Uint8Array, contentType: string | null, max: number): unknown {
  if (!/json/i.test(contentType ?? '') || answer.byteLength === 0 || answer.byteLength > max)
    return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(answer)) as unknown;
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The target's name from the vendor's answer to a mutation, when the answer is the target itself (a
 * v1.0 configuration enabled or changed answers the configuration, `BackupConfigurationName`; an
 * answer whose `id` is the target and that has a `name`). No request of its own: the vendors answer
 * most commands with no body (Veeam's job actions, v2's PATCH), a new run or a bare id, and then the
 * row has the target's id only.
 */
export function nameIn(
  answer: ArrayBuffer | Uint8Array,
  contentType: string | null,
  targetId: string,
): string | null {
  const body = jsonOf(answer, contentType, NAME_ANSWER_MAX);
  return isObject(body) ? ownName(body, targetId) : null;
}

/**
 * The target's name from an answer the console keeps (the shared poller's, which the pages that
 * showed the target read): the target itself, or an item of the list, or of a list the answer holds
 * (v2's `{"configurations": [...]}`), whose id is the target. This is how a backup start, answered with a
 * bare id or a new run, gets its configuration's or job's name without a request of its own.
 */
export function nameInList(answer: Uint8Array, contentType: string | null, targetId: string): string | null {
  const body = jsonOf(answer, contentType, NAME_LIST_MAX);
  // The target itself (a page that shows one configuration or job read it), else a list of them.
  const own = isObject(body) ? ownName(body, targetId) : null;
  if (own) return own;
  const lists = Array.isArray(body)
    ? [body]
    : isObject(body)
      ? Object.values(body).filter((v) => Array.isArray(v))
      : [];
  for (const list of lists)
    for (const item of list as unknown[]) {
      const name = isObject(item) ? ownName(item, targetId) : null;
      if (name) return name;
    }
  return null;
}

/** The longest vendor message an audit row keeps. */
export const VENDOR_MESSAGE_MAX = 300;

/** Header values and body fields that hold a secret the request carried, never to be in a row. */
const SECRET_FIELD = /pass|secret|token|key|credential/i;

function secretsOf(headers: Readonly<Record<string, string>>, json: unknown): string[] {
  const secrets = Object.values(headers).flatMap((v) => v.split(/\s+/));
  const walk = (value: unknown, secret: boolean): void => {
    if (typeof value === 'string' && secret) secrets.push(value);
    else if (Array.isArray(value)) for (const v of value) walk(v, secret);
    else if (isObject(value))
      for (const [k, v] of Object.entries(value)) walk(v, secret || SECRET_FIELD.test(k));
  };
  walk(json, false);
  // A short value (a flag, a number) is no secret worth hiding, and would blank out ordinary words.
  return secrets.filter((v) => v.length >= 6);
}

/**
 * The vendor's reason in its error answer, for the audit row: read in the API's error form (or as
 * plain text, never an HTML page), on one line, at most VENDOR_MESSAGE_MAX characters, and without
 * any secret the request carried (the server's token, a password in the body) should the vendor have
 * echoed it.
 */
function vendorMessage(
  body: Uint8Array | null,
  contentType: string | null,
  form: ErrorForm,
  secrets: readonly string[],
): string | null {
  if (!body || body.byteLength === 0 || body.byteLength > NAME_ANSWER_MAX) return null;
  const json = jsonOf(body, contentType, NAME_ANSWER_MAX);
  let message = readErrorBody(json ?? new TextDecoder().decode(body), [form]).message;
  if (!message) return null;
  for (const secret of secrets) message = message.split(secret).join('[redacted]');
  message = message.replace(/\s+/g, ' ').trim();
  return message.length > VENDOR_MESSAGE_MAX ? `${message.slice(0, VENDOR_MESSAGE_MAX - 1)}…` : message;
}

/**
 * The vendor's answer headers passed on. Not Content-Length (the body is read whole and may be
 * decompressed here) nor Content-Encoding, which is set only where the body is passed on compressed.
 */
const PASSED_ANSWER_HEADERS = ['content-type', 'content-disposition', 'etag', 'last-modified'];

/**
 * The Accept-Encoding asked of the vendor: the compressions the browser accepts (of those the
 * console itself writes, server/compress.ts), else none. A GET's answer in one of them is passed
 * on as it came, neither decompressed nor compressed again here; a compression the browser does not
 * want would only cost the vendor's time and this server's.
 */
function vendorAcceptEncoding(accepted: readonly Encoding[]): string {
  return accepted.join(', ') || 'identity';
}

/**
 * The vendor's answer, read whole; `headers` are those passed on (PASSED_ANSWER_HEADERS), `encoding`
 * the compression its body is still in (null: none).
 */
interface VendorAnswer {
  status: number;
  headers: Headers;
  body: Uint8Array | null;
  encoding: string | null;
}

interface VendorRequest {
  method: string;
  headers: Record<string, string>;
  body: ArrayBuffer | undefined;
}

/** The error a vendor that does not answer in time ends the request with (as AbortSignal.timeout's). */
function timeoutError(): Error {
  const err = new Error(`The vendor did not answer within ${FORWARD_TIMEOUT_MS} ms.`);
  err.name = 'TimeoutError';
  return err;
}

/** Connections to the vendors kept open between requests, as fetch keeps them. */
const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

/**
 * The request over node:http(s), its answer's body as the vendor sent it: fetch would decompress it
 * (a stream pipeline per answer) only for the console to compress it again. Redirects are not
 * followed (as fetch's `redirect: 'manual'`). The time limit is a plain timer that destroys the
 * request: an AbortSignal per request (its own timer, and the listeners node:http adds for it) cost
 * a tenth of a millisecond of CPU on every forwarded request.
 */
function viaHttp(url: URL, sent: VendorRequest): Promise<VendorAnswer> {
  return new Promise((resolve, reject) => {
    const secure = url.protocol === 'https:';
    if (!secure && url.protocol !== 'http:') return reject(new Error(`unsupported scheme ${url.protocol}`));
    const options = {
      method: sent.method,
      headers: sent.headers,
      agent: secure ? agents.https : agents.http,
    };
    // Called from the request's events only, once `timer` (set below, after the request exists) is.
    const fail = (err: Error) => {
      clearTimeout(timer);
      reject(err);
    };
    const req = (secure ? httpsRequest : httpRequest)(url, options, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('error', fail);
      res.on('close', () => {
        if (!res.complete) fail(new Error('the vendor closed the connection in the middle of its answer'));
      });
      res.on('end', () => {
        clearTimeout(timer);
        const headers = new Headers();
        for (const name of PASSED_ANSWER_HEADERS) {
          const value = res.headers[name];
          if (typeof value === 'string') headers.set(name, value);
        }
        const encoding = res.headers['content-encoding']?.trim().toLowerCase();
        const status = res.statusCode ?? 0;
        resolve({
          status,
          headers,
          body: NO_BODY.has(status) ? null : Buffer.concat(parts),
          encoding: encoding && encoding !== 'identity' ? encoding : null,
        });
      });
    });
    req.on('error', fail);
    // The first to settle the promise wins: a timeout's TimeoutError, not the error destroying causes.
    const timer = setTimeout(() => {
      const err = timeoutError();
      fail(err);
      req.destroy(err);
    }, FORWARD_TIMEOUT_MS);
    timer.unref();
    req.end(sent.body?.byteLength ? Buffer.from(sent.body) : undefined);
  });
}

/** The request through an injected fetch (tests): it has decompressed the body already. */
async function viaFetch(fetcher: typeof fetch, url: URL, sent: VendorRequest): Promise<VendorAnswer> {
  const answer = await fetcher(url, {
    method: sent.method,
    headers: sent.headers,
    body: sent.body?.byteLength ? sent.body : undefined,
    redirect: 'manual',
    signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
  });
  const headers = new Headers();
  for (const name of PASSED_ANSWER_HEADERS) {
    const value = answer.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const body = NO_BODY.has(answer.status) ? null : new Uint8Array(await answer.arrayBuffer());
  return { status: answer.status, headers, body, encoding: null };
}

const decompressors = new Map<string, (body: Uint8Array) => Promise<Buffer>>([
  ['gzip', promisify(gunzip)],
  ['x-gzip', promisify(gunzip)],
  ['deflate', promisify(inflate)],
  ['br', promisify(brotliDecompress)],
]);

/** The body without its codings (`gzip`, `br, gzip`: the last applied first), or null for one unknown. */
async function decompressed(body: Uint8Array, encoding: string): Promise<Uint8Array | null> {
  const codings = encoding.split(',').map((c) => c.trim());
  if (!codings.every((c) => decompressors.has(c))) return null;
  let plain = body;
  for (const coding of codings.reverse()) plain = await decompressors.get(coding)!(plain);
  return plain;
}

/** Statuses whose answers never have a body. */
const NO_BODY = new Set([101, 204, 205, 304]);

/** The path of a vendor's API root (`/v5`, `/dfw/v1.0/110011`), parsed once per root. */
const rootPaths = new Map<string, string>();
function rootPathOf(base: string): string {
  let path = rootPaths.get(base);
  if (path === undefined) {
    path = new URL(base).pathname;
    // A few roots per connection over the server's life; the bound only guards against a runaway.
    if (rootPaths.size >= 256) rootPaths.clear();
    rootPaths.set(base, path);
  }
  return path;
}

/**
 * Checks a request against the rule table for `role`, then sends it to the vendor. `rest` is the
 * path below the connection's root with its query (`/Jobs?limit=30`); `body` the request's bytes;
 * `acceptEncoding` the browser's Accept-Encoding (none: the vendor is asked for no compression);
 * `cached`, asked once the rule check let the request through, an answer to give instead of asking
 * the vendor (the shared poller's, server/console/poller.ts), or null to ask it.
 */
export async function forward(
  connection: HeldConnection,
  role: Role,
  request: {
    method: string;
    rest: string;
    contentType?: string;
    body?: ArrayBuffer;
    acceptEncoding?: string;
    cached?: () => Response | null | Promise<Response | null>;
  },
  /** Instead of node:http(s), a fetch (tests count the vendor's requests through it). */
  fetcher?: typeof fetch,
): Promise<Forwarded> {
  const note: ForwardNote = {
    action: 'forward',
    connection: connection.id,
    targetId: null,
    vendorStatus: null,
  };
  let opened: { baseUrl: string; headers: Record<string, string> };
  try {
    opened = await connection.open();
  } catch (err) {
    if (err instanceof SignInAgain) return signedOut(connection, note, err.message);
    const why = err instanceof Error ? err.message : String(err);
    return {
      kind: 'failed',
      status: 502,
      note,
      message: `The console could not sign in to the vendor: ${why}`,
    };
  }
  const base = opened.baseUrl.replace(/\/+$/, '');
  const target = new URL(base + request.rest);
  // The path as written (a URL parser resolves dot segments: the check reads the raw path, so that
  // such a path is refused rather than sent somewhere else than what was checked).
  const rawPath = rootPathOf(base) + request.rest.split('?')[0];
  // The body as JSON, for the command of a path whose rules are per command; a body the console cannot
  // read names no command, and such a path is then answered why (other paths pass it on as sent).
  let json: unknown;
  let bodyProblem: { status: 400 | 415; message: string } | undefined;
  if (request.body?.byteLength) {
    if (!/json/i.test(request.contentType ?? ''))
      bodyProblem = {
        status: 415,
        message: `A command's body is JSON (Content-Type: application/json), not ${request.contentType ?? 'one without a content type'}.`,
      };
    else
      try {
        json = JSON.parse(new TextDecoder().decode(request.body)) as unknown;
      } catch (err) {
        bodyProblem = {
          status: 400,
          message: `The body is not valid JSON (${err instanceof Error ? err.message : String(err)}).`,
        };
      }
  }
  const check = checkRule(role, {
    dialect: connection.dialect,
    method: request.method,
    path: rawPath,
    body: json,
    bodyProblem,
  });
  if (!check.allowed) {
    if (check.action) note.action = check.action;
    if (check.operation)
      note.targetId =
        targetOf(check.operation, rawPath, rootPathOf(base)) ?? bodyTarget(check.operation, json);
    return { kind: 'refused', status: check.status, body: check.body, note, message: check.message };
  }
  note.action = check.action;
  note.targetId = targetOf(check.operation, rawPath, rootPathOf(base)) ?? bodyTarget(check.operation, json);
  const kept = await request.cached?.();
  if (kept) return { kind: 'answered', note, response: kept, rootPath: rootPathOf(base), cached: true };

  const accepted = acceptedEncodings(request.acceptEncoding);
  const send = (headers: Record<string, string>): Promise<VendorAnswer> => {
    const sent: VendorRequest = {
      method: request.method,
      headers: {
        accept: 'application/json, */*',
        'accept-encoding': vendorAcceptEncoding(accepted),
        ...(request.contentType ? { 'content-type': request.contentType } : {}),
        ...headers,
      },
      body: request.body,
    };
    return fetcher ? viaFetch(fetcher, target, sent) : viaHttp(target, sent);
  };
  try {
    let sentHeaders = opened.headers;
    let answer = await send(sentHeaders);
    if (answer.status === 401 && connection.renew) {
      note.vendorStatus = 401;
      await connection.renew();
      sentHeaders = (await connection.open()).headers;
      answer = await send(sentHeaders);
    }
    note.vendorStatus = answer.status;
    connection.noteAnswer?.(
      VENDOR_DOWN.has(answer.status) ? `The vendor answered ${answer.status} to a request.` : null,
    );
    if (answer.status === 401 && connection.perPerson)
      return signedOut(
        connection,
        note,
        `${connection.label ?? connection.id} refused your sign-in: sign in to it again.`,
      );
    // Still refused after renewing: the server's credentials are wrong, not the person's session, so
    // no 401 (which the browser reads as its session having ended).
    if (answer.status === 401)
      return {
        kind: 'failed',
        status: 502,
        note,
        message:
          "The vendor refused the console server's credentials for this connection (401), even after signing in again: an administrator must check them.",
      };
    if (answer.status >= 300 && answer.status < 400) {
      return {
        kind: 'failed',
        status: 502,
        note,
        message: `The vendor answered a redirect (${answer.status}) that the console does not follow.`,
      };
    }
    // Only the headers passed on, read into an object of this answer's own.
    const headers = answer.headers;
    let body = answer.body;
    if (body && answer.encoding) {
      const passOn = request.method.toUpperCase() === 'GET' && accepted.includes(answer.encoding as Encoding);
      if (passOn) {
        headers.set('content-encoding', answer.encoding);
        headers.append('vary', 'Accept-Encoding');
      } else {
        body = await decompressed(body, answer.encoding);
        if (!body)
          return {
            kind: 'failed',
            status: 502,
            note,
            message: `The vendor answered in an encoding the console cannot read (${answer.encoding}).`,
          };
      }
    }
    if (
      body &&
      note.targetId &&
      answer.status >= 200 &&
      answer.status < 300 &&
      !SAFE_METHOD.test(request.method)
    )
      note.targetName = nameIn(body, answer.headers.get('content-type'), note.targetId);
    if (answer.status >= 400)
      note.message = vendorMessage(
        body,
        answer.headers.get('content-type'),
        check.api.errorBody,
        secretsOf(sentHeaders, json),
      );
    // A Uint8Array is what the HTTP server writes out as it is, without a stream.
    const bytes = body as Uint8Array<ArrayBuffer> | null;
    return {
      kind: 'answered',
      note,
      response: new Response(bytes, { status: answer.status, headers }),
      rootPath: rootPathOf(base),
      cached: false,
    };
  } catch (err) {
    if (err instanceof SignInAgain) return signedOut(connection, note, err.message);
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    const why =
      err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    connection.noteAnswer?.(
      timedOut
        ? `The vendor did not answer within ${FORWARD_TIMEOUT_MS / 1000} s.`
        : `The vendor could not be reached (${why}).`,
    );
    return timedOut
      ? {
          kind: 'failed',
          status: 504,
          note,
          message: `The vendor did not answer within ${FORWARD_TIMEOUT_MS / 1000} s.`,
        }
      : { kind: 'failed', status: 502, note, message: `The vendor could not be reached (${why}).` };
  }
}
