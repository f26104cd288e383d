import { z } from '../contract/zod';
import { caseInsensitiveKeys, looseBooleanSchema } from './wire-actions';
import { linksSchema, pagedSchema } from './wire-common';

/**
 * Veeam v5 wire inside a restore session: what `/v5/RestoreSessions/{id}/Organization/…` answers
 * (mailboxes, folders and items; OneDrives; SharePoint sites, lists, libraries; teams, channels, posts,
 * files) and the bodies of its `POST …/Action` endpoints, with their counters. Answers are parsed
 * leniently (unknown fields pass), requests strictly (an unknown field is a 400 naming it).
 *
 * Paths (under `/v5/RestoreSessions/{rid}`, any case; browsing pages with offset/limit, v5's wrapper):
 *   GET  Organization → restoreOrganization
 *   Vex  GET Organization/Mailboxes[/{mid}] · Mailboxes/{mid}/Folders[?parentId=null|{fid}][/{fid}]
 *        · Mailboxes/{mid}/Items?folderId={fid}[/{iid}]
 *        POST Mailboxes/{mid}/Action · Folders/{fid}/Action · Items/Action · Items/{iid}/Action
 *   Veod GET Organization/OneDrives[/{oid}] · OneDrives/{oid}/Folders|Documents[?parentId=null|{fid}][/{id}]
 *        POST OneDrives/{oid}/Action · Documents/Action · Documents/{id}/Action · Folders/Action · Folders/{id}/Action
 *   Vesp GET Organization/Sites[?parentId=null|{sid}][/{sid}] · Sites/{sid}/Lists|Libraries[/{lid}]
 *        · Sites/{sid}/Folders|Documents|Items?parentId={list, library or folder id}[/{id}]
 *        POST Sites/{sid}/Action · Lists/{lid}/Action · Libraries/{lid}/Action · Items|Documents|Folders[/{id}]/Action
 *   Vet  GET Organization/Teams[/{tid}] · Teams/{tid}/Channels[/{cid}] · Teams/{tid}/Posts?channelId&parentId[/{pid}]
 *        · Teams/{tid}/Files?channelId&parentId[/{fid}]
 *        POST Teams/{tid}/Action · Channels/{cid}/Action · Posts/Action · Posts/{pid}/Action · Files/Action · Files/{fid}/Action
 * Every item query takes showDeleted/showAllVersions from the session (explore), not from the URL.
 *
 * Ours, where v5 is silent (server/veeam-v5/README.md): `isDeleted`/`deletionTime` mark an item
 * deleted before the session's point in time (shown with showDeleted); `isLatestVersion` marks the
 * earlier versions shown with showAllVersions; ids are GUID-shaped and case-insensitive.
 */

const time = z.string();
const optionalTime = z.nullish(z.string());

/** Fields every browsable thing may carry: our marks for deleted items and earlier versions. */
const marks = {
  /** Deleted before the session's point in time (listed only with showDeleted). */
  isDeleted: z.optional(z.boolean()),
  deletionTime: optionalTime,
  _links: z.optional(linksSchema),
};

/** `GET /RestoreSessions/{id}/Organization`: `name` is "<tenant> (<backup time>)". */
export const restoreOrganizationSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  /** Vex, Veod, Vesp, Vet (v6 adds it; we send it in v5 too). */
  type: z.optional(z.string()),
  _links: z.optional(linksSchema),
});
export type RestoreOrganization = z.infer<typeof restoreOrganizationSchema>;

// ── Exchange (Vex) ────────────────────────────────────────────────────────────────────────────────

export const mailboxSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  isArchive: z.boolean(),
  _links: z.optional(linksSchema),
});
export type Mailbox = z.infer<typeof mailboxSchema>;

/** None (mail), Appointment, Contact, Task, Journal, StickyNote. */
export const MAILBOX_FOLDER_TYPES = [
  'None',
  'Appointment',
  'Contact',
  'Task',
  'Journal',
  'StickyNote',
] as const;

/** A folder; a root folder has no `_links.parent`. `_links`: self, mailbox, parent?, folders, items. */
export const mailboxFolderSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  description: z.optional(z.string()),
  _links: z.optional(linksSchema),
});
export type MailboxFolder = z.infer<typeof mailboxFolderSchema>;

