let firstPaint: Promise<void> | null = null;

/**
 * Resolves once the page has had the chance to paint for the first time: after the next animation
 * frame and the task that follows it. Work that the first paint does not need (the adapters and their
 * wire schemas, which take a phone's main thread for a while as they load) waits for it, so that the
 * page's frame shows before it; later calls resolve at once. Where nothing paints (a hidden tab, a test
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
