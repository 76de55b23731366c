// Each update is handled once, even when Telegram delivers it again (a webhook retry after a
// timeout) or two replicas receive it: the first to claim its update_id in Redis handles it.
// A ballot press (most updates of a meeting) is claimed by its own ballot script, in the contest's
// slot and in the same step as the tap or submit, so that it stays one Redis round trip.
import type { Middleware } from "grammy";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";
import type { BotContext } from "./context.js";

/** How long an update_id stays claimed. Telegram re-delivers a webhook update within minutes. */
export const DEDUPE_TTL_SECONDS = 3600;

export type DedupeOptions = {
  /** True for the first claim of this update id (store.updates.claim). */
  claim: (updateId: number) => Promise<boolean>;
  /**
   * Updates whose handler's one script call claims the update itself, in the same step (ballot
   * presses: ballot-state.lua, submit-ballot.lua), so that they cost one round trip: given the
   * claim (ctx.updateClaim) instead of being claimed here. Default: none.
   */
  claimedInScript?: { test: (ctx: BotContext) => boolean; ttlSeconds: number };
  logger: Logger;
  metrics?: Metrics;
};

/**
 * Drops updates already claimed. When Redis cannot answer the update is handled anyway
 * (fail open): the handler then tells the user that the step was not recorded, which is
 * better than silence, and a duplicate is harmless next to an outage.
 */
export const dedupeUpdates =
  ({ claim, logger, metrics, claimedInScript }: DedupeOptions): Middleware<BotContext> =>
  async (ctx, next) => {
    const updateId = ctx.update.update_id;
    const dropped = () => {
      ctx.droppedDuplicate = true;
      metrics?.duplicateUpdates.inc();
      logger.debug({ update_id: updateId }, "duplicate update dropped");
    };
    if (claimedInScript?.test(ctx)) {
      ctx.updateClaim = { updateId, ttlSeconds: claimedInScript.ttlSeconds, dropped };
      return next();
    }
    let first = true;
    try {
      first = await claim(updateId);
    } catch (error) {
      logger.warn({ err: error, update_id: updateId }, "update dedupe unavailable; handling anyway");
    }
    if (!first) return dropped();
    await next();
  };