export const mailItemSchema = z.looseObject({
  id: z.string(),
  /** IPM.Note, IPM.Schedule.Meeting.Request … */
  itemClass: z.string(),
  from: z.string(),
  to: z.string(),
  cc: z.optional(z.string()),
  bcc: z.optional(z.string()),
  subject: z.string(),
  sent: optionalTime,
  received: optionalTime,
  reminder: z.optional(z.boolean()),
  /** Low, Normal, High (v8 field; sent by the reference service). */
  importance: z.optional(z.string()),
  /** Attachment file names (v8 has objects; ours are names). */
  attachments: z.optional(z.array(z.string())),
  ...marks,
});
export const appointmentItemSchema = z.looseObject({
  id: z.string(),
  itemClass: z.string(),
  subject: z.string(),
  organizer: z.string(),
  attendees: z.string(),
  location: z.string(),
  startTime: time,
  endTime: time,
  recurring: z.boolean(),
  ...marks,
});
export const contactItemSchema = z.looseObject({
  id: z.string(),
  itemClass: z.string(),
  fullName: z.string(),
  displayAs: z.optional(z.string()),
  email: z.string(),
  company: z.optional(z.string()),
  jobTitle: z.optional(z.string()),
  businessPhone: z.optional(z.string()),
  homePhone: z.optional(z.string()),
  mobile: z.optional(z.string()),
  fax: z.optional(z.string()),
  address: z.optional(z.string()),
  imAddress: z.optional(z.string()),
  webPage: z.optional(z.string()),
  fileAs: z.optional(z.string()),
  ...marks,
});
/** NotStarted, InProgress, Completed, WaitingOnsomeoneelse, Deferred. */
export const TASK_STATUSES = [
  'NotStarted',
  'InProgress',
  'Completed',
  'WaitingOnsomeoneelse',
  'Deferred',
] as const;
export const taskItemSchema = z.looseObject({
  id: z.string(),
  itemClass: z.string(),
  subject: z.string(),
  status: z.string(),
  percentComplete: z.number(),
  startDate: optionalTime,
  dueDate: optionalTime,
  owner: z.string(),
  ...marks,
});
/**
 * The kinds of Exchange item, whose fields depend on `itemClass` (IPM.Note…, IPM.Appointment, IPM.Contact,
 * IPM.Task), in the order they are tried; the first three only for their own classes.
 */
const MAILBOX_ITEM_KINDS = [
  { only: /^IPM\.Appointment/i, schema: appointmentItemSchema },
  { only: /^IPM\.Contact/i, schema: contactItemSchema },
  { only: /^IPM\.Task/i, schema: taskItemSchema },
  { only: null, schema: mailItemSchema },
  // Any other class (journal, sticky note): id and class, the rest passes through.
  { only: null, schema: z.looseObject({ id: z.string(), itemClass: z.string(), ...marks }) },
] as const;
/** Their union: the item types come from it, and `mailboxItemSchema` below answers as it does, sooner. */
export const mailboxItemUnion = z.union(
  MAILBOX_ITEM_KINDS.map(({ only, schema }) =>
    only ? z.extend(schema, { itemClass: z.string().check(z.regex(only)) }) : schema,
  ) as unknown as readonly [
    (typeof MAILBOX_ITEM_KINDS)[0]['schema'],
    (typeof MAILBOX_ITEM_KINDS)[1]['schema'],
    (typeof MAILBOX_ITEM_KINDS)[2]['schema'],
    (typeof MAILBOX_ITEM_KINDS)[3]['schema'],
    (typeof MAILBOX_ITEM_KINDS)[4]['schema'],
  ],
);
export type MailItem = z.infer<typeof mailItemSchema>;
export type AppointmentItem = z.infer<typeof appointmentItemSchema>;
export type ContactItem = z.infer<typeof contactItemSchema>;
export type TaskItem = z.infer<typeof taskItemSchema>;
export type MailboxItem = z.infer<typeof mailboxItemUnion>;

/**
 * An Exchange item: what the union of the kinds above gives (the first kind that fits, in that order),
 * without trying a kind whose class the item cannot have. A mail, by far the most common item, is one
 * parse instead of four: a page of 1,000 mails 10.4 → 1.07 ms in Node (the union's time held up a
 * frame or two of the explorer's scrolling at each new page). Only an item that fits no kind pays for the union, whose
 * issues it reports.
 */
