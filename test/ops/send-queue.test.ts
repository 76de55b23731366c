// The broadcast send queue, on a virtual clock: what it sends when, never how long it takes.
import { GrammyError } from "grammy";
import { describe, expect, it } from "vitest";
import { createSendQueue, SendQueueStoppedError, type Clock } from "../../src/bot/send-queue.js";
import type { SharedBudget } from "../../src/bot/send-budget.js";

/**
 * Virtual time: a sleep ends when the clock reaches it, and the clock jumps to the next sleep's
 * end only once everything else has run (setImmediate), so no real time passes.
 */
const virtualClock = (): Clock & { t: number } => {
  const timers = new Set<{ at: number; wake: () => void }>();
  let ticking = false;
  const tick = () => {
    ticking = false;
    if (timers.size === 0) return;
    const next = [...timers].reduce((a, b) => (b.at < a.at ? b : a));
    clock.t = Math.max(clock.t, next.at);
    timers.delete(next);
    next.wake();
    schedule();
  };
  const schedule = () => {
    if (ticking || timers.size === 0) return;
    ticking = true;
    setImmediate(tick);
  };
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: (ms: number, signal: AbortSignal) =>
      new Promise<void>((resolve) => {
        const timer = { at: clock.t + ms, wake: () => resolve() };
        signal.addEventListener("abort", () => {
          timers.delete(timer);
          resolve();
        });
        timers.add(timer);
        schedule();
      }),
  };
  return clock;
};

const apiError = (code: number, description: string, retryAfter?: number) =>
  new GrammyError(
    description,
    { ok: false, error_code: code, description, ...(retryAfter ? { parameters: { retry_after: retryAfter } } : {}) },
    "sendMessage",
    {},
  );

/** Sends recorded as [chatId, virtual time]. */
const recorder = (clock: Clock) => {
  const sends: Array<[number, number]> = [];
  const send = (chatId: number, fail?: () => unknown) => async () => {
    sends.push([chatId, clock.now()]);
    const error = fail?.();
    if (error) throw error;
    return chatId;
  };
  return { sends, send };
};

const maxInAnyWindow = (times: number[], windowMs: number): number => {
  let most = 0;
  for (const start of times) most = Math.max(most, times.filter((t) => t >= start && t < start + windowMs).length);
  return most;
};

