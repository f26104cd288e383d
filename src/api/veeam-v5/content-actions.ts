import type { ContentActionSpec, ContentKind, ItemKind } from '../restore-content';

/**
 * What can be done with items inside a Veeam restore session, Explorer by Explorer, and the v5
 * action key each one sends (`POST …/Action` with that one key). The dialog asks what `target`,
 * `folder`, `options`, `credentials` and `mail` name; `content-run.ts` builds the body.
 */

const RESTORE_FLAGS = [
  { key: 'changedItems', label: 'Restore changed items', default: true },
  { key: 'deletedItems', label: 'Restore deleted items', default: true },
] as const;

type Spec = ContentActionSpec & { wireKey: string };

const spec = (s: Partial<Spec> & Pick<Spec, 'key' | 'label' | 'verb' | 'wireKey'>): Spec => ({
  target: null,
  folder: null,
  options: [],
  credentials: false,
  mail: false,
  download: false,
  appliesTo: null,
  ...s,
});

const send = (wireKey: string) =>
  spec({ key: 'send', label: 'Send by e-mail', verb: 'send', wireKey, mail: true });

const DOCUMENTS: readonly ItemKind[] = ['document', 'file', 'list-item'];

export const CONTENT_ACTIONS: Record<ContentKind, readonly Spec[]> = {
  exchange: [
    spec({
      key: 'restore-original',
      label: 'Restore to the original mailbox',
      verb: 'restore',
      wireKey: 'restoretoOriginallocation',
      credentials: true,
      options: [
        ...RESTORE_FLAGS,
        { key: 'markRestoredAsUnread', label: 'Mark restored items as unread', default: false },
      ],
    }),
    spec({
      key: 'restore-to',
      label: 'Restore to another mailbox',
      verb: 'restore',
      wireKey: 'restoreTo',
      target: { label: 'Target mailbox', description: 'The e-mail address of the mailbox to restore into.' },
      folder: { label: 'Folder', description: 'Left empty, the items go to the folders they came from.' },
      credentials: true,
      options: [
        ...RESTORE_FLAGS,
        { key: 'markRestoredAsUnread', label: 'Mark restored items as unread', default: false },
      ],
    }),
    spec({ key: 'save', label: 'Save as .msg', verb: 'save', wireKey: 'savetoMsg', download: true }),
    send('sendtoDifferentAddress'),
    spec({ key: 'export', label: 'Export to PST', verb: 'export', wireKey: 'exportToPst', download: true }),
  ],
  onedrive: [
    spec({
      key: 'restore-original',
      label: 'Restore to the original place',
      verb: 'restore',
      wireKey: 'restoretoOriginallocation',
      credentials: true,
      options: [
        { key: 'allVersions', label: 'Restore all versions (else the last)', default: false },
        { key: 'overwrite', label: 'Overwrite documents that exist (else keep them)', default: false },
      ],
    }),
    spec({
      key: 'restore-to',
      label: 'Copy to another OneDrive',
      verb: 'restore',
      wireKey: 'copyTo',
      target: {
        label: 'Target OneDrive',
        description: 'The e-mail address of the user whose OneDrive receives them.',
      },
      folder: { label: 'Folder', description: 'Left empty, a "Restored" folder is made.' },
      credentials: true,
      options: [
        { key: 'allVersions', label: 'Copy all versions (else the last)', default: false },
        { key: 'restorePermissions', label: 'Restore permissions', default: false },
      ],
    }),
    spec({ key: 'save', label: 'Save', verb: 'save', wireKey: 'save', download: true }),
    send('sendTo'),
  ],
  sharepoint: [
    spec({
      key: 'restore-original',
      label: 'Restore to the original list',
      verb: 'restore',
      wireKey: 'restoreTo',
      credentials: true,
      options: [
        { key: 'restorePermissions', label: 'Restore permissions', default: true },
        { key: 'allVersions', label: 'Restore all versions (else the last)', default: false },
        { key: 'overwrite', label: 'Overwrite the last version (else merge)', default: false },
      ],
    }),
    spec({
      key: 'restore-to',
      label: 'Restore to another list',
      verb: 'restore',
      wireKey: 'restoreTo',
      target: { label: 'Target list', description: 'The name of the list or library to restore into.' },
      credentials: true,
      options: [
        { key: 'restorePermissions', label: 'Restore permissions', default: true },
        { key: 'allVersions', label: 'Restore all versions (else the last)', default: false },
      ],
    }),
    spec({ key: 'save', label: 'Save', verb: 'save', wireKey: 'save', download: true, appliesTo: DOCUMENTS }),
    send('sendTo'),
  ],
  teams: [
    spec({
      key: 'restore-original',
      label: 'Restore to the team',
      verb: 'restore',
      wireKey: 'restore',
      credentials: true,
      options: [
        { key: 'restoreChangedItems', label: 'Restore changed items', default: true },
        { key: 'restoreMissingItems', label: 'Restore missing items', default: true },
      ],
    }),
    spec({ key: 'save', label: 'Save', verb: 'save', wireKey: 'save', download: true, appliesTo: ['file'] }),
    spec({
      key: 'export',
      label: 'Export as HTML',
      verb: 'export',
      wireKey: 'export',
      download: true,
      appliesTo: ['post'],
    }),
    send('send'),
  ],
};

export function contentActionSpec(kind: ContentKind, key: string): Spec | null {
  return CONTENT_ACTIONS[kind].find((a) => a.key === key) ?? null;
}

/** The specs as the UI sees them (without the wire key). */
export function contentActionsOf(kind: ContentKind): ContentActionSpec[] {
  return CONTENT_ACTIONS[kind].map(({ wireKey: _wireKey, ...rest }) => rest);
}
