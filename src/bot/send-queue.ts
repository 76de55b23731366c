// Paces messages the bot sends on its own initiative (a round's ballots to every judge) under
// Telegram's limits: about 30 messages a second overall and about 1 a second per chat.
//
// - Sends start at least 1000/perSecond ms apart (smooth pacing, so no one-second window ever
//   holds more than perSecond of them) and at least perChatIntervalMs apart per chat; a chat
//   that must wait does not hold up the others.
// - A 429 that still comes through (auto-retry already waits out retry_after per call) pauses
//   the whole queue for retry_after and the message is tried again, up to maxAttempts.
// - Any other failure (403: the judge blocked the bot) fails that message only: the caller
//   records it and the queue goes on with the next judge.
//
// One queue per process. With a shared budget (send-budget.ts) every send takes its slot from
// Telegram's limits in Redis instead (one global schedule at the exact interval, reserved a little
// ahead so that no replica loses time between slots; a slot woken for too late lapses), so replicas
// opening rounds at the same instant stay under the limits together, and a 429 pauses every
// replica; while Redis cannot be asked a replica paces itself at its share (rate / live replicas).
// This queue is the bulk lane: sends made inside it are marked (inBulkLane), so the interactive
// lane's messages, which never wait here, can be counted apart.
import { GrammyError } from "grammy";
import type { SharedBudget } from "./send-budget.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";

export type Clock = { now(): number; sleep(ms: number, signal: AbortSignal): Promise<void> };

export type SendQueueOptions = {
  /** Messages per second over all chats; Infinity disables global pacing. Default 28. */
  perSecond?: number;
  /** Minimum ms between two messages to one chat; 0 disables. Default 1000. */
  perChatIntervalMs?: number;
  /** Attempts of one message answered with 429 before it fails. Default 3. */
  maxAttempts?: number;
  /** Messages sent concurrently at most (their HTTP requests in flight). Default 50. */
  maxInFlight?: number;
  clock?: Clock;
  logger?: Logger;
  metrics?: Metrics;
  /** Telegram's budget shared by every replica (Redis); without it only this process paces. */
  budget?: SharedBudget;
};

export class SendQueueStoppedError extends Error {
  override name = "SendQueueStoppedError";
}

type Job = {
  chatId: number;
  send: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  attempts: number;
};

/** Jobs looked at to find one whose chat may receive now (bounds the cost of a busy chat). */
const SCAN_LIMIT = 200;
/**
 * How late a send may start after its reserved slot. The budget's 28/s against Telegram's 30 leaves
 * 30 × 1000/28 − 1000 ≈ 71 ms in which 31 sends may be crowded; a slot missed by more than this
 * lapses, leaving the rest of that margin to the network.
 */
const LATE_SLOT_MS = 20;

export const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        resolve();
      }
      signal.addEventListener("abort", done, { once: true });
    }),
};

const retryAfterMs = (error: unknown): number | undefined => {
  if (!(error instanceof GrammyError) || error.error_code !== 429) return undefined;
  return (error.parameters.retry_after ?? 1) * 1000;
};

