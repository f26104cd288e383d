/**
 * Tests only: the vendors' example answers, copied verbatim from the vendors' documentation
 * pages the project started from, numbered seed 000–004 (docs/architecture.md "Vendor examples").
 */

/** Seed 003 "Example: Start a backup, JSON response" (seed 002 shows the same answer). */
export const SEED_003_START_BACKUP_ANSWER = {
  project_id: '123456',
  id: '0d95d699-d16b-11e4-93bd-c8e0eb190e3d',
  agent: {
    id: '8f135b4f-7a69-4b8a-947f-5e80d772fd97',
    links: [
      {
        href: 'https://cloudbackupapi.apiary-mock.com/v2/agents/8f135b4f-7a69-4b8a-947f-5e80d772fd97',
        rel: 'full',
      },
    ],
  },
  configuration: {
    id: '7c8ee069-568f-4d5a-932f-fb2af86b5fd5',
    links: [
      {
        href: 'https://cloudbackupapi.apiary-mock.com/v2/configurations/7c8ee069-568f-4d5a-932f-fb2af86b5fd5',
        rel: 'full',
      },
    ],
  },
  state: 'start_requested',
  started_time: null,
  ended_time: null,
  snapshot_id: null,
  errors: {
    count: 0,
    reason: '',
    diagnostics: '',
    links: [
      {
        href: 'https://cloudbackupapi.apiary-mock.com/v2/backups/0d95d699-d16b-11e4-93bd-c8e0eb190e3d/errors',
        rel: 'full',
      },
    ],
  },
  files_searched: 0,
  files_backed_up: 0,
  bytes_searched: 0,
  bytes_backed_up: 0,
  bytes_in_db: 0,
  bandwidth_avg_bps: 0,
  restorable: false,
  links: [
    {
      href: 'https://cloudbackupapi.apiary-mock.com/v2/backups/0d95d699-d16b-11e4-93bd-c8e0eb190e3d',
      rel: 'self',
    },
    {
      href: 'https://cloudbackupapi.apiary-mock.com/v2/backups/0d95d699-d16b-11e4-93bd-c8e0eb190e3d/events',
      rel: 'events',
    },
  ],
} as const;

/** Seed 000 "Example: Start a backup manually response": the body is the bare BackupId. */
export const SEED_000_START_ANSWER = '\n     368785';
