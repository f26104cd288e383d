/**
 * The forms in which a request's body names its command, on a path whose rules are per command (one
 * rule per command: v1.0's `action-requested`, Veeam's `action`). An API's contract names its form:
 * the console server reads the command by it to find the rule of a request it forwards, and tests
 * write bodies by it. No zod here, as in error-forms.ts.
 */
export interface CommandForm {
  name: string;
  /** The command a body names; undefined when it names none (or several). */
  read(body: unknown): string | undefined;
  /** A body that names `command` and nothing else the vendor would need. */
  write(command: string): object;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Rackspace v1.0's `{"Action": "StartManual", "Id": 1}`. */
export const RACKSPACE_ACTION: CommandForm = {
  name: 'rackspace-action',
  read: (body) => (isObject(body) && typeof body.Action === 'string' ? body.Action : undefined),
  write: (command) => ({ Action: command, Id: 1 }),
};

/** Veeam's `{"start": null}`: exactly one key, the command. */
export const VEEAM_ACTION: CommandForm = {
  name: 'veeam-action',
  read(body) {
    if (!isObject(body)) return undefined;
    const keys = Object.keys(body);
    return keys.length === 1 ? keys[0] : undefined;
  },
  write: (command) => ({ [command]: null }),
};
