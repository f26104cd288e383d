import { describe, expect, test } from 'vitest';
import defaultConfig from '../../public/config.json';
import {
  ConnectionsConfigError,
  loadRuntimeConfig,
  parseConnections,
  parseRuntimeConfig,
} from './connections';

describe('connections config', () => {
  test('the default config is valid: DFW through v1.0, ORD through v2, Veeam', () => {
    expect(parseConnections(defaultConfig)).toEqual([
      {
        id: 'rackspace-dfw',
        label: 'Rackspace DFW (v1.0)',
        dialect: 'rackspace-v1',
        identityUrl: '/v2.0',
        region: 'DFW',
      },
      {
        id: 'rackspace-ord',
        label: 'Rackspace ORD (v2)',
        dialect: 'rackspace-v2',
        identityUrl: '/v2.0',
        region: 'ORD',
      },
      { id: 'veeam', label: 'Veeam Microsoft 365', dialect: 'veeam-v5', baseUrl: '/v5' },
    ]);
  });

  test('a lower-case region is accepted', () => {
    const [c] = parseConnections({
      connections: [{ id: 'rs', label: 'RS', dialect: 'rackspace-v2', identityUrl: '/v2.0', region: 'lon' }],
    });
    expect(c?.region).toBe('LON');
  });

  test('unknown keys are dropped, as the schema did', () => {
    const [c] = parseConnections({
      connections: [{ id: 'v', label: 'V', dialect: 'veeam-v5', baseUrl: '/v5', extra: 1 }],
    });
    expect(c).toEqual({ id: 'v', label: 'V', dialect: 'veeam-v5', baseUrl: '/v5' });
  });

  test.each([
    [{}, /connections: .*expected array/i],
    [[], /\(the whole file\): must be a JSON object/],
    [{ connections: ['veeam'] }, /connections\.0: must be an object/],
    [
      { connections: [{ id: 'a', label: '', dialect: 'veeam-v5', baseUrl: '/v5' }] },
      /connections\.0\.label: must not be empty/,
    ],
    [
      { connections: [{ id: 'a', label: 'A', dialect: 'veeam-v5', baseUrl: 5 }] },
      /connections\.0\.baseUrl: must be a string/,
    ],
    [{ connections: [] }, /connections: must list at least one connection/],
    [
      { connections: [{ id: 'a', label: 'A', dialect: 'rackspace-v3' }] },
      /dialect must be "rackspace-v1", "rackspace-v2" or "veeam-v5"/,
    ],
    [
      { connections: [{ id: 'pbs', label: 'PBS', dialect: 'proxmox-v1', baseUrl: '/api2' }] },
      /connections\.0: dialect must be .* \("proxmox-v1" is not a known dialect\)/,
    ],
    [
      { connections: [{ id: 'a', label: 'A', dialect: 7 }] },
      /connections\.0: dialect must be "rackspace-v1"/,
    ],
    [
      { connections: [{ id: 'a', label: 'A', dialect: 'rackspace-v1', region: 'DFW' }] },
      /connections\.0\.identityUrl/,
    ],
    [
      {
        connections: [{ id: 'a', label: 'A', dialect: 'rackspace-v1', identityUrl: '/v2.0', region: 'XYZ' }],
      },
      /region: must be one of DFW/,
    ],
    [{ connections: [{ id: 'a', label: 'A', dialect: 'veeam-v5' }] }, /connections\.0\.baseUrl/],
    [
      { connections: [{ id: 'Bad Id', label: 'A', dialect: 'veeam-v5', baseUrl: '/v5' }] },
      /connections\.0\.id: must be lower-case/,
    ],
    [
      {
        connections: [
          { id: 'a', label: 'A', dialect: 'veeam-v5', baseUrl: '/v5' },
          { id: 'a', label: 'B', dialect: 'veeam-v5', baseUrl: '/v5' },
        ],
      },
      /connections\.1\.id: "a" is used twice/,
    ],
  ])('a wrong config is refused with a clear message (%#)', (raw, message) => {
    expect(() => parseConnections(raw)).toThrow(ConnectionsConfigError);
    expect(() => parseConnections(raw)).toThrow(message);
  });

  test('loading: a missing file and a malformed one each say what is wrong', async () => {
    await expect(
      loadRuntimeConfig(() => Promise.resolve(new Response('nope', { status: 404 }))),
    ).rejects.toThrow(/answered 404.*next to index\.html/);
    await expect(
      loadRuntimeConfig(() => Promise.resolve(new Response('{"connections": [', { status: 200 }))),
    ).rejects.toThrow(/not valid JSON/);
    await expect(loadRuntimeConfig(() => Promise.reject(new TypeError('Failed to fetch')))).rejects.toThrow(
      /Could not load \/config.json \(Failed to fetch\)/,
    );
    const ok = await loadRuntimeConfig(() => Promise.resolve(Response.json(defaultConfig)));
    expect(ok.connections.map((c) => c.id)).toEqual(['rackspace-dfw', 'rackspace-ord', 'veeam']);
    expect(ok.console).toBeNull();
  });

  test('console mode: connections held by the console server are paths on it, with no vendor URL', () => {
    const config = parseRuntimeConfig({
      console: {
        session: '/console/api/session',
        oidc: { label: 'Sign in with SSO', start: '/console/api/oidc/start' },
      },
      connections: [
        {
          id: 'dfw',
          label: 'DFW',
          dialect: 'rackspace-v1',
          region: 'DFW',
          basePath: '/console/api/connections/dfw',
        },
        { id: 'veeam', label: 'Veeam', dialect: 'veeam-v5', basePath: '/console/api/connections/veeam' },
        {
          id: 'own',
          label: 'Own',
          dialect: 'veeam-v5',
          basePath: '/console/api/connections/own',
          signIn: 'per-person',
        },
      ],
    });
    expect(config.console).toEqual({
      session: '/console/api/session',
      oidc: { label: 'Sign in with SSO', start: '/console/api/oidc/start' },
    });
    expect(config.connections).toEqual([
      {
        id: 'dfw',
        label: 'DFW',
        dialect: 'rackspace-v1',
        region: 'DFW',
        baseUrl: '/console/api/connections/dfw',
      },
      { id: 'veeam', label: 'Veeam', dialect: 'veeam-v5', baseUrl: '/console/api/connections/veeam' },
      {
        id: 'own',
        label: 'Own',
        dialect: 'veeam-v5',
        baseUrl: '/console/api/connections/own',
        personal: true,
      },
    ]);
  });

  test.each([
    [{ console: 'yes', connections: [] }, /console: must be an object/],
    [{ console: {}, connections: [] }, /console\.session: is required/],
    [
      { console: { session: '/s' }, connections: [{ id: 'v', label: 'V', dialect: 'veeam-v5' }] },
      /connections\.0\.basePath: is required/,
    ],
    [
      {
        console: { session: '/s' },
        connections: [{ id: 'v', label: 'V', dialect: 'veeam-v5', basePath: 'https://veeam.example/v5' }],
      },
      /connections\.0\.basePath: must be a path on this server/,
    ],
    [
      { console: { session: '/s', oidc: { label: 'SSO' } }, connections: [] },
      /console\.oidc\.start: is required/,
    ],
    [
      {
        console: { session: '/s' },
        connections: [{ id: 'v', label: 'V', dialect: 'veeam-v5', basePath: '/v', signIn: 'per-user' }],
      },
      /connections\.0\.signIn: must be "server" or "per-person"/,
    ],
  ])('a wrong console-mode config says where: %j', (raw, message) => {
    expect(() => parseRuntimeConfig(raw)).toThrow(message);
  });
});
