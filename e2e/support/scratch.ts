import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A new folder for a service's data or a spec's files, inside the run's own folder (`E2E_RUN_DIR`,
 * made by playwright.config.ts and removed when the run ends), so that a run leaves nothing behind in
 * the system's temporary folder. Outside a run (a spec loaded on its own), in the temporary folder.
 */
export function scratchDir(name: string): string {
  return mkdtempSync(join(process.env.E2E_RUN_DIR ?? tmpdir(), `${name}-`));
}
