/**
 * The idle wait of a polling loop (scheduler, search relay, eligibility follower): `sleep(ms)`
 * resolves after ms, or at once when `wake()` is called (stop, or new work nudged in).
 */
export function createWakeableSleep() {
  let wake: (() => void) | undefined;
  return {
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      }),
    wake: () => wake?.(),
  };
}
