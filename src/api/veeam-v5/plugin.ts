import { VEEAM_V5 } from '../contract/apis';
import { OAUTH_ERROR, VEEAM_ERROR } from '../contract/error-forms';
import type { DialectPlugin } from '../dialect';
import { roleFromVeeam } from './roles';

const signIn = () => import('./sign-in');

/**
 * Veeam Backup for Microsoft 365 REST v5: jobs and their sessions, restore sessions and what they
 * hold. Signs in with a password at its own `/token` (OAuth), renews with the refresh token, sends
 * `Authorization: Bearer`, and is configured with its `/v5` root.
 */
export const veeamV5: DialectPlugin = {
  name: 'veeam-v5',
  label: 'Veeam Backup for Microsoft 365 REST v5',
  capabilities: {
    targets: 'job',
    startBackup: true,
    stopBackup: true,
    enableDisable: true,
    restores: false,
    restoreSessions: true,
    restoreSessionContent: true,
    wakeAgents: false,
    progress: 'percent',
    runFeeds: ['job-sessions', 'restore-sessions'],
  },
  apis: [VEEAM_V5],
  checkConfig(entry) {
    const baseUrl = entry.text('baseUrl', 'is required: the /v5 root of the Veeam REST API');
    return baseUrl === undefined ? undefined : { baseUrl };
  },
  signIn: async (...args) => (await signIn()).signInVeeam(...args),
  refresh: {
    run: async (...args) => (await signIn()).refreshVeeam(...args),
    // A minute before the token expires, or at three quarters of a shorter life.
    aheadMs(session) {
      const life = Date.parse(session.expiresAt) - Date.parse(session.issuedAt);
      return Number.isNaN(life) ? 60_000 : Math.min(60_000, life / 4);
    },
  },
  authHeader: (token) => ({ name: 'Authorization', value: `Bearer ${token}` }),
  // The token endpoint refuses the OAuth way; the API answers `{message, errorCode}`.
  errorForms: [OAUTH_ERROR, VEEAM_ERROR],
  roleOf: (vendorRoles, renewing) => roleFromVeeam(vendorRoles[0], renewing),
  loadAdapter: () => import('./adapter').then((m) => m.createVeeamV5Provider),
  overviewReads: [
    { path: '/jobsessions?limit=200', pace: 'feed' },
    { path: '/restoresessions?limit=200', pace: 'feed' },
    { path: '/jobs', pace: 'idle' },
    { path: '/organizations', pace: 'keep' },
  ],
};
