import { describe, expect, test, vi } from 'vitest';

describe('ready mark', () => {
  test('whenReady resolves at the first markReady, which sets the mark once', async () => {
    // A module of its own: other test files in this worker may have rendered the app (and marked).
    vi.resetModules();
    const { markReady, READY_MARK, whenReady } = await import('./ready-mark');
    performance.clearMarks(READY_MARK);
    let resolved = false;
    void whenReady().then(() => (resolved = true));
    await new Promise((r) => setTimeout(r, 0));
    expect(resolved).toBe(false);
    markReady();
    await whenReady();
    expect(resolved).toBe(true);
    markReady();
    expect(performance.getEntriesByName(READY_MARK)).toHaveLength(1);
  });
});
