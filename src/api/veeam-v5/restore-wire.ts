import { z } from 'zod';
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
const optionalTime = z.string().nullish();

/** Fields every browsable thing may carry: our marks for deleted items and earlier versions. */
const marks = {
  /** Deleted before the session's point in time (listed only with showDeleted). */
  isDeleted: z.boolean().optional(),
  deletionTime: optionalTime,
  _links: linksSchema.optional(),
};

/** `GET /RestoreSessions/{id}/Organization`: `name` is "<tenant> (<backup time>)". */
export const restoreOrganizationSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  /** Vex, Veod, Vesp, Vet (v6 adds it; we send it in v5 too). */
  type: z.string().optional(),
  _links: linksSchema.optional(),
});
export type RestoreOrganization = z.infer<typeof restoreOrganizationSchema>;

// ── Exchange (Vex) ────────────────────────────────────────────────────────────────────────────────

export const mailboxSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  isArchive: z.boolean(),
  _links: linksSchema.optional(),
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
  description: z.string().optional(),
  _links: linksSchema.optional(),
});
export type MailboxFolder = z.infer<typeof mailboxFolderSchema>;

export const mailItemSchema = z.looseObject({
  id: z.string(),
  /** IPM.Note, IPM.Schedule.Meeting.Request … */
  itemClass: z.string(),
  from: z.string(),
  to: z.string(),
  cc: z.string().optional(),
  bcc: z.string().optional(),
  subject: z.string(),
  sent: optionalTime,
  received: optionalTime,
  reminder: z.boolean().optional(),
  /** Low, Normal, High (v8 field; sent by the reference service). */
  importance: z.string().optional(),
  /** Attachment file names (v8 has objects; ours are names). */
  attachments: z.array(z.string()).optional(),
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
  displayAs: z.string().optional(),
  email: z.string(),
  company: z.string().optional(),
  jobTitle: z.string().optional(),
  businessPhone: z.string().optional(),
  homePhone: z.string().optional(),
  mobile: z.string().optional(),
  fax: z.string().optional(),
  address: z.string().optional(),
  imAddress: z.string().optional(),
  webPage: z.string().optional(),
  fileAs: z.string().optional(),
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
/** An Exchange item: the fields depend on `itemClass` (IPM.Note…, IPM.Appointment, IPM.Contact, IPM.Task). */
export const mailboxItemSchema = z.union([
  appointmentItemSchema.extend({ itemClass: z.string().regex(/^IPM\.Appointment/i) }),
  contactItemSchema.extend({ itemClass: z.string().regex(/^IPM\.Contact/i) }),
  taskItemSchema.extend({ itemClass: z.string().regex(/^IPM\.Task/i) }),
  mailItemSchema,
  // Any other class (journal, sticky note): id and class, the rest passes through.
  z.looseObject({ id: z.string(), itemClass: z.string(), ...marks }),
]);
export type MailItem = z.infer<typeof mailItemSchema>;
export type AppointmentItem = z.infer<typeof appointmentItemSchema>;
export type ContactItem = z.infer<typeof contactItemSchema>;
export type TaskItem = z.infer<typeof taskItemSchema>;
export type MailboxItem = z.infer<typeof mailboxItemSchema>;

// ── OneDrive (Veod) and SharePoint (Vesp) ─────────────────────────────────────────────────────────

export const oneDriveSchema = z.looseObject({
  id: z.string(),
  /** The user's display name. */
  name: z.string(),
  url: z.string().optional(),
  _links: linksSchema.optional(),
});
export type OneDrive = z.infer<typeof oneDriveSchema>;

/** A folder of a OneDrive or of a SharePoint library. */
export const fileFolderSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  createdBy: z.string().optional(),
  creationTime: optionalTime,
  modifiedBy: z.string().optional(),
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
  isLatestVersion: z.boolean().optional(),
  inheritedPermissions: z.boolean().optional(),
  createdBy: z.string().optional(),
  creationTime: optionalTime,
  modifiedBy: z.string().optional(),
  modificationTime: optionalTime,
  ...marks,
});
export type Document = z.infer<typeof documentSchema>;

export const siteSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  /** The parent site's id for a subsite (ours: v5 gives a link). */
  parentId: z.string().nullish(),
  _links: linksSchema.optional(),
});
export type Site = z.infer<typeof siteSchema>;

/** A SharePoint list or library (`/Sites/{id}/Lists`, `/Libraries`). */
export const siteListSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  creationTime: optionalTime,
  /** List or Library (ours). */
  type: z.string().optional(),
  _links: linksSchema.optional(),
});
export type SiteList = z.infer<typeof siteListSchema>;

