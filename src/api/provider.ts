import type {
  Agent,
  BackupTarget,
  Connection,
  ExploreInput,
  LogItem,
  Organization,
  Restore,
  RestoreInput,
  RestorePoint,
  RestoreSession,
  Run,
  RunDetail,
} from './domain';
import type { Capabilities, RunFeed } from './capabilities';
import type {
  ContentActionInput,
  ContentActionOutcome,
  ContentActionSpec,
  ContentKind,
  ContentNode,
  ContentPage,
  ContentItem,
  SessionContent,
} from './restore-content';

/**
 * Every read takes an AbortSignal so that TanStack Query can cancel it, and the query layer's
 * `lookup` (src/api/resource-queries.ts), through which an adapter reads the lists that name what
 * other answers refer to by id.
 */
export interface ReadOptions {
  signal?: AbortSignal;
  lookup?: Lookup;
}

/** The lists an adapter reads to name what its answers refer to by id (a job's organization, a backup's configuration). */
export interface Directory {
  targets: BackupTarget[];
  organizations: Organization[];
  /** The agents as their list tells them (no online state). */
  agents: Agent[];
}

/** What never changes about a backup once it exists: the configuration and the agent it backs up. */
export interface BackupSource {
  configurationId: string;
  agentId: string;
}

/**
 * The query layer's side of an adapter's reads (src/api/resource-queries.ts): cache entries of the
 * console's query client, one per resource, which commands' invalidation reaches.
 */
export interface Lookup {
  /**
   * A directory list: the cache entry the pages read too, read again when stale or invalidated, or
   * once older than `staleMs` when given (a dialect whose names change more often than most).
   */
  list<K extends keyof Directory>(
    resource: K,
    load: (o: ReadOptions) => Promise<Directory[K]>,
    staleMs?: number,
  ): Promise<Directory[K]>;
  /** A backup's source, once learnt from any answer that names it (a v2 restore names only its backup). */
  backupSource: {
    get(backupId: string): BackupSource | undefined;
    set(backupId: string, source: BackupSource): void;
  };
}

/**
 * One connection's backup API, whatever its dialect, organised by resource and then by command. The
 * capability flags (`capabilities.ts`) say which resources and commands the dialect has; reads of a
 * resource it lacks return empty lists, commands it cannot do throw ApiError kind 'unsupported'. The
 * UI checks `capabilities` (through can()) before offering a command.
 */
export interface BackupProvider {
  readonly connection: Connection;
  readonly capabilities: Capabilities;

  /*
   * Targets (`capabilities.targets`): what is backed up on a schedule, with what their own answers
   * say of the last and current run (v1.0's BackupState, v2's last completed backup, Veeam's last
   * status). The runs that move come from the run feeds (`withLiveRuns` lays them over), so that a
   * list polls one feed fast, not the whole list.
   */
  listTargets(o?: ReadOptions): Promise<BackupTarget[]>;
  getTarget(id: string, o?: ReadOptions): Promise<BackupTarget>;
  /** A target's runs (backups, job sessions), newest first, with what the list can tell of each. */
  listTargetRuns(targetId: string, o?: ReadOptions): Promise<Run[]>;

  /* Runs: the feeds (`capabilities.runFeeds`), one run's detail, a run's log. */
  /** The newest runs of one of the dialect's feeds, newest first. */
  listRuns(feed: RunFeed, o?: ReadOptions): Promise<Run[]>;
  /** Every feed at once (backups, restores, job sessions, restore sessions), newest first. */
  listActivity(o?: ReadOptions): Promise<Run[]>;
  /** A backup with its error list, as its report tells it. */
  getBackup(backupId: string, o?: ReadOptions): Promise<RunDetail>;
  /** One backup as a row of its history (no error list): what a `partial` run leaves out. */
  getBackupRun(backupId: string, o?: ReadOptions): Promise<Run>;
  /** The log of a run that keeps one (a Veeam job session). */
  listLogItems(sessionId: string, o?: ReadOptions): Promise<LogItem[]>;

  /* Restores (`capabilities.restores`). */
  listRestores(o?: ReadOptions): Promise<Restore[]>;
  getRestore(id: string, o?: ReadOptions): Promise<Restore>;
  /** Restorable backups, of one target when given. */
  listRestorePoints(targetId: string | null, o?: ReadOptions): Promise<RestorePoint[]>;

  /* Restore sessions (`capabilities.restoreSessions`). */
  listRestoreSessions(o?: ReadOptions): Promise<RestoreSession[]>;
  getRestoreSession(id: string, o?: ReadOptions): Promise<RestoreSession>;
  listRestoreSessionEvents(sessionId: string, o?: ReadOptions): Promise<LogItem[]>;

  /*
   * Inside an open restore session (`capabilities.restoreSessionContent`): its tree, its items page
   * by page, and the actions on a selection. Browsing is private data: support and admin only.
   */
  getSessionContent(sessionId: string, o?: ReadOptions): Promise<SessionContent>;
  /** The places below `parentId` (null: the session's top level: mailboxes, OneDrives, sites, teams). */
  listContentNodes(sessionId: string, parentId: string | null, o?: ReadOptions): Promise<ContentNode[]>;
  getContentNode(sessionId: string, nodeId: string, o?: ReadOptions): Promise<ContentNode>;
  listContentItems(
    sessionId: string,
    nodeId: string,
    page: { offset: number; limit: number },
    o?: ReadOptions,
  ): Promise<ContentPage>;
  getContentItem(sessionId: string, nodeId: string, itemId: string, o?: ReadOptions): Promise<ContentItem>;
  /** What can be done with items of this Explorer, and what each action asks for. */
  contentActions(kind: ContentKind): Promise<readonly ContentActionSpec[]>;

  /* The places targets back up: agents (machines) and organizations (tenants). */
  listAgents(o?: ReadOptions): Promise<Agent[]>;
  listOrganizations(o?: ReadOptions): Promise<Organization[]>;

  /* Commands on targets (`startBackup`, `stopBackup`, `enableDisable`). */
  /** Starts a run of a target; the new run's id when told. */
  startBackup(targetId: string): Promise<{ runId: string | null }>;
  /** Stops a target's run: Rackspace stops the run (`runId`), Veeam the job (`targetId`). */
  stopBackup(target: { targetId: string; runId: string | null }): Promise<void>;
  setEnabled(targetId: string, enabled: boolean): Promise<void>;

  /* Commands on restores (`restores`). */
  /**
   * Creates a restore; with `start` it also starts it. The vault password goes only into the request
   * that needs it (v1: the start action; v2: the create call) and is never kept.
   */
  createRestore(input: RestoreInput, options: { start: boolean; password?: string | null }): Promise<Restore>;
  /** Starts a restore that was created without starting (v1 `Creating`). */
  startRestore(restoreId: string, password?: string | null): Promise<void>;
  stopRestore(restoreId: string): Promise<void>;

  /* Commands on restore sessions (`restoreSessions`, `restoreSessionContent`). */
  /** Opens a restore session of a target; its id when the answer tells it. */
  explore(input: ExploreInput): Promise<{ sessionId: string | null }>;
  stopRestoreSession(sessionId: string): Promise<void>;
  /** Runs an action on items of a session; it answers when the work is done (restores are synchronous). */
  runContentAction(sessionId: string, input: ContentActionInput): Promise<ContentActionOutcome>;

  /* Commands on agents (`wakeAgents`). */
  wakeAgents(): Promise<void>;
}

/** What an adapter implements; the registry adds `listActivity`, built from the feeds for every dialect. */
export type AdapterProvider = Omit<BackupProvider, 'listActivity'>;
