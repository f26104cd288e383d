import { describe, expect, it } from 'vitest';
import { longTasks, slowdownOf } from './trace-tasks';

const task = (ts: number, dur: number, name = 'RunTask', extra: object = {}) => ({
  name,
  ph: 'X',
  ts: ts * 1000,
  dur: dur * 1000,
  pid: 1,
  tid: 7,
  ...extra,
});

describe('the long tasks of a saved trace', () => {
  const events = [
    { name: 'thread_name', ph: 'M', ts: 0, pid: 1, tid: 7, args: { name: 'CrRendererMain' } },
    { name: 'thread_name', ph: 'M', ts: 0, pid: 2, tid: 3, args: { name: 'CrRendererMain' } },
    { name: 'firstContentfulPaint', ph: 'I', ts: 500_000, pid: 1, tid: 7 },
    task(100, 60),
    task(101, 40, 'ParseHTML', { args: { data: { url: 'http://127.0.0.1:1/sign-in' } } }),
    task(120, 30, 'RunTask'), // nested in the task before: not a task of its own
    task(300, 10), // too short
    task(600, 20),
    task(601, 12, 'TimerFire'),
    task(700, 90, 'RunTask', { pid: 2, tid: 3 }), // another renderer
  ];

  it('lists each top-level task of 12.5 ms or more of the painting page, from its first paint', () => {
    expect(longTasks(events)).toEqual([
      { atMs: -400, durationMs: 60, estimatedBlockingMs: 190, top: [['ParseHTML /sign-in', 40]] },
      { atMs: 100, durationMs: 20, estimatedBlockingMs: 30, top: [['TimerFire', 12]] },
    ]);
  });

  it('counts a task as the estimate would on a CPU as slow as its report says', () => {
    // Not slowed (the desktop preset, or a trace already slowed by DevTools throttling): only the
    // 60 ms task blocks, by 10 ms.
    expect(longTasks(events, 1)).toEqual([
      { atMs: -400, durationMs: 60, estimatedBlockingMs: 10, top: [['ParseHTML /sign-in', 40]] },
    ]);
    // Six times slower: the 10 ms task blocks too (10 × 6 − 50).
    expect(longTasks(events, 6).map((t) => t.estimatedBlockingMs)).toEqual([310, 10, 70]);
  });

  it('reads the slowdown from the saved report', () => {
    const simulated = (cpuSlowdownMultiplier?: number) => ({
      configSettings: { throttlingMethod: 'simulate', throttling: { cpuSlowdownMultiplier } },
    });
    expect(slowdownOf(simulated(4))).toBe(4);
    expect(slowdownOf(simulated(1))).toBe(1);
    expect(slowdownOf({ configSettings: { throttlingMethod: 'devtools' } })).toBe(1);
    expect(slowdownOf(undefined)).toBe(4);
  });

  it('says so when the trace has no paint to count from', () => {
    expect(() => longTasks(events.filter((e) => e.name !== 'firstContentfulPaint'))).toThrow(/paint/);
  });
});
