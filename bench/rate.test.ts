import { describe, expect, it } from 'vitest';
import { ratePerSecond } from './rate';

describe('ratePerSecond', () => {
  const everySecond = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i * 1000);

  it('reads a poller that asks exactly once a second as 1, whatever its phase in the window', () => {
    // 21 requests fall within this window of 20.001 s: counting them over the window would say 1.05.
    expect(ratePerSecond(everySecond(1000, 30), 1000, 21_001)).toBe(1);
    expect(ratePerSecond(everySecond(1500, 30), 1000, 21_001)).toBe(1);
  });

  it('counts requests beside the poller’s', () => {
    const times = [...everySecond(1000, 21), 5_100, 5_200].sort((a, b) => a - b);
    expect(ratePerSecond(times, 1000, 21_001)).toBeCloseTo(22 / 20);
  });

  it('leaves out requests outside the window, and reads one or none over the window', () => {
    expect(ratePerSecond([0, 500, 25_000], 1000, 21_000)).toBe(0);
    expect(ratePerSecond([0, 3000, 25_000], 1000, 21_000)).toBe(0.05);
  });
});
