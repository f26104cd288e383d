/**
 * Requests a second among `times` (ms, ascending) in [from, to): the gaps between the first and the
 * last request of the window, over the time they span. Counting requests over the window's length
 * instead would read a poller that asks exactly once a second as 1.05 whenever 21 of its requests
 * fall within a window of 20.0x seconds. A single request in the window counts over the window.
 */
export function ratePerSecond(times: readonly number[], from: number, to: number): number {
  const inWindow = times.filter((t) => t >= from && t < to);
  if (inWindow.length < 2) return inWindow.length / ((to - from) / 1000);
  return (inWindow.length - 1) / ((inWindow.at(-1)! - inWindow[0]!) / 1000);
}