export const mailboxItemSchema = z.pipe(
  z.unknown(),
  z.transform((input, ctx): MailboxItem => {
    const itemClass =
      typeof input === 'object' && input !== null && 'itemClass' in input ? input.itemClass : undefined;
    for (const { only, schema } of MAILBOX_ITEM_KINDS) {
      if (only && !(typeof itemClass === 'string' && only.test(itemClass))) continue;
      const fits = schema.safeParse(input);
      if (fits.success) return fits.data;
    }
    const union = mailboxItemUnion.safeParse(input);
    if (union.success) return union.data;
    for (const { message, path } of union.error.issues)
      ctx.issues.push({ code: 'custom', message, path, input });
    return z.NEVER;
  }),
);

// ── OneDrive (Veod) and SharePoint (Vesp) ─────────────────────────────────────────────────────────

export const oneDriveSchema = z.looseObject({
  id: z.string(),
  /** The user's display name. */
  name: z.string(),
  url: z.optional(z.string()),
  _links: z.optional(linksSchema),
});
export type OneDrive = z.infer<typeof oneDriveSchema>;

/** A folder of a OneDrive or of a SharePoint library. */
export const fileFolderSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  createdBy: z.optional(z.string()),
  creationTime: optionalTime,
  modifiedBy: z.optional(z.string()),
  modificationTime: optionalTime,
  ...marks,
});
export type FileFolder = z.infer<typeof fileFolderSchema>;

/** A document of a OneDrive or of a SharePoint library; with showAllVersions earlier versions too. */
export const documentSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  sizeBytes: z.number(),
  /** "3.0" */
  version: z.string(),
  /** false for an earlier version listed with showAllVersions (ours). */
  isLatestVersion: z.optional(z.boolean()),
  inheritedPermissions: z.optional(z.boolean()),
  createdBy: z.optional(z.string()),
  creationTime: optionalTime,
  modifiedBy: z.optional(z.string()),
  modificationTime: optionalTime,
  ...marks,
});
export type Document = z.infer<typeof documentSchema>;

export const siteSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  /** The parent site's id for a subsite (ours: v5 gives a link). */
  parentId: z.nullish(z.string()),
  _links: z.optional(linksSchema),
});
export type Site = z.infer<typeof siteSchema>;

/** A SharePoint list or library (`/Sites/{id}/Lists`, `/Libraries`). */
export const siteListSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.optional(z.string()),
  creationTime: optionalTime,
  /** List or Library (ours). */
  type: z.optional(z.string()),
  _links: z.optional(linksSchema),
});
export type SiteList = z.infer<typeof siteListSchema>;

/** An item of a SharePoint list. */
export const siteItemSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  name: z.optional(z.string()),
  version: z.optional(z.string()),
  isLatestVersion: z.optional(z.boolean()),
  createdBy: z.optional(z.string()),
  creationTime: optionalTime,
  modifiedBy: z.optional(z.string()),
  modificationTime: optionalTime,
  ...marks,
});
export type SiteItem = z.infer<typeof siteItemSchema>;

// ── Teams (Vet) ───────────────────────────────────────────────────────────────────────────────────

export const teamSchema = z.looseObject({
  id: z.string(),
  displayName: z.string(),
  description: z.optional(z.string()),
  groupEmail: z.optional(z.string()),
  alias: z.optional(z.string()),
  /** Public, Private, OrgWide. */
  privacy: z.optional(z.string()),
  isArchived: z.optional(z.boolean()),
  _links: z.optional(linksSchema),
});
export type Team = z.infer<typeof teamSchema>;

export const channelSchema = z.looseObject({
  id: z.string(),
  displayName: z.string(),
  description: z.optional(z.string()),
  _links: z.optional(linksSchema),
});
export type Channel = z.infer<typeof channelSchema>;

export const postSchema = z.looseObject({
  id: z.string(),
  author: z.string(),
  subject: z.string(),
  createdTime: time,
  lastModifiedTime: optionalTime,
  /** Plain text of the message (ours). */
  content: z.optional(z.string()),
  /** The post a reply answers (ours; null for a top-level post). */
  parentId: z.nullish(z.string()),
  replyCount: z.optional(z.number()),
  ...marks,
});
export type Post = z.infer<typeof postSchema>;

