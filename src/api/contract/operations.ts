import type { CommandForm } from './command-forms';
import type { ErrorForm } from './error-forms';
import type { Action } from './roles';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One vendor operation and the action it is. `path` is below the API's root, `{name}` standing for
 * one segment and `{name:int}` for a segment of digits. Where one path carries several commands in
 * its body (v1.0's `action-requested`, Veeam's `action`), each command is its own rule. `**` stands
 * for one or more segments: a rule for everything below a path.
 */
export interface Operation {
  method: Method;
  path: string;
  /**
   * `sign-in` needs no token; `sign-out` needs a token of any role (the route checks whose token it
   * ends); every other action needs a token whose role may do it.
   */
  action: Action | 'sign-in' | 'sign-out';
  /** The command named in the body, for a path whose body says what it does. */
  command?: string;
  /**
   * A body the vendor takes for this rule, where the one its API's command form writes is not enough
   * (a command with parameters): tests send it to reach the check of the role.
   */
  exampleBody?: object;
}

/** One API family the console calls and the service answers: where it lives and what it offers. */
export interface ApiContract {
  name: string;
  /** Which paths belong to this API (anchored at the start of the path). */
  family: RegExp;
  /** The root the operations' paths are below: the family and the segments that name a tenant. */
  root: RegExp;
  /** A root as clients write it (the demo tenant's, where the root names one). */
  exampleRoot: string;
  /** Whether paths match without regard to case (Veeam's ASP.NET routing does). */
  caseInsensitive: boolean;
  /** The form of its error answers. */
  errorBody: ErrorForm;
  /** How a body names its command, where some of its rules are per command (`command`). */
  commandBody?: CommandForm;
  operations: readonly Operation[];
}

const patterns = new WeakMap<Operation, RegExp>();

function patternOf(op: Operation, caseInsensitive: boolean): RegExp {
  let pattern = patterns.get(op);
  if (!pattern) {
    const source = op.path
      .split('/')
      .map((segment) => {
        if (segment === '**') return '[^/]+(?:/[^/]+)*';
        const param = /^\{(\w+)(:int)?\}$/.exec(segment);
        if (param) return param[2] ? '\\d+' : '[^/]+';
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    pattern = new RegExp(`^${source}/?$`, caseInsensitive ? 'i' : '');
    patterns.set(op, pattern);
  }
  return pattern;
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The API a path belongs to, if any. */
export function apiOf(apis: readonly ApiContract[], path: string): ApiContract | undefined {
  return apis.find((api) => api.family.test(path));
}

/** Every rule of `api` for this method and path (several when the body names the command). */
export function operationsAt(api: ApiContract, method: string, path: string): Operation[] {
  const root = api.root.exec(decoded(path));
  if (!root) return [];
  const rest = decoded(path).slice(root[0].length) || '/';
  return api.operations.filter(
    (op) => op.method === method.toUpperCase() && patternOf(op, api.caseInsensitive).test(rest),
  );
}

/**
 * The rule for a request: the one for its command when the path has several, else the one rule of
 * that method and path. Undefined when no rule covers it (the service then refuses).
 */
export function operationFor(
  api: ApiContract,
  method: string,
  path: string,
  command?: string,
): Operation | undefined {
  const rules = operationsAt(api, method, path);
  if (command === undefined) return rules.length === 1 && !rules[0]!.command ? rules[0] : undefined;
  const wanted = command.toLowerCase();
  return rules.find((r) => r.command?.toLowerCase() === wanted) ?? rules.find((r) => !r.command);
}

/** A path the rule matches, below the API's example root: `{id:int}` → 1, `{name}` → `name-1`. */
export function examplePath(api: ApiContract, op: Operation): string {
  return (
    api.exampleRoot +
    op.path
      .replace(/\{\w+:int\}/g, '1')
      .replace(/\{(\w+)\}/g, '$1-1')
      .replace('**', 'mailboxes/mailbox-1')
  );
}

/**
 * A body for the rule, as tests send it: its own example, or one its API's command form writes for
 * its command; undefined for a rule that names no command.
 */
export function exampleBody(api: ApiContract, op: Operation): object | undefined {
  if (!op.command) return op.exampleBody;
  const body = op.exampleBody ?? api.commandBody?.write(op.command);
  if (!body) throw new Error(`The API "${api.name}" has rules per command but no command form.`);
  return body;
}
