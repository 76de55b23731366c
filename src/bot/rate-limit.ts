// How fast one user may press and send commands (@grammyjs/ratelimiter): past the limit the user is
// told once, politely, and further updates are ignored until the window ends. The group stays quiet.
import { limit } from "@grammyjs/ratelimiter";
import type { Logger } from "../logger.js";
import type { RateLimitStore } from "../store/rate-limits.js";
import type { BotContext } from "./context.js";
import type { Translate } from "./i18n.js";
import { BALLOT_PRESS } from "./features/ballot.js";

export type RateLimitSettings = {
  /** Updates one user may send per window. */
  updates: number;
  windowS: number;
};

type TranslateFor = (ctx: BotContext) => Translate;

const tellOnce = async (ctx: BotContext, translateFor: TranslateFor): Promise<void> => {
  try {
    const t = translateFor(ctx);
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: t("rate-limited"), show_alert: true });
    else if (ctx.chat?.type === "private") await ctx.reply(t("rate-limited"));
  } catch {
    // Telegram refused the notice; the updates are ignored all the same.
  }
};

const userOf = (ctx: BotContext): string | undefined => (ctx.from ? String(ctx.from.id) : undefined);

/**
 * Ballot presses, the hot path, counted in this process only so that a tap stays one Redis round
 * trip (each press is one atomic script call anyway; in polling mode there is one process).
 */
export const ballotPressLimit = (settings: RateLimitSettings, translateFor: TranslateFor) =>
  limit<BotContext, never>({
    timeFrame: settings.windowS * 1000,
    limit: settings.updates,
    keyGenerator: (ctx) => (ctx.callbackQuery?.data !== undefined && BALLOT_PRESS.test(ctx.callbackQuery.data) ? userOf(ctx) : undefined),
    onLimitExceeded: (ctx) => void tellOnce(ctx, translateFor),
  });

/**
 * Every other update, counted in Redis so that replicas share one limit per user. When Redis
 * cannot count, the update goes through (the handler reports its own storage error).
 */
export const sharedLimit = (settings: RateLimitSettings, store: RateLimitStore, logger: Logger, translateFor: TranslateFor) => {
  const windowMs = settings.windowS * 1000;
  const counter = {
    incr: (user: string) =>
      store.hit(user, windowMs).catch((error: unknown) => {
        logger.warn({ err: error }, "rate limit unavailable; update let through");
        return 1;
      }),
    // rate-hit.lua starts the window itself, atomically with the first hit.
    pexpire: async () => 1,
  };
  return limit<BotContext, typeof counter>({
    timeFrame: windowMs,
    limit: settings.updates,
    storageClient: counter,
    keyPrefix: "",
    keyGenerator: userOf,
    onLimitExceeded: (ctx) => void tellOnce(ctx, translateFor),
  });
};