/** A file or folder of a channel's files (`isFolder`, ours; a folder has `_links.children`). */
export const teamFileSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  isFolder: z.optional(z.boolean()),
  version: z.optional(z.string()),
  isLatestVersion: z.optional(z.boolean()),
  sizeBytes: z.optional(z.number()),
  modifiedBy: z.optional(z.string()),
  modificationTime: optionalTime,
  ...marks,
});
export type TeamFile = z.infer<typeof teamFileSchema>;

export const mailboxPageSchema = pagedSchema(mailboxSchema);
export const mailboxFolderPageSchema = pagedSchema(mailboxFolderSchema);
export const mailboxItemPageSchema = pagedSchema(mailboxItemSchema);
export const oneDrivePageSchema = pagedSchema(oneDriveSchema);
export const fileFolderPageSchema = pagedSchema(fileFolderSchema);
export const documentPageSchema = pagedSchema(documentSchema);
export const sitePageSchema = pagedSchema(siteSchema);
export const siteListPageSchema = pagedSchema(siteListSchema);
export const siteItemPageSchema = pagedSchema(siteItemSchema);
export const teamPageSchema = pagedSchema(teamSchema);
export const channelPageSchema = pagedSchema(channelSchema);
export const postPageSchema = pagedSchema(postSchema);
export const teamFilePageSchema = pagedSchema(teamFileSchema);

// ── Action answers (counters) ─────────────────────────────────────────────────────────────────────

export const exchangeRestoreStatsSchema = z.looseObject({
  createdItemsCount: z.number(),
  mergedItemsCount: z.number(),
  skippedItemsCount: z.number(),
  failedItemsCount: z.number(),
  exceptions: z.optional(z.array(z.string())),
});
export type ExchangeRestoreStats = z.infer<typeof exchangeRestoreStatsSchema>;

export const oneDriveRestoreStatsSchema = z.looseObject({
  totalItemsCount: z.number(),
  restoredItemsCount: z.number(),
  failedItemsCount: z.number(),
  failedRestrictionsCount: z.optional(z.number()),
  skippedItemsByErrorCount: z.optional(z.number()),
  skippedItemsByNoChangesCount: z.optional(z.number()),
});
export type OneDriveRestoreStats = z.infer<typeof oneDriveRestoreStatsSchema>;

export const sharePointRestoreStatsSchema = z.extend(oneDriveRestoreStatsSchema, {
  restoredWebsCount: z.optional(z.number()),
  failedWebsCount: z.optional(z.number()),
  restoredListsCount: z.optional(z.number()),
  failedListsCount: z.optional(z.number()),
});
export type SharePointRestoreStats = z.infer<typeof sharePointRestoreStatsSchema>;

export const teamsRestoreStatsSchema = z.looseObject({
  totalItemsCount: z.number(),
  restoredItemsCount: z.number(),
  failedItemsCount: z.number(),
  skippedItemsCount: z.number(),
});
export type TeamsRestoreStats = z.infer<typeof teamsRestoreStatsSchema>;

/** What a send answers (v5 leaves the body undocumented; ours). */
export const sendStatsSchema = z.looseObject({ sentItemsCount: z.number(), failedItemsCount: z.number() });
export type SendStats = z.infer<typeof sendStatsSchema>;

// ── Action bodies: `POST …/Action` with exactly one key (matched without regard to case) ─────────

const idRefs = z.array(z.strictObject({ id: z.string().check(z.minLength(1)) }), {
  error: 'must be a list of {"id": "…"}',
});
const flag = z.optional(looseBooleanSchema);

/** One credential family: user name and password, a device code, or an application certificate. */
const credentialFields = {
  userName: z.optional(z.string().check(z.minLength(1))),
  userPassword: z.optional(z.string()),
  userCode: z.optional(z.string().check(z.minLength(1))),
  applicationId: z.optional(z.string().check(z.minLength(1))),
  applicationCertificate: z.optional(z.string().check(z.minLength(1))),
  applicationCertificatePassword: z.optional(z.string()),
  impersonationAccountName: z.optional(z.string()),
};
type Credentials = { [K in keyof typeof credentialFields]?: string };

