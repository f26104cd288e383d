import type { ErrorForm } from '../../src/api/contract/error-forms';
import { PLAIN_ERROR } from '../../src/api/contract/error-forms';
import type { ApiContract, Operation } from '../../src/api/contract/operations';
import { apiOf, operationsAt } from '../../src/api/contract/operations';
import type { Action, Role } from '../../src/api/contract/roles';
import { LEAST_ROLE, forbiddenMessage, roleMay } from '../../src/api/contract/roles';
import type { DialectPlugin } from '../../src/api/dialect';
import { DIALECTS } from '../../src/api/dialects';

/**
 * The console server's check of a request it is asked to forward to a vendor (issue 13 item 4): the
 * one rule of the contract table (src/api/contract/) that covers the dialect, method and path (and
 * the command its body names, in its API's command form, where one path carries several), and whether
 * the person's role may do its action. The dialects and their APIs are the registered plug-ins'
 * (src/api/dialects.ts): nothing here names one. Deny by default: a dialect, path or command the table
 * does not name is refused. A refusal is a 403 in the dialect's own error form, naming the roles that
 * may do it.
 */

/** What the console knows of a dialect here: its name and the APIs it calls. */
export type DialectRules = Pick<DialectPlugin, 'name' | 'apis'>;

/** The registered dialect of that name; a name like `constructor` is no dialect. */
function rulesOf(dialects: readonly DialectRules[], dialect: string): DialectRules | undefined {
  return dialects.find((d) => d.name === dialect);
}

export interface RuleRequest {
  dialect: string;
  method: string;
  /** The vendor path as the contract's APIs see it (`/v5/Jobs/…`, `/dfw/v1.0/110011/…`), query allowed. */
  path: string;
  /** The request's parsed JSON body, read for the command where the path's rules are per command. */
  body?: unknown;
  /**
   * Why the body could not be read as JSON (not JSON by its content type: 415; JSON that does not
   * parse: 400), for the answer when the path's rules are per command and so need the body's command.
   */
  bodyProblem?: { status: 400 | 415; message: string };
}

export type RuleFound =
  | { found: true; api: ApiContract; operation: Operation }
  | { found: false; api?: ApiContract; status: 400 | 403 | 415; message: string };

export type RuleCheck =
  | { allowed: true; api: ApiContract; operation: Operation; action: Action }
  | {
      allowed: false;
      status: 400 | 403 | 415;
      message: string;
      /** The refusal in the dialect's own error form. */
      body: object;
      operation?: Operation;
      action?: Action;
      /** The least role that may do it, when the request has a rule. */
      leastRole?: Role;
    };

/**
 * A path the vendor would see otherwise than the table does: a dot segment (a URL parser resolves it
 * before sending, so `/jobs/x/../../restoresessions/…` would reach another resource than the one
 * checked), an encoded slash or backslash (one segment here, two there), or a backslash.
 */
function ambiguous(path: string): boolean {
  if (/%2f|%5c|\\/i.test(path)) return true;
  return path.split('/').some((segment) => {
    let s = segment;
    try {
      s = decodeURIComponent(segment);
    } catch {
      return true;
    }
    return s === '.' || s === '..';
  });
}

/** The one rule that covers a request, or why there is none. */
export function findRule(request: RuleRequest, dialects: readonly DialectRules[] = DIALECTS): RuleFound {
  const { dialect, method } = request;
  const path = request.path.split(/[?#]/)[0] ?? '';
  const rules = rulesOf(dialects, dialect);
  if (!rules)
    return { found: false, status: 403, message: `The console has no rule table for dialect "${dialect}".` };
  const api = apiOf(rules.apis, path);
  const what = `${method.toUpperCase()} ${path}`;
  if (ambiguous(path))
    return {
      found: false,
      api,
      status: 400,
      message: `The path of ${what} has a dot segment or an encoded slash: the console forwards plain paths only.`,
    };
  if (!api)
    return { found: false, status: 403, message: `No rule allows ${what}: it is not an API of ${dialect}.` };
  const candidates = operationsAt(api, method, path);
  if (candidates.length === 0)
    return {
      found: false,
      api,
      status: 403,
      message: `No rule allows ${what}: the console's table does not name it.`,
    };
  if (candidates.every((op) => op.command === undefined)) {
    return candidates.length === 1
      ? { found: true, api, operation: candidates[0]! }
      : { found: false, api, status: 403, message: `Several rules cover ${what}: the console refuses it.` };
  }
  const command = api.commandBody?.read(request.body);
  const wanted = command?.toLowerCase();
  const chosen = candidates.filter((op) => op.command !== undefined && op.command.toLowerCase() === wanted);
  if (chosen.length === 1) return { found: true, api, operation: chosen[0]! };
  const known = candidates.flatMap((op) => (op.command ? [op.command] : [])).join(', ');
  // A body that names no command is the client's mistake (400, or 415 for a body that is not JSON),
  // not a refusal: no role could send it. A command the table does not name is refused (403).
  if (command === undefined)
    return {
      found: false,
      api,
      ...(request.bodyProblem ?? {
        status: 400,
        message: `${what} needs a JSON body that names its command (one of ${known}).`,
      }),
    };
  return {
    found: false,
    api,
    status: 403,
    message: `No rule allows the command "${command}" on ${what} (the table names ${known}).`,
  };
}

function errorFormOf(
  dialect: string,
  api: ApiContract | undefined,
  dialects: readonly DialectRules[],
): ErrorForm {
  return (api ?? rulesOf(dialects, dialect)?.apis[0])?.errorBody ?? PLAIN_ERROR;
}

/** The error form of a dialect's own backup API (its last), for answers the console writes itself. */
export function dialectErrorForm(dialect: string, dialects: readonly DialectRules[] = DIALECTS): ErrorForm {
  const apis = rulesOf(dialects, dialect)?.apis ?? [];
  return apis[apis.length - 1]?.errorBody ?? PLAIN_ERROR;
}

/**
 * Whether a person of `role` may send this request through the console. Vendor sign-in and sign-out
 * are refused: the console server signs in to vendors itself and keeps their tokens.
 */
export function checkRule(
  role: Role,
  request: RuleRequest,
  dialects: readonly DialectRules[] = DIALECTS,
): RuleCheck {
  const found = findRule(request, dialects);
  if (!found.found) {
    const form = errorFormOf(request.dialect, found.api, dialects);
    return {
      allowed: false,
      status: found.status,
      message: found.message,
      body: form.write(found.status, found.message),
    };
  }
  const { api, operation } = found;
  if (operation.action === 'sign-in' || operation.action === 'sign-out') {
    const message =
      'The console signs in to this vendor itself and keeps its tokens: sign in to the console instead.';
    return { allowed: false, status: 403, message, body: api.errorBody.write(403, message), operation };
  }
  const action = operation.action;
  if (roleMay(role, action)) return { allowed: true, api, operation, action };
  const message = forbiddenMessage(role, action);
  return {
    allowed: false,
    status: 403,
    message,
    body: api.errorBody.write(403, message),
    operation,
    action,
    leastRole: LEAST_ROLE[action],
  };
}
