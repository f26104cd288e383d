import { describe, expect, test } from 'vitest';
import { baseProvider } from './base-provider';
import type { Connection } from './domain';
import { lazyProvider } from './lazy-provider';
import type { AdapterProvider } from './provider';
import { veeamV5 } from './veeam-v5/plugin';

const connection: Connection = { id: 'veeam', label: 'Veeam', dialect: 'veeam-v5', baseUrl: '/v5' };
const { capabilities } = veeamV5;

describe('lazy provider', () => {
  test('capabilities are there before the adapter loads; the adapter loads once, on the first call', async () => {
    let loads = 0;
    const adapter: AdapterProvider = {
      ...baseProvider(connection, capabilities),
      startBackup: () => Promise.resolve({ runId: 'r1' }),
    };
    const provider = lazyProvider(connection, capabilities, () => {
      loads += 1;
      return Promise.resolve(adapter);
    });
    expect(provider.capabilities.targets).toBe('job');
    expect(loads).toBe(0);
    await expect(provider.startBackup('job-1')).resolves.toEqual({ runId: 'r1' });
    await expect(provider.listTargets()).resolves.toEqual([]);
    await expect(provider.wakeAgents()).rejects.toMatchObject({ kind: 'unsupported' });
    expect(loads).toBe(1);
  });

  test('a load that failed is tried again on the next call', async () => {
    let loads = 0;
    const provider = lazyProvider(connection, capabilities, () => {
      loads += 1;
      return loads === 1
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
        : Promise.resolve(baseProvider(connection, capabilities));
    });
    await expect(provider.listTargets()).rejects.toThrow(/dynamically imported/);
    await expect(provider.listTargets()).resolves.toEqual([]);
    expect(loads).toBe(2);
  });
});
