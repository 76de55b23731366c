// Telegram's sending budget shared by every replica: ~30 messages a second in all, ~1 a second per
// chat, ~20 a minute per group. Each send takes its share in one Lua step (send-budget.lua).
import type { RedisClient } from "./scripts.js";
import { budgetKeys } from "./keys.js";

export type BudgetScope = "global" | "chat" | "group" | "pause";
/**
 * Granted: the send is counted at now + `delayMs` (its slot on the global schedule, reserved ahead)
 * and goes then. Refused: nothing is counted; ask again after `waitMs`.
 */
export type BudgetAnswer = { granted: true; delayMs: number } | { granted: false; waitMs: number; scope: BudgetScope };

export type BudgetRates = {
  /** Messages a second over all chats. */
  perSecond: number;
  /** Minimum ms between two messages to one chat. */
  perChatIntervalMs: number;
  /** Messages a minute in one group. */
  perGroupPerMinute: number;
};

const SCOPES: readonly BudgetScope[] = ["global", "chat", "group", "pause"];

/** How far ahead a bulk send may reserve its slot on the global schedule (ms). */
export const SLOT_HORIZON_MS = 500;

export const createSendBudgetStore = (redis: RedisClient, prefix: string) => {
  const keys = budgetKeys(prefix);

  const call = async (chatId: number, rates: BudgetRates, mode: "take" | "record"): Promise<BudgetAnswer> => {
    const group = chatId < 0;
    const reply = await redis.sendBudget(
      keys.global,
      keys.chat(chatId),
      group ? keys.group(chatId) : keys.chat(chatId),
      keys.pause,
      // Exact intervals (fractional ms, no rounding up): 28/s is 35.714… ms, not 36.
      1000 / rates.perSecond,
      rates.perChatIntervalMs,
      group ? 60_000 / rates.perGroupPerMinute : 0,
      mode,
      SLOT_HORIZON_MS,
    );
    const ms = Math.max(0, Number(reply[0]));
    if (reply[1] === "") return { granted: true, delayMs: ms };
    const scope = SCOPES.find((s) => s === reply[1]) ?? "global";
    return { granted: false, waitMs: ms, scope };
  };

  return {
    /**
     * Takes one send to `chatId` from the budget (reserving its slot, at most SLOT_HORIZON_MS ahead),
     * or says how long to wait and which limit holds it.
     */
    take: (chatId: number, rates: BudgetRates) => call(chatId, rates, "take"),
    /** Counts a send already made outside the queue (an interactive reply), so bulk sends leave room. */
    record: async (chatId: number, rates: BudgetRates): Promise<void> => {
      await call(chatId, rates, "record");
    },
    /** A 429 said "wait `ms`": every replica waits that long. */
    pause: async (ms: number): Promise<void> => {
      await redis.sendPause(keys.pause, Math.ceil(ms));
    },
    /** This replica is alive; returns how many replicas were seen within `ttlMs`. */
    heartbeat: async (replicaId: string, ttlMs: number): Promise<number> =>
      Number(await redis.replicaHeartbeat(keys.replicas, replicaId, ttlMs)),
  };
};
export type SendBudgetStore = ReturnType<typeof createSendBudgetStore>;
