import { afterEach, describe, expect, it, vi } from 'vitest';

/** A fresh copy of the module (its promise is made once per page). */
const load = async () => {
  vi.resetModules();
  return (await import('./after-first-paint')).afterFirstPaint;
};

describe('afterFirstPaint', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('resolves at once where there is no document', async () => {
    const afterFirstPaint = await load();
    await expect(afterFirstPaint()).resolves.toBeUndefined();
  });

  it('waits for the next frame and the task after it, then resolves at once for later calls', async () => {
    vi.useFakeTimers();
    const frames: (() => void)[] = [];
    vi.stubGlobal('document', { visibilityState: 'visible' });
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
    const afterFirstPaint = await load();
    let done = false;
    void afterFirstPaint().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(50);
    expect(done).toBe(false);
    frames.shift()!();
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
    let again = false;
    void afterFirstPaint().then(() => (again = true));
    await Promise.resolve();
    expect(again).toBe(true);
  });

  it('does not wait in a hidden tab, and never longer than its limit when no frame comes', async () => {
    vi.stubGlobal('document', { visibilityState: 'hidden' });
    vi.stubGlobal('requestAnimationFrame', () => 0);
    await expect((await load())()).resolves.toBeUndefined();

    vi.useFakeTimers();
    vi.stubGlobal('document', { visibilityState: 'visible' });
    const afterFirstPaint = await load();
    let done = false;
    void afterFirstPaint(100).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(99);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });
});
