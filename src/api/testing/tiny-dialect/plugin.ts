/* Tests only: the plug-in of Tiny Backup v1, the seam test's own dialect (see wire.ts). */
import type { DialectPlugin } from '../../dialect';
import { isRole } from '../../contract/roles';
import { sameOrigin } from '../../same-origin';
import { TINY_API, TINY_ERROR } from './wire';

/** Signs in with a password at `{baseUrl}/token`, sends `X-Tiny-Token`, has targets and one run feed. */
export const tinyV1: DialectPlugin = {
  name: 'tiny-v1',
  label: 'Tiny Backup v1',
  capabilities: {
    targets: 'job',
    startBackup: true,
    stopBackup: false,
    enableDisable: false,
    restores: false,
    restoreSessions: false,
    restoreSessionContent: false,
    wakeAgents: false,
    progress: 'state-only',
    runFeeds: ['job-sessions'],
  },
  apis: [TINY_API],
  checkConfig(entry) {
    const baseUrl = entry.text('baseUrl', 'is required: the /tiny/v1 root');
    return baseUrl === undefined ? undefined : { baseUrl };
  },
  async signIn(http, connection, credentials, origin) {
    const { tokenAnswerSchema } = await import('./wire');
    const root = sameOrigin(connection.baseUrl ?? '', origin);
    const answer = await http.request(
      {
        method: 'POST',
        path: `${root}/token`,
        absolute: true,
        anonymous: true,
        json: { username: credentials.username, password: credentials.password ?? '' },
      },
      tokenAnswerSchema,
    );
    return {
      connectionId: connection.id,
      username: answer.user,
      role: tinyV1.roleOf([answer.role], null),
      token: answer.token,
      issuedAt: answer.issued,
      expiresAt: answer.expires,
      baseUrl: root,
      tenantId: null,
      refreshToken: null,
    };
  },
  authHeader: (token) => ({ name: 'X-Tiny-Token', value: token }),
  errorForms: [TINY_ERROR],
  roleOf: ([stated]) => (isRole(stated) ? stated : 'viewer'),
  loadAdapter: () => import('./adapter').then((m) => m.createTinyProvider),
};