/** An item of a SharePoint list. */
export const siteItemSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  name: z.string().optional(),
  version: z.string().optional(),
  isLatestVersion: z.boolean().optional(),
  createdBy: z.string().optional(),
  creationTime: optionalTime,
  modifiedBy: z.string().optional(),
  modificationTime: optionalTime,
  ...marks,
});
export type SiteItem = z.infer<typeof siteItemSchema>;

// ── Teams (Vet) ───────────────────────────────────────────────────────────────────────────────────

export const teamSchema = z.looseObject({
  id: z.string(),
  displayName: z.string(),
  description: z.string().optional(),
  groupEmail: z.string().optional(),
  alias: z.string().optional(),
  /** Public, Private, OrgWide. */
  privacy: z.string().optional(),
  isArchived: z.boolean().optional(),
  _links: linksSchema.optional(),
});
export type Team = z.infer<typeof teamSchema>;

export const channelSchema = z.looseObject({
  id: z.string(),
  displayName: z.string(),
  description: z.string().optional(),
  _links: linksSchema.optional(),
});
export type Channel = z.infer<typeof channelSchema>;

export const postSchema = z.looseObject({
  id: z.string(),
  author: z.string(),
  subject: z.string(),
  createdTime: time,
  lastModifiedTime: optionalTime,
  /** Plain text of the message (ours). */
  content: z.string().optional(),
  /** The post a reply answers (ours; null for a top-level post). */
  parentId: z.string().nullish(),
  replyCount: z.number().optional(),
  ...marks,
});
export type Post = z.infer<typeof postSchema>;

/** A file or folder of a channel's files (`isFolder`, ours; a folder has `_links.children`). */
export const teamFileSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  isFolder: z.boolean().optional(),
  version: z.string().optional(),
  isLatestVersion: z.boolean().optional(),
  sizeBytes: z.number().optional(),
  modifiedBy: z.string().optional(),
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
  exceptions: z.array(z.string()).optional(),
});
export type ExchangeRestoreStats = z.infer<typeof exchangeRestoreStatsSchema>;

export const oneDriveRestoreStatsSchema = z.looseObject({
  totalItemsCount: z.number(),
  restoredItemsCount: z.number(),
  failedItemsCount: z.number(),
  failedRestrictionsCount: z.number().optional(),
  skippedItemsByErrorCount: z.number().optional(),
  skippedItemsByNoChangesCount: z.number().optional(),
});
export type OneDriveRestoreStats = z.infer<typeof oneDriveRestoreStatsSchema>;

