import { describe, expect, it } from 'vitest';
import { Engine } from './engine';

/** The engine's step: real time since the last tick times the speed, never negative. */
describe('the engine', () => {
  it('moves simulated time by real time × speed, and not backwards when the clock steps back', () => {
    let now = 1_000_000;
    const steps: number[] = [];
    const engine = new Engine({ now: () => now }, 60, 250);
    engine.register({ name: 'probe', tick: ({ simulatedMs }) => steps.push(simulatedMs) });
    engine.step(); // the first tick has no previous one
    now += 500;
    engine.step();
    now -= 10_000; // the system clock is set back
    engine.step();
    now += 250;
    engine.step();
    expect(steps).toEqual([0, 30_000, 0, 15_000]);
  });

  it('keeps ticking the other tickers when one throws, and reports the error', () => {
    const errors: unknown[] = [];
    const engine = new Engine({ now: () => 0 }, 1, 250, (err) => errors.push(err));
    let ticked = 0;
    engine.register({
      name: 'broken',
      tick: () => {
        throw new Error('boom');
      },
    });
    engine.register({ name: 'fine', tick: () => ticked++ });
    engine.step(100);
    expect(ticked).toBe(1);
    expect(errors).toEqual([new Error('boom')]);
  });
});