export const createSendQueue = (options: SendQueueOptions = {}) => {
  const perSecond = options.perSecond ?? 28;
  // A hair over 1000/perSecond: perSecond + 1 consecutive sends then always span more than a second.
  const intervalMs = Number.isFinite(perSecond) && perSecond > 0 ? 1000 / perSecond + 0.01 : 0;
  const perChatMs = options.perChatIntervalMs ?? 1000;
  const maxAttempts = options.maxAttempts ?? 3;
  const maxInFlight = options.maxInFlight ?? 50;
  const clock = options.clock ?? realClock;
  const { logger, metrics, budget } = options;
  /** > 0 while a bulk send is being started (see run). */
  let bulkDepth = 0;
  /** Redis could not be asked for the budget: pace at this replica's share of the global rate. */
  let degraded = false;

  const queue: Job[] = [];
  const chatFreeAt = new Map<number, number>();
  let lastStart = Number.NEGATIVE_INFINITY;
  let pausedUntil = Number.NEGATIVE_INFINITY;
  let inFlight = 0;
  let pumping = false;
  let stopped = false;
  let wakeSlot: (() => void) | undefined;
  let idleWaiters: Array<() => void> = [];
  const abort = new AbortController();
  /** Wakes the pump's current sleep (a new message may go out before the one it waits for). */
  let nap: AbortController | undefined;
  const stats = { sent: 0, failed: 0, rateLimited: 0, lapsed: 0 };

  const gauge = () => metrics?.sendQueueLength.set(queue.length);

  const checkIdle = () => {
    if (queue.length > 0 || inFlight > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const wake of waiters) wake();
  };

  const forgetOldChats = (now: number) => {
    if (chatFreeAt.size < 10_000) return;
    for (const [chatId, at] of chatFreeAt) if (at <= now) chatFreeAt.delete(chatId);
  };

  const run = async (job: Job) => {
    inFlight += 1;
    job.attempts += 1;
    try {
      // The bulk lane is marked for the synchronous start of the send: grammY calls the outermost
      // API transformer (countInteractiveSends) synchronously from api.sendMessage(), so it sees
      // the mark, and nothing else runs in between. (An AsyncLocalStorage would do the same, but on
      // Node 20 it turns on promise hooks for the whole process: every promise of every tap paid.)
      bulkDepth += 1;
      let sending: Promise<unknown>;
      try {
        sending = job.send();
      } finally {
        bulkDepth -= 1;
      }
      const value = await sending;
      stats.sent += 1;
      job.resolve(value);
    } catch (error) {
      const wait = retryAfterMs(error);
      if (wait !== undefined && job.attempts < maxAttempts && !stopped) {
        stats.rateLimited += 1;
        pausedUntil = Math.max(pausedUntil, clock.now() + wait);
        void budget?.pause(wait);
        logger?.warn({ chatId: job.chatId, retryAfterMs: wait, attempt: job.attempts }, "send queue rate limited; pausing");
        queue.unshift(job);
        gauge();
      } else {
        stats.failed += 1;
        job.reject(error);
      }
    } finally {
      inFlight -= 1;
      wakeSlot?.();
      if (queue.length > 0) void pump();
      checkIdle();
    }
  };

  /**
   * Asks the shared budget for a send to `chatId`: the ms until its reserved slot (0: now), or
   * undefined (and the wait noted) when the send must wait.
   */
  const takeBudget = async (chatId: number): Promise<number | undefined> => {
    const answer = await budget!.take(chatId);
    degraded = answer === "unavailable";
    if (answer === "unavailable") return 0;
    if (answer.granted) return answer.delayMs;
    const until = clock.now() + answer.waitMs;
    if (answer.scope === "chat" || answer.scope === "group") chatFreeAt.set(chatId, Math.max(chatFreeAt.get(chatId) ?? 0, until));
    else pausedUntil = Math.max(pausedUntil, until);
    return undefined;
  };

  const pump = async () => {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0 && !stopped) {
        if (inFlight >= maxInFlight) {
          await new Promise<void>((resolve) => (wakeSlot = resolve));
          wakeSlot = undefined;
          continue;
        }
        const now = clock.now();
        // With the shared budget the global spacing is Redis' (a slot reserved per send); this
        // replica spaces its sends itself only without it, or at its share while Redis is away.
        const share = budget ? (degraded ? budget.replicas() : 0) : 1;
        const globalAt = Math.max(lastStart + intervalMs * share, pausedUntil);
        let pick = -1;
        let pickAt = Number.POSITIVE_INFINITY;
        for (let i = 0; i < queue.length && i < SCAN_LIMIT; i++) {
          const at = Math.max(globalAt, chatFreeAt.get(queue[i]!.chatId) ?? Number.NEGATIVE_INFINITY);
          if (at < pickAt) {
            pick = i;
            pickAt = at;
          }
          if (at <= now) break;
        }
        if (pickAt > now) {
          nap = new AbortController();
          const onStop = () => nap?.abort();
          abort.signal.addEventListener("abort", onStop, { once: true });
          await clock.sleep(pickAt - now, nap.signal);
          abort.signal.removeEventListener("abort", onStop);
          nap = undefined;
          continue;
        }
        let job = queue[pick]!;
        if (budget) {
          const delay = await takeBudget(job.chatId);
          if (delay === undefined) continue;
          // The slot is this job's: wait for it (only stop() cuts it short; the job is then failed).
          const slot = clock.now() + delay;
          if (delay > 0) await clock.sleep(delay, abort.signal);
          pick = queue.indexOf(job);
          if (stopped || pick < 0) continue;
          // Woken too late (a busy event loop): the slot lapses, since sending now would crowd the
          // sends of the slots after it (other replicas' among them) into less than their second.
          if (clock.now() - slot > LATE_SLOT_MS) {
            stats.lapsed += 1;
            metrics?.sendSlotsLapsed.inc();
            continue;
          }
        }
        [job] = queue.splice(pick, 1) as [Job];
        gauge();
        const started = clock.now();
        lastStart = started;
        if (perChatMs > 0) chatFreeAt.set(job.chatId, started + perChatMs);
        forgetOldChats(started);
        void run(job);
      }
    } finally {
      pumping = false;
    }
  };

  return {
    /** Sends when the limits allow; resolves with `send`'s result or rejects with its error. */
    enqueue<T>(chatId: number, send: () => Promise<T>): Promise<T> {
      if (stopped) return Promise.reject(new SendQueueStoppedError("send queue stopped"));
      return new Promise<T>((resolve, reject) => {
        queue.push({ chatId, send, resolve: resolve as (value: unknown) => void, reject, attempts: 0 });
        gauge();
        nap?.abort();
        void pump();
      });
    },
    /** True inside a send this queue makes (the bulk lane). */
    inBulkLane: (): boolean => bulkDepth > 0,
    /** Messages waiting plus messages being sent. */
    size: () => queue.length + inFlight,
    /** Resolves when nothing is waiting or being sent. */
    idle(): Promise<void> {
      if (queue.length === 0 && inFlight === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    /** Counts since the start: sent, failed, 429s that paused the queue, and budget slots that lapsed (woken too late). */
    stats: () => ({ ...stats }),
    /** Fails every waiting message (SendQueueStoppedError); messages being sent finish. */
    stop() {
      stopped = true;
      abort.abort();
      for (const job of queue.splice(0)) job.reject(new SendQueueStoppedError("send queue stopped"));
      gauge();
      checkIdle();
    },
  };
};
export type SendQueue = ReturnType<typeof createSendQueue>;

/** A queue that never waits (tests and the local benchmark's meeting phase). */
export const unpacedSendQueue = (metrics?: Metrics): SendQueue =>
  createSendQueue({ perSecond: Number.POSITIVE_INFINITY, perChatIntervalMs: 0, maxInFlight: 1000, ...(metrics ? { metrics } : {}) });
