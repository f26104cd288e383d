import type { Explore, JobActionName } from '../../src/api/veeam-v5/wire';
import { exploreSchema, JOB_ACTIONS } from '../../src/api/veeam-v5/wire';

export type ParsedJobAction =
  | { ok: true; name: Exclude<JobActionName, 'explore'> }
  | { ok: true; name: 'explore'; explore: Explore }
  | { ok: false; message: string };

const ONE_OF = 'exactly one of "enable", "disable", "start", "stop" (each with null) or "explore"';

/**
 * Reads the body of `POST /Jobs/{id}/action` (seed 004) with a message a person can act on for each
 * way it can be wrong. Names are matched without regard to case, as the vendor's ASP.NET reader does.
 */
export function parseJobAction(body: unknown): ParsedJobAction {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return {
      ok: false,
      message: `The request body must be a JSON object with ${ONE_OF}, e.g. {"start": null}.`,
    };
  }
  const entries = Object.entries(body as Record<string, unknown>);
  if (entries.length === 0)
    return { ok: false, message: `The request body names no action: send ${ONE_OF}.` };
  const unknown = entries.map(([k]) => k).filter((k) => !JOB_ACTIONS.some((a) => a === k.toLowerCase()));
  if (unknown.length > 0) {
    return {
      ok: false,
      message: `Unknown action ${unknown.map((k) => `"${k}"`).join(', ')}: send ${ONE_OF}.`,
    };
  }
  if (entries.length > 1) {
    const names = entries.map(([k]) => k).join(', ');
    return {
      ok: false,
      message: `The request body names ${entries.length} actions (${names}): send exactly one.`,
    };
  }
  const [key, value] = entries[0]!;
  const name = key.toLowerCase() as JobActionName;
  if (name !== 'explore') {
    return value === null
      ? { ok: true, name }
      : { ok: false, message: `"${name}" takes null as its value: send {"${name}": null}.` };
  }
  const explore = exploreSchema.safeParse(value);
  if (!explore.success) {
    const problems = explore.error.issues.map((i) => `${['explore', ...i.path].join('.')}: ${i.message}`);
    return {
      ok: false,
      message: `The explore action is not valid: ${problems.join('; ')}. Send {"explore": {"datetime": "2020-04-12 10:54:40.000", "type": "vex"}} (type vex, vesp, veod or vet; showDeleted and showAllVersions optional booleans).`,
    };
  }
  return { ok: true, name, explore: explore.data };
}
