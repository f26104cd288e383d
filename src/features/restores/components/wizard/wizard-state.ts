import type { RestoreInput, RestorePoint } from '../../../../api/domain';

/**
 * The restore wizard's choices. The vault password is not here: it lives only in the password
 * field's own state and goes into the start request, never into the URL, storage or this object.
 */
export interface WizardChoices {
  connectionId: string | null;
  configurationId: string | null;
  point: RestorePoint | null;
  destinationAgentId: string | null;
  pathMode: 'original' | 'other';
  path: string;
  overwrite: boolean;
}

export type StepId = 'configuration' | 'point' | 'destination' | 'password' | 'review';

export const EMPTY_CHOICES: WizardChoices = {
  connectionId: null,
  configurationId: null,
  point: null,
  destinationAgentId: null,
  pathMode: 'original',
  path: '',
  overwrite: false,
};

/** The steps in order; the password step only when the chosen backup's vault is encrypted. */
export function wizardSteps(choices: WizardChoices): StepId[] {
  const steps: StepId[] = ['configuration', 'point', 'destination'];
  if (choices.point?.encrypted) steps.push('password');
  steps.push('review');
  return steps;
}

/** A path on Linux ("/srv/restore") or Windows ("D:\\restore", "\\\\server\\share"). */
export function isAbsolutePath(path: string): boolean {
  return /^\/|^[a-zA-Z]:[\\/]|^\\\\/.test(path.trim());
}

/** Why the person cannot go on from this step yet, or null when the step is complete. */
export function stepProblem(step: StepId, c: WizardChoices, password: string): string | null {
  switch (step) {
    case 'configuration':
      if (!c.connectionId) return 'Choose a connection.';
      return c.configurationId ? null : 'Choose the configuration to restore from.';
    case 'point':
      return c.point ? null : 'Choose a restore point.';
    case 'destination':
      if (!c.destinationAgentId) return 'Choose the machine to restore to.';
      if (c.pathMode === 'other' && !c.path.trim()) return 'Enter the folder to restore to.';
      if (c.pathMode === 'other' && !isAbsolutePath(c.path))
        return 'Enter a full path, such as /srv/restore or D:\\restore.';
      return null;
    case 'password':
      return password ? null : 'Enter the vault password of the encrypted backup.';
    case 'review':
      return null;
  }
}

/** Changing an earlier choice clears the later ones that depended on it. */
export function choose(c: WizardChoices, change: Partial<WizardChoices>): WizardChoices {
  const next = { ...c, ...change };
  if (change.connectionId !== undefined && change.connectionId !== c.connectionId)
    return { ...EMPTY_CHOICES, connectionId: change.connectionId };
  if (change.configurationId !== undefined && change.configurationId !== c.configurationId)
    return { ...next, point: null, destinationAgentId: null };
  if (change.point !== undefined && change.point?.backupId !== c.point?.backupId)
    // Restoring to the machine it came from is the usual case: preselect it.
    return { ...next, destinationAgentId: change.point?.agentId ?? null };
  return next;
}

/** The create request, once every step is complete. */
export function restoreInput(c: WizardChoices): RestoreInput | null {
  if (!c.point || !c.destinationAgentId) return null;
  return {
    backupId: c.point.backupId,
    sourceAgentId: c.point.agentId,
    destinationAgentId: c.destinationAgentId,
    destinationPath: c.pathMode === 'other' ? c.path.trim() : null,
    overwrite: c.overwrite,
  };
}
