// Group messages that change often (live counter, join count) are edited at most once per
// interval. The pause lives in Redis so replicas share it; a trailing edit shows the last state.
import type { Logger } from "../logger.js";

export type ThrottledEditor = {
  /** Runs `edit` now if the pause allows, else once when it ends (one pending edit per key). */
  request(key: string, claim: () => Promise<boolean>, edit: () => Promise<void>): Promise<void>;
  /** Cancels pending trailing edits (on shutdown). */
  stop(): void;
};

export const createThrottledEditor = (intervalMs: number, logger: Logger): ThrottledEditor => {
  const pending = new Map<string, NodeJS.Timeout>();
  const runSafely = async (key: string, edit: () => Promise<void>) => {
    try {
      await edit();
    } catch (error) {
      logger.warn({ err: error, key }, "throttled edit failed");
    }
  };
  return {
    async request(key, claim, edit) {
      if (await claim()) return runSafely(key, edit);
      if (pending.has(key)) return;
      const timer = setTimeout(() => {
        pending.delete(key);
        void runSafely(key, edit);
      }, intervalMs);
      timer.unref();
      pending.set(key, timer);
    },
    stop() {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
};
