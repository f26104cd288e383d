/**
 * The vendor-neutral shape of what a restore session holds (Veeam's Explorers): a tree of places
 * (mailboxes and their folders, OneDrives, sites and their lists, teams and their channels), the
 * items in each place, and what can be done with a selection of them. Adapters map their wire
 * objects to these; ids are the adapter's own and opaque to the UI, safe to put in a URL.
 */

/** The four Explorers: Exchange, OneDrive, SharePoint, Teams. */
export type ContentKind = 'exchange' | 'onedrive' | 'sharepoint' | 'teams';

export type NodeKind =
  | 'mailbox'
  | 'mail-folder'
  | 'onedrive'
  | 'folder'
  | 'site'
  | 'list'
  | 'library'
  | 'team'
  | 'channel'
  | 'posts'
  | 'files';

/** What the items of a place are, which decides the list's columns. */
export type ItemKind =
  | 'mail'
  | 'appointment'
  | 'contact'
  | 'task'
  | 'note'
  | 'document'
  | 'folder'
  | 'list-item'
  | 'post'
  | 'file';

/** A place in the session's tree. */
export interface ContentNode {
  id: string;
  name: string;
  kind: NodeKind;
  /** A second line: a mailbox's address, a site's URL, a team's mail address. */
  detail: string | null;
  /** Whether it may have places below it (false only when known to have none). */
  expandable: boolean;
  /** The kind of the items it holds; null when it holds none of its own (a mailbox, a team). */
  items: ItemKind | null;
  /** The place it sits under in the tree, null for a root: a deep link unfolds the tree along it. */
  parentId: string | null;
}

/** One backed-up item: a mail, an appointment, a document, a post… as one shape. */
export interface ContentItem {
  id: string;
  kind: ItemKind;
  /** Subject, file name, contact's name. */
  title: string;
  /** Sender, organizer, author, who modified it last. */
  from: string | null;
  /** Recipients, attendees. */
  to: string | null;
  /** When it was received, starts, was modified or posted. */
  at: string | null;
  sizeBytes: number | null;
  version: string | null;
  /** Deleted before the session's point in time (shown with "show deleted items"). */
  deleted: boolean;
  /** An earlier version of an item (shown with "show all versions"). */
  earlierVersion: boolean;
  /** Further facts by kind (location, status, due date, company…), label → text. */
  fields: Readonly<Record<string, string>>;
}

export interface ContentPage {
  items: ContentItem[];
  /** The offset of the next page, null when this is the last. */
  next: number | null;
}

/** What the session explores and as of when: always in view while working in it. */
export interface SessionContent {
  kind: ContentKind;
  organizationName: string;
  /** The backup the session shows, when the service tells it. */
  pointInTime: string | null;
}

export type ContentVerb = 'restore' | 'save' | 'send' | 'export';

/** An action on a selection, and what its dialog must ask for. */
export interface ContentActionSpec {
  key: string;
  label: string;
  verb: ContentVerb;
  /** Where to: another mailbox, user, list (required when present). */
  target: { label: string; description: string } | null;
  /** A folder to restore into (optional when present). */
  folder: { label: string; description: string } | null;
  /** Switches with their default (changed items, deleted items, mark as unread…). */
  options: readonly { key: string; label: string; default: boolean }[];
  /** Restores sign in to Microsoft 365 with an account of the organization. */
  credentials: boolean;
  /** Sends ask for the recipient, a subject and a text. */
  mail: boolean;
  /** The answer is a file to save. */
  download: boolean;
  /** On these item kinds only (null: every kind). */
  appliesTo: readonly ItemKind[] | null;
}

export interface ContentActionInput {
  action: string;
  /** The place the items are in. */
  nodeId: string;
  itemIds: readonly string[];
  target?: string;
  folder?: string;
  options: Readonly<Record<string, boolean>>;
  /** Used for this one request and never kept. */
  credentials?: { userName: string; password: string };
  mail?: { to: string; subject: string; text: string };
  /** A file name to save under when the service names none (the item's own name, say). */
  suggestedName?: string;
}

export interface ContentActionOutcome {
  /** The service's counters in its order, with people's words for them. */
  counters: { label: string; value: number }[];
  /** A saved file, for download actions. */
  file: { name: string; blob: Blob } | null;
  /** Messages the service gave beside the counters (failures of single items). */
  messages: string[];
}
