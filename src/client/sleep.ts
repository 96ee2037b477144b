/**
 * Waits `ms` milliseconds; rejects with `signal.reason` as soon as the signal aborts (at once if it already has).
 *
 * @example
 * await sleep(500, controller.signal);
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal === undefined) {
      setTimeout(resolve, ms);
      return;
    }
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      // A cleared timer keeps neither the event loop nor a test runner waiting for a wait nobody wants.
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      // Long-lived signals (one per client) would otherwise collect a listener per sleep.
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