/** "" when exactly one credential family is complete, else what is wrong. */
export function credentialProblem(c: Credentials): string {
  const families = [
    c.userName !== undefined || c.userPassword !== undefined ? 'userName' : null,
    c.userCode !== undefined ? 'userCode' : null,
    c.applicationId !== undefined || c.applicationCertificate !== undefined ? 'applicationId' : null,
  ].filter(Boolean);
  if (families.length === 0) {
    return 'Restoring needs credentials: userName and userPassword, or userCode (device code), or applicationId and applicationCertificate.';
  }
  if (families.length > 1) return `Send one family of credentials, not ${families.join(' and ')} together.`;
  if (families[0] === 'userName' && (!c.userName || c.userPassword === undefined)) {
    return 'userName and userPassword go together.';
  }
  if (families[0] === 'applicationId' && (!c.applicationId || !c.applicationCertificate)) {
    return 'applicationId and applicationCertificate go together.';
  }
  return '';
}

const withCredentials = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.strictObject({ ...credentialFields, ...shape }).check(
    z.superRefine((value, ctx) => {
      const problem = credentialProblem(value as Credentials);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  );

/** An options object whose property names are read without regard to case. */
function options<T extends z.ZodMiniType>(schema: T, keys: readonly string[]) {
  return caseInsensitiveKeys([...keys, ...Object.keys(credentialFields)], schema);
}

const exchangeFlags = {
  changedItems: flag,
  deletedItems: flag,
  markRestoredAsUnread: flag,
  excludeDrafts: flag,
  excludeDeletedItems: flag,
  excludeInPlaceHoldItems: flag,
  excludeLitigationHoldItems: flag,
};
const exchangeRestoreOriginalShape = { ...exchangeFlags, items: z.optional(idRefs) };
const exchangeRestoreToShape = {
  ...exchangeRestoreOriginalShape,
  /** Target mailbox (SMTP address). */
  mailbox: z.string().check(z.minLength(1, { error: 'mailbox (the target SMTP address) is required' })),
  casServer: z.optional(z.string()),
  /** Target folder name; the original folder path when left out. */
  folder: z.optional(z.string()),
  officeRegion: z.optional(z.string()),
  officeOrganizationName: z.optional(z.string()),
};
const sendShape = {
  from: z.optional(z.string()),
  to: z.string().check(z.minLength(1, { error: 'to (the address to send to) is required' })),
  subject: z.optional(z.string()),
  text: z.optional(z.string()),
};

/** Exchange actions and their options (`null` stands for "no options" where that is allowed). */
export const exchangeActionSchemas = {
  restoretooriginallocation: options(
    withCredentials(exchangeRestoreOriginalShape),
    Object.keys(exchangeRestoreOriginalShape),
  ),
  restoreto: options(withCredentials(exchangeRestoreToShape), Object.keys(exchangeRestoreToShape)),
  savetomsg: z.nullable(options(z.strictObject({ items: z.optional(idRefs) }), ['items'])),
  sendtodifferentaddress: options(z.strictObject({ ...sendShape, items: z.optional(idRefs) }), [
    ...Object.keys(sendShape),
    'items',
  ]),
  /** v6 `sendToDefaultAddress`; v5 key unverified, both spellings taken. */
  sendtooriginaladdress: z.nullable(options(z.strictObject({ items: z.optional(idRefs) }), ['items'])),
  exporttopst: z.nullable(
    options(
      z.strictObject({
        contentKeywords: z.optional(z.string()),
        enablePstSizeLimit: flag,
        pstSizeLimitBytes: z.optional(z.int().check(z.positive())),
        items: z.optional(idRefs),
      }),
      ['contentKeywords', 'enablePstSizeLimit', 'pstSizeLimitBytes', 'items'],
    ),
  ),
};
export type ExchangeActionName = keyof typeof exchangeActionSchemas;

const selection = { documents: z.optional(idRefs), folders: z.optional(idRefs) };
const versionChoice = z.pipe(
  z.enum(['all', 'last', 'All', 'Last']),
  z.transform((v) => v.toLowerCase()),
);
const oneDriveRestoreShape = {
  ...selection,
  documentVersion: z.optional(versionChoice),
  /** When the document exists: overwrite or keep. */
  documentAction: z.optional(
    z.pipe(
      z.enum(['overwrite', 'keep', 'Overwrite', 'Keep']),
      z.transform((v) => v.toLowerCase()),
    ),
  ),
};
const oneDriveCopyShape = {
  ...selection,
  /** The target user's OneDrive: its id, or the user's e-mail or name. */
  oneDrive: z.union([
    z.string().check(z.minLength(1)),
    z.looseObject({ id: z.optional(z.string()), name: z.optional(z.string()) }),
  ]),
  /** Target folder (name or path); a "Restored <date>" folder when left out. */
  folder: z.optional(z.string()),
  documentVersion: z.optional(versionChoice),
  documentLastVersionAction: z.optional(z.string()),
  changedItems: flag,
  deletedItems: flag,
  restorePermissions: flag,
  sendSharedLinksNotification: flag,
};
const saveShape = { asZip: flag };

/** OneDrive actions (whole OneDrive, documents, folders). */
export const oneDriveActionSchemas = {
  restoretooriginallocation: options(
    withCredentials(oneDriveRestoreShape),
    Object.keys(oneDriveRestoreShape),
  ),
  copyto: options(withCredentials(oneDriveCopyShape), Object.keys(oneDriveCopyShape)),
  sendto: options(z.strictObject({ ...sendShape, ...selection }), [
    ...Object.keys(sendShape),
    ...Object.keys(selection),
  ]),
  save: z.nullable(
    options(z.strictObject({ ...saveShape, ...selection }), ['asZip', ...Object.keys(selection)]),
  ),
};
export type OneDriveActionName = keyof typeof oneDriveActionSchemas;

const spSelection = { ...selection, items: z.optional(idRefs) };
const sharePointRestoreShape = {
  ...spSelection,
  /** Target list or library name; the original one when left out (in place). */
  list: z.optional(z.string()),
  /** Site level: the alias of another site to restore to (`/sites/<alias>`); the original when left out. */
  alias: z.optional(z.string()),
  changedItems: flag,
  deletedItems: flag,
  restorePermissions: flag,
  sendSharedLinksNotification: flag,
  restoreListViews: flag,
  restoreSubsites: flag,
  restoreMasterPages: flag,
  documentVersion: z.optional(versionChoice),
  documentLastVersionAction: z.optional(
    z.pipe(
      z.enum(['merge', 'overwrite', 'Merge', 'Overwrite']),
      z.transform((v) => v.toLowerCase()),
    ),
  ),
};

/** SharePoint actions: restoreTo covers the original list (in place) and another list or site. */
export const sharePointActionSchemas = {
  restoreto: options(withCredentials(sharePointRestoreShape), Object.keys(sharePointRestoreShape)),
  sendto: options(z.strictObject({ ...sendShape, ...spSelection }), [
    ...Object.keys(sendShape),
    ...Object.keys(spSelection),
  ]),
  save: z.nullable(
    options(z.strictObject({ ...saveShape, ...spSelection }), ['asZip', ...Object.keys(spSelection)]),
  ),
};
export type SharePointActionName = keyof typeof sharePointActionSchemas;

const teamsSelection = {
  channelId: z.optional(z.string()),
  files: z.optional(idRefs),
  posts: z.optional(idRefs),
};
const teamsRestoreShape = {
  ...teamsSelection,
  restoreChangedItems: flag,
  restoreMissingItems: flag,
  restoreMembers: flag,
  restoreSettings: flag,
  fileVersion: z.optional(versionChoice),
  fileLastVersionAction: z.optional(
    z.pipe(
      z.enum(['merge', 'overwrite', 'Merge', 'Overwrite']),
      z.transform((v) => v.toLowerCase()),
    ),
  ),
};

/** Teams actions: restore (always to the original team), save files, export posts, send. */
export const teamsActionSchemas = {
  restore: options(withCredentials(teamsRestoreShape), Object.keys(teamsRestoreShape)),
  save: z.nullable(
    options(z.strictObject({ ...saveShape, ...teamsSelection }), ['asZip', ...Object.keys(teamsSelection)]),
  ),
  export: z.nullable(options(z.strictObject(teamsSelection), Object.keys(teamsSelection))),
  send: options(z.strictObject({ ...sendShape, ...teamsSelection }), [
    ...Object.keys(sendShape),
    ...Object.keys(teamsSelection),
  ]),
};
export type TeamsActionName = keyof typeof teamsActionSchemas;

/** Answers of a restore action by session type (a save or export answers a file instead). */
export const restoreStatsSchema = z.union([
  exchangeRestoreStatsSchema,
  sharePointRestoreStatsSchema,
  oneDriveRestoreStatsSchema,
  teamsRestoreStatsSchema,
  sendStatsSchema,
]);
export type RestoreStats = z.infer<typeof restoreStatsSchema>;

/** What the console sends: `{ [action]: options | null }`, one key. */
export type ActionBody = Record<string, unknown>;