describe("send queue", () => {
  it("keeps any one-second window under the per-second limit and delivers everything in order", async () => {
    const clock = virtualClock();
    const queue = createSendQueue({ perSecond: 28, clock });
    const { sends, send } = recorder(clock);
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => queue.enqueue(1000 + i, send(1000 + i))));
    expect(results).toEqual(Array.from({ length: 200 }, (_, i) => 1000 + i));
    expect(sends.map(([chat]) => chat)).toEqual(results);
    expect(maxInAnyWindow(sends.map(([, t]) => t), 1000)).toBeLessThanOrEqual(28);
    // Paced, not bursty: 200 messages take about 200/28 s of virtual time.
    expect(sends.at(-1)![1]).toBeGreaterThan(6_000);
    expect(sends.at(-1)![1]).toBeLessThan(7_500);
  });

  it("sends one chat at most once a second without holding up the other chats", async () => {
    const clock = virtualClock();
    const queue = createSendQueue({ perSecond: 1000, perChatIntervalMs: 1000, clock });
    const { sends, send } = recorder(clock);
    await Promise.all([
      queue.enqueue(1, send(1)),
      queue.enqueue(1, send(1)),
      queue.enqueue(1, send(1)),
      queue.enqueue(2, send(2)),
      queue.enqueue(3, send(3)),
    ]);
    const toOne = sends.filter(([chat]) => chat === 1).map(([, t]) => t);
    expect(toOne).toHaveLength(3);
    expect(toOne[1]! - toOne[0]!).toBeGreaterThanOrEqual(1000);
    expect(toOne[2]! - toOne[1]!).toBeGreaterThanOrEqual(1000);
    // Chats 2 and 3 went out while chat 1 waited for its second message.
    const others = sends.filter(([chat]) => chat !== 1).map(([, t]) => t);
    expect(Math.max(...others)).toBeLessThan(toOne[1]!);
  });

  it("pauses everything for retry_after when Telegram answers 429, then sends the message again", async () => {
    const clock = virtualClock();
    const queue = createSendQueue({ perSecond: 1000, perChatIntervalMs: 0, clock });
    const { sends, send } = recorder(clock);
    let refused = false;
    const limited = () => {
      if (refused) return undefined;
      refused = true;
      return apiError(429, "Too Many Requests: retry after 3", 3);
    };
    const results = await Promise.all([queue.enqueue(1, send(1, limited)), ...[2, 3, 4].map((c) => queue.enqueue(c, send(c)))]);
    expect(results).toEqual([1, 2, 3, 4]);
    const [first, ...rest] = sends;
    expect(first![0]).toBe(1);
    // The retried message and every later one waited out the 3 s.
    const afterPause = rest.filter(([, t]) => t >= first![1] + 3000).map(([chat]) => chat);
    expect(afterPause).toContain(1);
    expect(queue.stats().rateLimited).toBe(1);
  });

  it("fails a message Telegram keeps refusing with 429 after maxAttempts", async () => {
    const clock = virtualClock();
    const queue = createSendQueue({ perSecond: 1000, perChatIntervalMs: 0, maxAttempts: 3, clock });
    const { sends, send } = recorder(clock);
    await expect(queue.enqueue(1, send(1, () => apiError(429, "Too Many Requests", 1)))).rejects.toMatchObject({ error_code: 429 });
    expect(sends).toHaveLength(3);
  });

  it("goes on past a judge who blocked the bot (403): only that message fails", async () => {
    const clock = virtualClock();
    const queue = createSendQueue({ perSecond: 1000, clock });
    const { sends, send } = recorder(clock);
    const outcomes = await Promise.allSettled(
      [1, 2, 3].map((c) => queue.enqueue(c, send(c, c === 2 ? () => apiError(403, "Forbidden: bot was blocked by the user") : undefined))),
    );
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(sends.map(([chat]) => chat)).toEqual([1, 2, 3]);
    expect(queue.stats()).toMatchObject({ sent: 2, failed: 1 });
  });

  it("on stop fails the waiting messages and lets the queue go idle", async () => {
    const clock = virtualClock();
    const queue = createSendQueue({ perSecond: 1, clock });
    const { send } = recorder(clock);
    const first = queue.enqueue(1, send(1));
    const waiting = queue.enqueue(2, send(2));
    await first;
    queue.stop();
    await expect(waiting).rejects.toBeInstanceOf(SendQueueStoppedError);
    await expect(queue.enqueue(3, send(3))).rejects.toBeInstanceOf(SendQueueStoppedError);
    await queue.idle();
    expect(queue.size()).toBe(0);
  });

  it("sends at the slot the shared budget reserved, and lets a slot it woke too late for lapse", async () => {
    const clock = virtualClock();
    // The first sleep overruns by 30 ms, as a busy event loop would.
    let overrun = 30;
    const late: Clock = {
      now: clock.now,
      sleep: (ms, signal) => {
        const extra = overrun;
        overrun = 0;
        return clock.sleep(ms + extra, signal);
      },
    };
    const asked: number[] = [];
    // A budget (the shared one's interface) that grants every send a slot 40 ms after it is asked.
    const budget: SharedBudget = {
      take: async () => {
        asked.push(clock.now());
        return { granted: true, delayMs: 40 };
      },
      pause: async () => undefined,
      record: () => undefined,
      replicas: () => 1,
      degraded: () => false,
      stop: () => undefined,
    };
    const { sends, send } = recorder(clock);
    const queue = createSendQueue({ clock: late, budget });
    await Promise.all([queue.enqueue(1, send(1)), queue.enqueue(2, send(2))]);
    // Slot 40 was missed by 30 ms: it lapsed; asked again at 70, chat 1 went at its slot, 110.
    expect(asked.slice(0, 2)).toEqual([0, 70]);
    expect(sends).toEqual([
      [1, 110],
      [2, 150],
    ]);
    expect(queue.stats().lapsed).toBe(1);
  });
});

