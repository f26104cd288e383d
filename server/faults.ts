import type { MiddlewareHandler } from 'hono';
import type { FaultConfig } from './config';
import type { ErrorAnswer } from './errors';

/** Marks a response whose connection the Node adapter should drop without answering. */
export const DROP_CONNECTION = 'x-fault-drop-connection';

/**
 * Fault injection for the API routes (not for the console's static files): latency, a share of 500/503
 * answers, and dropped connections. `random` is injectable so tests can decide the dice.
 */
export function faults(
  config: FaultConfig,
  answer: ErrorAnswer,
  random: () => number = Math.random,
): MiddlewareHandler {
  return async (c, next) => {
    if (config.latencyMs > 0) await new Promise((r) => setTimeout(r, config.latencyMs));
    const roll = random();
    if (roll < config.dropRate) {
      // Under @hono/node-server the raw socket is at hand: destroy it so the client sees a reset.
      const env = c.env as { incoming?: { socket?: { destroy(): void } } } | undefined;
      env?.incoming?.socket?.destroy();
      return c.body(null, 500, { [DROP_CONNECTION]: '1' });
    }
    if (roll < config.dropRate + config.errorRate) {
      const status = random() < 0.5 ? 500 : 503;
      return answer(c, status, `Injected fault (FAULTS): the service answered ${status} on purpose.`);
    }
    await next();
    return undefined;
  };
}