export const sharePointRestoreStatsSchema = oneDriveRestoreStatsSchema.extend({
  restoredWebsCount: z.number().optional(),
  failedWebsCount: z.number().optional(),
  restoredListsCount: z.number().optional(),
  failedListsCount: z.number().optional(),
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

const idRefs = z.array(z.strictObject({ id: z.string().min(1) }), { error: 'must be a list of {"id": "…"}' });
const flag = looseBooleanSchema.optional();

/** One credential family: user name and password, a device code, or an application certificate. */
const credentialFields = {
  userName: z.string().min(1).optional(),
  userPassword: z.string().optional(),
  userCode: z.string().min(1).optional(),
  applicationId: z.string().min(1).optional(),
  applicationCertificate: z.string().min(1).optional(),
  applicationCertificatePassword: z.string().optional(),
  impersonationAccountName: z.string().optional(),
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

const withCredentials = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject({ ...credentialFields, ...shape }).superRefine((value, ctx) => {
    const problem = credentialProblem(value as Credentials);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** An options object whose property names are read without regard to case. */
function options<T extends z.ZodType>(schema: T, keys: readonly string[]) {
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
const exchangeRestoreOriginalShape = { ...exchangeFlags, items: idRefs.optional() };
const exchangeRestoreToShape = {
  ...exchangeRestoreOriginalShape,
  /** Target mailbox (SMTP address). */
  mailbox: z.string().min(1, { error: 'mailbox (the target SMTP address) is required' }),
  casServer: z.string().optional(),
  /** Target folder name; the original folder path when left out. */
  folder: z.string().optional(),
  officeRegion: z.string().optional(),
  officeOrganizationName: z.string().optional(),
};
const sendShape = {
  from: z.string().optional(),
  to: z.string().min(1, { error: 'to (the address to send to) is required' }),
  subject: z.string().optional(),
  text: z.string().optional(),
};

/** Exchange actions and their options (`null` stands for "no options" where that is allowed). */
export const exchangeActionSchemas = {
  restoretooriginallocation: options(
    withCredentials(exchangeRestoreOriginalShape),
    Object.keys(exchangeRestoreOriginalShape),
  ),
  restoreto: options(withCredentials(exchangeRestoreToShape), Object.keys(exchangeRestoreToShape)),
  savetomsg: options(z.strictObject({ items: idRefs.optional() }), ['items']).nullable(),
  sendtodifferentaddress: options(z.strictObject({ ...sendShape, items: idRefs.optional() }), [
    ...Object.keys(sendShape),
    'items',
  ]),
  /** v6 `sendToDefaultAddress`; v5 key unverified, both spellings taken. */
  sendtooriginaladdress: options(z.strictObject({ items: idRefs.optional() }), ['items']).nullable(),
  exporttopst: options(
    z.strictObject({
      contentKeywords: z.string().optional(),
      enablePstSizeLimit: flag,
      pstSizeLimitBytes: z.number().int().positive().optional(),
      items: idRefs.optional(),
    }),
    ['contentKeywords', 'enablePstSizeLimit', 'pstSizeLimitBytes', 'items'],
  ).nullable(),
};
export type ExchangeActionName = keyof typeof exchangeActionSchemas;

const selection = { documents: idRefs.optional(), folders: idRefs.optional() };
const versionChoice = z.enum(['all', 'last', 'All', 'Last']).transform((v) => v.toLowerCase());
const oneDriveRestoreShape = {
  ...selection,
  documentVersion: versionChoice.optional(),
  /** When the document exists: overwrite or keep. */
  documentAction: z
    .enum(['overwrite', 'keep', 'Overwrite', 'Keep'])
    .transform((v) => v.toLowerCase())
    .optional(),
};
const oneDriveCopyShape = {
  ...selection,
  /** The target user's OneDrive: its id, or the user's e-mail or name. */
  oneDrive: z.union([
    z.string().min(1),
    z.looseObject({ id: z.string().optional(), name: z.string().optional() }),
  ]),
  /** Target folder (name or path); a "Restored <date>" folder when left out. */
  folder: z.string().optional(),
  documentVersion: versionChoice.optional(),
  documentLastVersionAction: z.string().optional(),
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
  save: options(z.strictObject({ ...saveShape, ...selection }), [
    'asZip',
    ...Object.keys(selection),
  ]).nullable(),
};
export type OneDriveActionName = keyof typeof oneDriveActionSchemas;

const spSelection = { ...selection, items: idRefs.optional() };
const sharePointRestoreShape = {
  ...spSelection,
  /** Target list or library name; the original one when left out (in place). */
  list: z.string().optional(),
  /** Site level: the alias of another site to restore to (`/sites/<alias>`); the original when left out. */
  alias: z.string().optional(),
  changedItems: flag,
  deletedItems: flag,
  restorePermissions: flag,
  sendSharedLinksNotification: flag,
  restoreListViews: flag,
  restoreSubsites: flag,
  restoreMasterPages: flag,
  documentVersion: versionChoice.optional(),
  documentLastVersionAction: z
    .enum(['merge', 'overwrite', 'Merge', 'Overwrite'])
    .transform((v) => v.toLowerCase())
    .optional(),
};

/** SharePoint actions: restoreTo covers the original list (in place) and another list or site. */
export const sharePointActionSchemas = {
  restoreto: options(withCredentials(sharePointRestoreShape), Object.keys(sharePointRestoreShape)),
  sendto: options(z.strictObject({ ...sendShape, ...spSelection }), [
    ...Object.keys(sendShape),
    ...Object.keys(spSelection),
  ]),
  save: options(z.strictObject({ ...saveShape, ...spSelection }), [
    'asZip',
    ...Object.keys(spSelection),
  ]).nullable(),
};
export type SharePointActionName = keyof typeof sharePointActionSchemas;

const teamsSelection = {
  channelId: z.string().optional(),
  files: idRefs.optional(),
  posts: idRefs.optional(),
};
const teamsRestoreShape = {
  ...teamsSelection,
  restoreChangedItems: flag,
  restoreMissingItems: flag,
  restoreMembers: flag,
  restoreSettings: flag,
  fileVersion: versionChoice.optional(),
  fileLastVersionAction: z
    .enum(['merge', 'overwrite', 'Merge', 'Overwrite'])
    .transform((v) => v.toLowerCase())
    .optional(),
};

/** Teams actions: restore (always to the original team), save files, export posts, send. */
export const teamsActionSchemas = {
  restore: options(withCredentials(teamsRestoreShape), Object.keys(teamsRestoreShape)),
  save: options(z.strictObject({ ...saveShape, ...teamsSelection }), [
    'asZip',
    ...Object.keys(teamsSelection),
  ]).nullable(),
  export: options(z.strictObject(teamsSelection), Object.keys(teamsSelection)).nullable(),
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
