import { describe, expect, test } from 'vitest';
import { BUILT_IN_APIS } from './apis';
import type { ApiContract, Operation } from './operations';
import { apiOf, exampleBody, examplePath, operationFor, operationsAt } from './operations';
import { ACTIONS } from './roles';

const rules = BUILT_IN_APIS.flatMap((api) =>
  api.operations.map((op) => [api, op] as [ApiContract, Operation]),
);
const name = ([api, op]: [ApiContract, Operation]) =>
  `${api.name} ${op.method} ${op.path}${op.command ? ` (${op.command})` : ''}`;

describe('the table of operations', () => {
  test.each(rules.map((r) => [name(r), ...r] as const))('%s has exactly one rule', (_, api, op) => {
    const path = examplePath(api, op);
    expect(apiOf(BUILT_IN_APIS, path)).toBe(api);
    // Every rule at that method and path is a command of the same path, never another pattern.
    for (const other of operationsAt(api, op.method, path)) expect(other.path).toBe(op.path);
    expect(operationFor(api, op.method, path, op.command)).toBe(op);
    // Without its command, a rule of a commanded path is not chosen: the body must say.
    if (op.command) expect(operationFor(api, op.method, path)).toBeUndefined();
  });

  test('no two rules say the same thing, and every action is a known one', () => {
    const keys = rules.map(([api, op]) => `${api.name} ${op.method} ${op.path} ${op.command ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [, op] of rules) expect([...ACTIONS, 'sign-in', 'sign-out']).toContain(op.action);
  });

  test('an API with rules per command reads the command from the bodies it writes', () => {
    for (const [api, op] of rules) {
      if (!op.command) continue;
      expect(api.commandBody?.read(api.commandBody.write(op.command)), name([api, op])).toBe(op.command);
      expect(api.commandBody?.read(exampleBody(api, op)), name([api, op])).toBe(op.command);
    }
    expect(exampleBody(rules[0]![0], { method: 'GET', path: '/', action: 'read' })).toBeUndefined();
  });

  test('roots: region and tenant are optional on v1.0, the region on v2; Veeam ignores case', () => {
    const [v1, v2, v5] = ['rackspace-v1', 'rackspace-v2', 'veeam-v5'].map((n) =>
      BUILT_IN_APIS.find((a) => a.name === n)!,
    );
    for (const path of ['/v1.0/user/agents', '/dfw/v1.0/user/agents', '/v1.0/110011/user/agents'])
      expect(operationFor(v1!, 'GET', path)?.path, path).toBe('/user/agents');
    expect(operationFor(v2!, 'PATCH', '/v2/110011/backups/abc')?.action).toBe('backup.stop');
    expect(operationFor(v5!, 'post', '/v5/Jobs/ABC/Action', 'Start')?.action).toBe('backup.start');
    expect(operationFor(v5!, 'GET', '/v5/JobSessions/')?.path).toBe('/jobsessions');
    expect(operationFor(v1!, 'GET', '/v1.0/backup/nothing')).toBeUndefined();
    expect(apiOf(BUILT_IN_APIS, '/v2.0/tokens')?.name).toBe('rackspace-identity');
    expect(apiOf(BUILT_IN_APIS, '/health')).toBeUndefined();
  });
});
