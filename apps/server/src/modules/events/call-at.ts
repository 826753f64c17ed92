/** The longest delay setTimeout takes (about 24.8 days); longer waits go in steps. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** Calls `then` at `when` (at once when that has passed) unless cancelled first. */
export function callAt(when: Date, then: () => void): { cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    const wait = when.getTime() - Date.now();
    if (wait <= 0) {
      then();
      return;
    }
    timer = setTimeout(arm, Math.min(wait, MAX_TIMEOUT_MS));
    timer.unref();
  };
  arm();
  return {
    cancel: () => {
      clearTimeout(timer);
    },
  };
}
