let firstPaint: Promise<void> | null = null;

/**
 * Resolves once the page has had the chance to paint for the first time: after the next animation
 * frame and the task that follows it, counted from the first call; later calls resolve at once. The
 * first call is src/main.tsx's, as the entry runs, so this is the browser's first frame (often the
 * empty page), not React's first render. Work that frame does not need (the date formatters, the
 * adapters and their wire schemas) waits for it, so it runs in tasks of its own. Where nothing paints (a hidden tab, a test
 * without a document) it resolves at once too, and it never waits longer than `maxWaitMs`.
 */
export function afterFirstPaint(maxWaitMs = 100): Promise<void> {
  firstPaint ??= new Promise<void>((resolve) => {
    if (
      typeof document === 'undefined' ||
      typeof requestAnimationFrame !== 'function' ||
      document.visibilityState === 'hidden'
    ) {
      resolve();
      return;
    }
    const timer = setTimeout(resolve, maxWaitMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
  return firstPaint;
}
