import type { VeeamStore } from '../store/veeam-store';
import { presentJob } from './present';

/**
 * `GET /v5/Jobs` as JSON text, quick at 10,000 jobs: each job's unchanging parts (name, schedule,
 * links) are rendered once and kept; a list reads only the fields that move (status, last and next
 * run, enabled) and splices them in; and a whole answer is kept until a job changes (the store counts
 * its writes to jobs), so polls between two changes cost nothing. The answer equals
 * `jobs.map(presentJob)` (tested).
 */
export function jobListRenderer(store: VeeamStore): (orgId?: string) => string {
  const parts = new Map<string, { head: string; tail: string }>();
  const partsOf = (id: string) => {
    let p = parts.get(id);
    if (!p) {
      const row = store.job(id)!;
      const {
        id: _id,
        name,
        description,
        lastStatus: _s,
        lastRun: _r,
        nextRun: _n,
        isEnabled: _e,
        ...rest
      } = presentJob(row);
      p = {
        head: JSON.stringify({ id, name, description }).slice(0, -1),
        tail: JSON.stringify(rest).slice(1),
      };
      parts.set(id, p);
    }
    return p;
  };
  const time = (ms: number | null) => (ms === null ? 'null' : `"${new Date(ms).toISOString()}"`);
  const answers = new Map<string, { version: number; text: string }>();
  return (orgId) => {
    const kept = answers.get(orgId ?? '');
    if (kept?.version === store.jobsVersion) return kept.text;
    const version = store.jobsVersion;
    const out: string[] = [];
    for (const [id, status, lastRun, nextRun, enabled] of store.jobStates(orgId)) {
      const p = partsOf(id);
      out.push(
        `${p.head},"lastStatus":${JSON.stringify(status)},"lastRun":${time(lastRun)},"nextRun":${time(nextRun)},"isEnabled":${enabled === 1},${p.tail}`,
      );
    }
    const text = `[${out.join(',')}]`;
    // Keep the whole list and a few organizations' lists; the rest are cheap to make again.
    if (answers.size > 64) answers.clear();
    answers.set(orgId ?? '', { version, text });
    return text;
  };
}
