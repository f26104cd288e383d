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

/** What a pre-filled link to the wizard names (/restores/new?connection=&configuration=&backup=). */
export interface WizardLink {
  connectionId?: string | null;
  configurationId?: string | null;
  backupId?: string | null;
}

/** Why a link's choice was not made, said above the configuration step. */
export interface LinkProblem {
  title: string;
  text: string;
}

/**
 * Where the wizard opens from a link: its connection (or the one connection there is), and the
 * configuration and backup it names, still to be checked against that connection's configurations.
 * A link to a connection the person cannot restore on chooses nothing of it, and says so.
 */
export function openLink(
  connections: readonly { id: string }[],
  link: WizardLink,
): {
  connectionId: string | null;
  pending: { configurationId: string; backupId: string | null } | null;
  problem: LinkProblem | null;
} {
  const linked = connections.find((c) => c.id === link.connectionId)?.id ?? null;
  const only = connections.length === 1 ? (connections[0]?.id ?? null) : null;
  const connectionId = linked ?? only;
  if (link.connectionId && !linked && (link.configurationId || link.backupId))
    return {
      connectionId,
      pending: null,
      problem: {
        title: 'The linked connection is not available',
        text: `The link names connection ${link.connectionId}, on which you cannot restore: choose what to restore from.`,
      },
    };
  const pending =
    connectionId && link.configurationId
      ? { configurationId: link.configurationId, backupId: link.backupId ?? null }
      : null;
  return { connectionId, pending, problem: null };
}

/** The words for a link whose configuration the connection does not have (deleted, or a wrong id). */
export function configurationNotFound(configurationId: string, connectionLabel: string): LinkProblem {
  return {
    title: 'The linked configuration was not found',
    text: `${connectionLabel} has no configuration ${configurationId} (it may have been deleted): choose another configuration.`,
  };
}

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
