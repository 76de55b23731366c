// Operational middleware and API hooks: update metrics, in-flight tracking (for a graceful
// shutdown), Bot API failure counts, and the count of submitted ballots.
import type { Middleware, Transformer } from "grammy";
import type { Update } from "grammy/types";
import type { Metrics } from "../metrics.js";
import type { Store } from "../store/store.js";
import type { BotContext } from "./context.js";

/** "message", "callback_query", ...: the one field of an update besides update_id. */
export const updateType = (update: Update): string => {
  // Most of a meeting's updates are button presses: named without enumerating the object's keys.
  if (update.callback_query) return "callback_query";
  for (const key in update) if (key !== "update_id") return key;
  return "unknown";
};

/**
 * The one middleware around every update: tracks it while it is handled (a shutdown waits for it)
 * and, with metrics, counts and times it by type; errors are counted and passed on to bot.catch.
 * One grammY layer, not two, and the in-flight gauge read when scraped instead of moved twice per
 * update: the two layers were about a tenth of a tap's CPU (npm run bench). An update dropped as a
 * repeated delivery (ctx.droppedDuplicate, dedupe.ts) is not counted as handled.
 */
export const createUpdateTracker = (metrics?: Metrics) => {
  let count = 0;
  let waiters: Array<() => void> = [];
  metrics?.readInFlight(() => count);
  const settle = () => {
    if (count > 0) return;
    const done = waiters;
    waiters = [];
    for (const wake of done) wake();
  };
  const middleware: Middleware<BotContext> = async (ctx, next) => {
    count += 1;
    const started = metrics ? performance.now() : 0;
    try {
      await next();
    } catch (error) {
      metrics?.updateErrors.inc({ type: updateType(ctx.update) });
      throw error;
    } finally {
      count -= 1;
      settle();
      if (metrics && !ctx.droppedDuplicate) {
        const type = updateType(ctx.update);
        metrics.updates.inc({ type });
        metrics.updateSeconds.observe({ type }, (performance.now() - started) / 1000);
      }
    }
  };
  /** Resolves true when no update is in flight, or false after `timeoutMs`. */
  const drain = (timeoutMs: number): Promise<boolean> => {
    if (count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiters = waiters.filter((w) => w !== wake);
        resolve(false);
      }, timeoutMs);
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      waiters.push(wake);
    });
  };
  return { middleware, drain, size: () => count };
};
export type UpdateTracker = ReturnType<typeof createUpdateTracker>;

/**
 * Counts every Bot API request and every failure by error_code. Install it *before* autoRetry
 * (transformers installed later wrap earlier ones) so each attempt of a retried call is seen,
 * including the 429s autoRetry waits out.
 */
export const apiMetrics = (metrics: Metrics): Transformer => async (prev, method, payload, signal) => {
  metrics.apiCalls.inc({ method });
  try {
    const result = await prev(method, payload, signal);
    if (!result.ok) metrics.apiErrors.inc({ method, error_code: String(result.error_code) });
    return result;
  } catch (error) {
    metrics.apiErrors.inc({ method, error_code: "network" });
    throw error;
  }
};

/** The store with ballot submits counted; everything else is the same object. */
export const countSubmittedBallots = (store: Store, metrics: Metrics): Store => {
  const submit: Store["ballots"]["submit"] = async (...args) => {
    const result = await store.ballots.submit(...args);
    if (result.code === "OK") metrics.ballotsSubmitted.inc();
    return result;
  };
  return { ...store, ballots: { ...store.ballots, submit } };
};
