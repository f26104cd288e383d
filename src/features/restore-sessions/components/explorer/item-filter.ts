import type { ContentItem, ItemKind } from '../../../../api/restore-content';

/** The list's filters, as they stand in the URL (dates are "yyyy-mm-dd", in the person's zone). */
export interface ItemFilter {
  text: string;
  sender: string;
  after: string;
  before: string;
  /** '' (all), 'deleted', 'versions', a kind ('appointment'), or a file type ('.docx'). */
  type: string;
}

export const NO_FILTER: ItemFilter = { text: '', sender: '', after: '', before: '', type: '' };

const KIND_WORDS: Record<ItemKind, string> = {
  mail: 'Mail',
  appointment: 'Appointments',
  contact: 'Contacts',
  task: 'Tasks',
  note: 'Notes',
  document: 'Documents',
  folder: 'Folders',
  'list-item': 'List items',
  post: 'Posts',
  file: 'Files',
};

/** A document's type by its name's extension ('.docx'); null for other items. */
function fileType(item: ContentItem): string | null {
  if (item.kind !== 'document' && item.kind !== 'file') return null;
  const m = /\.([a-z0-9]{1,8})$/i.exec(item.title);
  return m ? `.${m[1]!.toLowerCase()}` : null;
}

/** What a person searches in: title, sender, recipients and the other facts, in lower case, once. */
const haystacks = new WeakMap<ContentItem, string>();
function haystack(item: ContentItem): string {
  let h = haystacks.get(item);
  if (h === undefined) {
    h = [item.title, item.from ?? '', item.to ?? '', ...Object.values(item.fields)]
      .join('\u0000')
      .toLowerCase();
    haystacks.set(item, h);
  }
  return h;
}

/** Local midnight of a "yyyy-mm-dd" day (the start of the day, or with `end` the next one). */
function dayBound(day: string, end: boolean): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (end ? 1 : 0)).getTime();
}

export function isFiltered(f: ItemFilter): boolean {
  return f.text !== '' || f.sender !== '' || f.after !== '' || f.before !== '' || f.type !== '';
}

/** The items that pass every filter, in their order. Searching 10,000 items takes a few ms. */
export function filterItems(items: readonly ContentItem[], f: ItemFilter): readonly ContentItem[] {
  if (!isFiltered(f)) return items;
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  const sender = f.sender.trim().toLowerCase();
  const after = dayBound(f.after, false);
  const before = dayBound(f.before, true);
  return items.filter((item) => {
    if (f.type === 'deleted' ? !item.deleted : f.type === 'versions' ? !item.earlierVersion : false)
      return false;
    if (f.type.startsWith('.') && fileType(item) !== f.type) return false;
    if (f.type && f.type in KIND_WORDS && item.kind !== f.type) return false;
    if (sender && !(item.from ?? '').toLowerCase().includes(sender)) return false;
    if (after !== null || before !== null) {
      const at = item.at ? Date.parse(item.at) : NaN;
      if (Number.isNaN(at) || (after !== null && at < after) || (before !== null && at >= before))
        return false;
    }
    if (words.length) {
      const h = haystack(item);
      if (!words.every((w) => h.includes(w))) return false;
    }
    return true;
  });
}

/** The Type filter's choices for what is loaded: kinds when mixed, file types, deleted, versions. */
export function typeChoices(items: readonly ContentItem[]): { value: string; label: string }[] {
  const kinds = new Set<ItemKind>();
  const types = new Set<string>();
  let deleted = false;
  let versions = false;
  for (const item of items) {
    kinds.add(item.kind);
    const t = fileType(item);
    if (t) types.add(t);
    deleted ||= item.deleted;
    versions ||= item.earlierVersion;
  }
  return [
    { value: '', label: 'All types' },
    ...(kinds.size > 1 ? [...kinds].map((k) => ({ value: k, label: KIND_WORDS[k] })) : []),
    ...[...types].sort().map((t) => ({ value: t, label: `${t} files` })),
    ...(deleted ? [{ value: 'deleted', label: 'Deleted items' }] : []),
    ...(versions ? [{ value: 'versions', label: 'Earlier versions' }] : []),
  ];
}
