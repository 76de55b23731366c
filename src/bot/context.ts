import type { Context } from "grammy";
import type { I18nFlavor } from "@grammyjs/i18n";

/**
 * updateClaim: set by the update dedupe (webhook mode) on a ballot press, whose ballot script
 * claims the update itself in the same step (one round trip); see dedupe.ts.
 */
export type BotContext = Context &
  I18nFlavor & {
    /**
     * dropped: to call when the script found the update claimed before (counted, logged, and
     * `droppedDuplicate` set, so that the update is not counted as handled).
     */
    updateClaim?: { updateId: number; ttlSeconds: number; dropped: () => void };
    /** Set by the update dedupe when this delivery was claimed before: nothing was done. */
    droppedDuplicate?: boolean;
  };
