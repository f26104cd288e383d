import { QueryClient } from '@tanstack/react-query';
import { describe, expect, test } from 'vitest';
import { queryKeys } from './query-keys';
import { lookupIn } from './resource-queries';

describe("the adapters' lookup of a backup's source", () => {
  test('a source told again unchanged writes nothing (no cache event); a new or invalidated one is written', async () => {
    const client = new QueryClient();
    const { backupSource } = lookupIn(client, 'ord');
    const events: string[] = [];
    client.getQueryCache().subscribe((e) => events.push(e.type));
    const source = { configurationId: 'c1', agentId: 'a1' };

    backupSource.set('b1', source);
    expect(backupSource.get('b1')).toEqual(source);
    const written = events.length;
    expect(written).toBeGreaterThan(0);
    // Every poll of a feed tells it again.
    for (let i = 0; i < 10; i++) backupSource.set('b1', { ...source });
    expect(events).toHaveLength(written);

    // Invalidated: read afresh, then written again.
    await client.invalidateQueries({ queryKey: queryKeys.backupSources.connection('ord') });
    expect(backupSource.get('b1')).toBeUndefined();
    backupSource.set('b1', source);
    expect(backupSource.get('b1')).toEqual(source);
    backupSource.set('b1', { configurationId: 'c1', agentId: 'a2' });
    expect(backupSource.get('b1')).toEqual({ configurationId: 'c1', agentId: 'a2' });
  });
});
