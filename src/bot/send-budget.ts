// The two lanes' shared Telegram budget, as the send queue and the API see it:
// - bulk sends (ballot broadcasts, reminders, invitations) take their share before going out and
//   wait when the budget, shared by every replica through Redis, says so;
// - interactive calls (answers, the edit of a pressed message, replies) never wait: the messages
//   among them are only counted, so bulk sends leave room for them.
// When Redis cannot answer (an error, or no answer within a second), a replica paces itself at its
// share of the global rate: the rate divided by the live replicas it last knew of (heartbeats in
// Redis), until a heartbeat, tried once a second meanwhile, gets through again.
import { randomBytes } from "node:crypto";
import type { Transformer } from "grammy";
import type { Logger } from "../logger.js";
import type { BudgetAnswer, BudgetRates, SendBudgetStore } from "../store/send-budget.js";

export type SharedBudget = {
  /**
   * Takes one bulk send to `chatId` (granted with the delay until its reserved slot, or refused with
   * a wait); "unavailable" when Redis could not be asked (or did not answer in time).
   */
  take(chatId: number): Promise<BudgetAnswer | "unavailable">;
  /** A 429 asked to wait `ms`: every replica waits (resolves once Redis has it; never rejects). */
  pause(ms: number): Promise<void>;
  /** Counts an interactive message to `chatId` (never waits). */
  record(chatId: number): void;
  /** Live replicas last seen (1 when unknown). */
  replicas(): number;
  /** True while Redis cannot be asked: the bulk lane paces at this replica's share. */
  degraded(): boolean;
  stop(): void;
};

const HEARTBEAT_MS = 2000;
/** A take Redis has not answered within this is treated as Redis unreachable ("slow or down"). */
const TAKE_TIMEOUT_MS = 1000;
/** While Redis is unreachable it is asked (a heartbeat, in the background) this often. */
const RETRY_MS = 1000;

export const createSharedBudget = (options: {
  store: SendBudgetStore;
  rates: BudgetRates;
  logger: Logger;
  heartbeatMs?: number;
  takeTimeoutMs?: number;
  retryMs?: number;
  /** Told when the budget becomes unavailable (true) or available again (false). */
  onDegraded?: (degraded: boolean) => void;
  /** Told the live replica count after each heartbeat. */
  onReplicas?: (replicas: number) => void;
}): SharedBudget => {
  const { store, rates, logger } = options;
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const takeTimeoutMs = options.takeTimeoutMs ?? TAKE_TIMEOUT_MS;
  const retryMs = options.retryMs ?? RETRY_MS;
  const replicaId = randomBytes(6).toString("hex");
  let replicas = 1;
  /** While Redis cannot be asked: the timer that asks it again (a heartbeat) in the background. */
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;

  /** Rejects after `ms` (a slow Redis counts as unreachable; the call may still land: it only wastes a slot). */
  const within = <T>(promise: Promise<T>, ms: number): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`send budget: no answer from Redis in ${ms} ms`)), ms);
      timer.unref();
      promise.then(resolve, reject).finally(() => clearTimeout(timer));
    });

  const recovered = () => {
    if (retry === undefined) return;
    clearInterval(retry);
    retry = undefined;
    logger.info({ replicas }, "send budget available again; sharing it through Redis");
    options.onDegraded?.(false);
  };
  const beat = async () => {
    try {
      replicas = Math.max(1, await within(store.heartbeat(replicaId, heartbeatMs * 3), takeTimeoutMs));
      options.onReplicas?.(replicas);
      recovered();
    } catch {
      // Keep the last known count: it is what the fallback divides the rate by.
    }
  };
  const degrade = (error: unknown) => {
    if (retry !== undefined || stopped) return;
    logger.warn({ err: error, replicas }, "send budget unavailable; pacing at this replica's share");
    options.onDegraded?.(true);
    retry = setInterval(() => void beat(), retryMs);
    retry.unref();
  };
  void beat();
  const timer = setInterval(() => void beat(), heartbeatMs);
  timer.unref();

  return {
    take: async (chatId) => {
      // Redis is not asked again for each send while it is away (that could hold every send for
      // the timeout): the background heartbeat finds out when it is back.
      if (retry !== undefined) return "unavailable";
      try {
        return await within(store.take(chatId, rates), takeTimeoutMs);
      } catch (error) {
        degrade(error);
        return "unavailable";
      }
    },
    pause: (ms) => store.pause(ms).catch(() => undefined),
    record: (chatId) => void store.record(chatId, rates).catch(() => undefined),
    replicas: () => replicas,
    degraded: () => retry !== undefined,
    stop: () => {
      stopped = true;
      clearInterval(timer);
      if (retry !== undefined) clearInterval(retry);
    },
  };
};

/** Methods whose calls are messages in Telegram's budget. */
const MESSAGE_METHODS = new Set([
  "sendMessage", "sendDocument", "sendPhoto", "sendMediaGroup", "sendAudio", "sendVideo", "sendAnimation",
  "sendVoice", "sendSticker", "sendPoll", "copyMessage", "forwardMessage",
]);
const EDIT_METHODS = new Set(["editMessageText", "editMessageReplyMarkup", "editMessageCaption", "editMessageMedia"]);

/**
 * Counts the interactive lane's messages in the shared budget, without delaying them: every message
 * not sent by the bulk queue, and edits in groups (a group's ~20 a minute counts them; a private
 * message may be edited freely).
 */
export const countInteractiveSends =
  (budget: SharedBudget, inBulkLane: () => boolean): Transformer =>
  (prev, method, payload, signal) => {
    const chatId = Number((payload as { chat_id?: unknown }).chat_id);
    if (!inBulkLane() && Number.isFinite(chatId)) {
      if (MESSAGE_METHODS.has(method) || (EDIT_METHODS.has(method) && chatId < 0)) budget.record(chatId);
    }
    return prev(method, payload, signal);
  };

/**
 * A 429 (auto-retry waits it out for that call) makes every replica's bulk lane wait for its
 * retry_after too, unless the call went to a group: a group's own ~20 a minute answers with the wait
 * until its minute frees up, which is that group's matter (the bulk lane sends to private chats).
 * A bulk send's 429 pauses the queue as well (send-queue.ts); the pause only ever grows.
 * Installed before auto-retry, to see each attempt.
 */
export const pauseOnRateLimit =
  (budget: SharedBudget): Transformer =>
  async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (!result.ok && result.error_code === 429 && !(Number((payload as { chat_id?: unknown }).chat_id) < 0)) {
      void budget.pause((result.parameters?.retry_after ?? 1) * 1000);
    }
    return result;
  };
