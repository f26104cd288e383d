import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { startMain } from './process-test-support';

const dir = mkdtempSync(join(tmpdir(), 'console-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a connections config naming a dialect no plug-in is registered for stops the start, with its reason', async () => {
  const connections = [{ id: 'pbs', label: 'Proxmox', dialect: 'proxmox-v1', baseUrl: 'https://pbs.test' }];
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ connections }));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
  await expect(startMain(['--data-dir', ':memory:', '--serve-console', dir])).rejects.toThrow(
    /exited \(2\).*Cannot start: .*config\.json is not a valid connections config\. connections\.0: dialect must be "rackspace-v1", "rackspace-v2" or "veeam-v5" \("proxmox-v1" is not a known dialect\)/s,
  );
}, 30_000);
