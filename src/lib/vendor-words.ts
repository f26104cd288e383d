/**
 * The vendors' words (run states, reasons, error types) in people's words: the one table every page
 * reads. Rackspace v1.0 writes them in PascalCase (`AgentDisconnected`), v2 in snake_case
 * (`agent_disconnected`), Veeam in words already; all spellings of a word meet on one key.
 */
const WORDS: Record<string, string> = {
  // States.
  startrequested: 'Start requested',
  startscheduled: 'Start scheduled',
  preparing: 'Preparing',
  queued: 'Queued',
  inprogress: 'In progress',
  stoprequested: 'Stop requested',
  completed: 'Completed',
  completedwitherrors: 'Completed with errors',
  creating: 'Not started',
  // Why a run ended as it did.
  success: 'Completed without errors',
  agentdisconnected: 'The agent lost its connection to the backup service',
  agentoffline: 'The agent was offline',
  vaultunavailable: 'The backup vault could not be reached',
  insufficientdiskspace: 'The agent ran out of disk space',
  snapshotfailed: 'The volume snapshot could not be made',
  destinationunavailable: 'The destination machine stopped answering',
  accessdenied: 'The agent was not allowed to write to the destination',
  unabletoprocesssomefiles: 'Some files could not be processed',
  servicerestarted: 'The backup service restarted during the run',
  // Error list entries.
  fileorfoldermissing: 'File or folder not found',
  filemissingblocks: 'Part of the file could not be read',
  phxexception: 'The file could not be read (locked or in use)',
};

const keyOf = (word: string) => word.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The same word however spelt: `CompletedWithErrors`, `completed_with_errors`, "Completed with errors". */
export function sameWord(a: string, b: string): boolean {
  return keyOf(a) === keyOf(b);
}

/** A vendor's code: one token, PascalCase, camelCase or snake_case; not a sentence. */
const isCode = (word: string) => /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*$/.test(word.trim());

/**
 * People's words for a vendor's word: the table's, else a code spelt out in words
 * (`QuotaExceeded` → "Quota exceeded"); a sentence stays as the vendor wrote it.
 */
export function peopleWords(word: string): string {
  const known = WORDS[keyOf(word)];
  if (known) return known;
  if (!isCode(word)) return word;
  const spaced = word
    .trim()
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** True when people's words differ from the vendor's, so that the vendor's word is worth showing too. */
export function saysMore(word: string): boolean {
  return peopleWords(word) !== word;
}
