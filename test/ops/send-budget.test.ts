// Telegram's sending budget shared by replicas through Redis, and the two lanes: bulk sends
// (broadcasts) take their share and wait; interactive replies never wait behind them.
import { Bot } from "grammy";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createSendQueue, type SendQueue } from "../../src/bot/send-queue.js";
import { createSharedBudget, type SharedBudget } from "../../src/bot/send-budget.js";
import { createStore } from "../../src/store/store.js";
import type { BudgetRates } from "../../src/store/send-budget.js";
import { apiError, modelFetch, TelegramModel, type TestUser } from "../support/bot-api-server.js";
import { createHarness, GROUP } from "../bot/harness.js";
import { ballotMessage, chair, judgesFrom, setUpContest } from "../faults/meeting.js";
import { testRedis, type TestRedis } from "../support/redis.js";

const logger = pino({ level: "silent" });
const RATES: BudgetRates = { perSecond: 28, perChatIntervalMs: 1000, perGroupPerMinute: 20 };

describe("the shared send budget (real Redis)", () => {
  const redises: TestRedis[] = [];
  const stoppers: Array<() => void> = [];
  afterEach(async () => {
    for (const stop of stoppers.splice(0)) stop();
    await Promise.all(redises.splice(0).map((r) => r.cleanup()));
  });

  /** One "replica": its own Redis connection and budget, on a shared prefix. */
  const replica = (prefix: string, rates = RATES): { budget: SharedBudget; redis: TestRedis } => {
    const redis = testRedis();
    redises.push(redis);
    const budget = createSharedBudget({ store: createStore(redis.redis, prefix).sendBudget, rates, logger });
    stoppers.push(budget.stop);
    return { budget, redis };
  };

  it("spaces sends to one chat a second apart and a group's 20 a minute, across replicas", async () => {
    const prefix = testRedis().prefix;
    const [a, b] = [replica(prefix), replica(prefix)];
    expect(await a.budget.take(501)).toMatchObject({ granted: true });
    expect(await b.budget.take(501)).toMatchObject({ granted: false, scope: "chat" });
    // Another chat gets the next slot on the global schedule, reserved ahead: at most 1000/28 ms away.
    const next = await b.budget.take(502);
    expect(next).toMatchObject({ granted: true });
    expect(next !== "unavailable" && next.granted && next.delayMs).toBeLessThanOrEqual(1000 / 28);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await b.budget.take(502)).toMatchObject({ granted: false, scope: "chat" });
    expect(await a.budget.take(-900)).toMatchObject({ granted: true });
    await new Promise((resolve) => setTimeout(resolve, 1010));
    // Another message in that group must wait for the group's 3 s spacing (60 s / 20).
    const group = await b.budget.take(-900);
    expect(group).toMatchObject({ granted: false, scope: "group" });
    expect(group !== "unavailable" && !group.granted && group.waitMs).toBeGreaterThan(1800);
  });

  it("reserves slots at the exact interval (1000/28 ms, not rounded up) and no further ahead than its horizon", async () => {
    const prefix = testRedis().prefix;
    const { budget, redis } = replica(prefix);
    const globalKey = `${prefix}:{budget}:global`;
    // The schedule's next slot is put 200 ms ahead, so every take below is early for its slot,
    // however slow the machine: the slots follow one another exactly.
    const [seconds, micros] = (await redis.redis.time()).map(Number) as [number, number];
    const first = seconds * 1000 + micros / 1000 + 200;
    await redis.redis.set(globalKey, String(first), "PX", 5000);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => budget.take(600 + i)));
    expect(answers.every((answer) => answer !== "unavailable" && answer.granted)).toBe(true);
    // 8 slots from `first`, 1000/28 ms apart: the next free slot is 8 × 35.714… ms later (36 would give 288).
    expect(Number(await redis.redis.get(globalKey)) - first).toBeCloseTo((8 * 1000) / 28, 2);
    // A slot more than the 500 ms horizon ahead is not reserved: refused, with the wait until it is within.
    const [s2, us2] = (await redis.redis.time()).map(Number) as [number, number];
    await redis.redis.set(globalKey, String(s2 * 1000 + us2 / 1000 + 900), "PX", 5000);
    const later = await budget.take(700);
    expect(later).toMatchObject({ granted: false, scope: "global" });
    expect(later !== "unavailable" && !later.granted && later.waitMs).toBeLessThanOrEqual(400);
  });

  it("makes every replica wait out a 429 that one replica met", async () => {
    const prefix = testRedis().prefix;
    const [a, b] = [replica(prefix), replica(prefix)];
    await a.budget.pause(2000);
    const answer = await b.budget.take(777);
    expect(answer).toMatchObject({ granted: false, scope: "pause" });
    expect(answer !== "unavailable" && !answer.granted && answer.waitMs).toBeGreaterThan(1500);
  });

  it("counts the replicas it hears from (the fallback divides the rate by them)", async () => {
    const prefix = testRedis().prefix;
    const replicas = [replica(prefix), replica(prefix), replica(prefix)];
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Each heard the ones that beat before it; a later beat hears all three.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(replicas.map((r) => r.budget.replicas())).toEqual([3, 3, 3]);
  });

  it("holds the global and per-chat rates for two replicas broadcasting at once (simulated Bot API)", async () => {
    const prefix = testRedis().prefix;
    const model = new TelegramModel({ rateLimit: { global: 30, perChat: 1, windowMs: 1000, retryAfter: 1 } });
    const api = new Bot(model.token, { botInfo: model.botInfo, client: { fetch: modelFetch(model) } }).api;
    // The budget is 24/s against Telegram's 30: the margin absorbs the delays of a busy machine
    // between Redis granting a send and the request reaching the API. Each queue alone would send 28/s.
    const shared = { ...RATES, perSecond: 24, perChatIntervalMs: 1200 };
    const queues: SendQueue[] = [replica(prefix, shared), replica(prefix, shared)].map(({ budget }) => createSendQueue({ perSecond: 28, logger, budget }));
    stoppers.push(...queues.map((q) => q.stop));
    const PER_REPLICA = 56;
    const chats = [0, 1].flatMap((r) => Array.from({ length: PER_REPLICA }, (_, i) => (i < 4 ? 10_000 + i : 20_000 + r * 1000 + i)));
    for (const id of new Set(chats)) model.startUser({ id, first_name: `评委${id}` });
    const started = performance.now();
    // Each replica broadcasts to its own judges, plus a few chats both write to.
    await Promise.all(
      queues.flatMap((queue, r) =>
        Array.from({ length: PER_REPLICA }, (_, i) => {
          const chatId = i < 4 ? 10_000 + i : 20_000 + r * 1000 + i;
          return queue.enqueue(chatId, () => api.sendMessage(chatId, `ballot ${r}-${i}`));
        }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const sent = model.calls.filter((c) => c.method === "sendMessage" && c.response?.ok);
    expect(sent).toHaveLength(2 * PER_REPLICA);
    expect(model.rateLimited).toBe(0);
    // Together, never more than 30 in any second: 112 messages take at least ~3.5 s at 24/s.
    expect(seconds).toBeGreaterThan((2 * PER_REPLICA - 24) / 24);
    const times = sent.map((c) => c.at).sort((x, y) => x - y);
    for (let i = 30; i < times.length; i++) expect(times[i]! - times[i - 30]!).toBeGreaterThanOrEqual(1000);
    // The chats both replicas wrote to got one message a second at most.
    for (let c = 0; c < 4; c++) {
      const at = sent.filter((x) => Number(x.params.chat_id) === 10_000 + c).map((x) => x.at).sort((x, y) => x - y);
      expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(1000);
    }
    console.info(`[ops] two replicas sharing the budget: ${sent.length} messages in ${seconds.toFixed(2)} s (${(sent.length / seconds).toFixed(1)}/s together), 429s ${model.rateLimited}`);
  });

  it("meets 429s without the shared budget (the control: the same two broadcasts, each paced alone)", async () => {
    const model = new TelegramModel({ rateLimit: { global: 30, perChat: 1, windowMs: 1000, retryAfter: 1 } });
    const api = new Bot(model.token, { botInfo: model.botInfo, client: { fetch: modelFetch(model) } }).api;
    const queues = [0, 1].map(() => createSendQueue({ perSecond: 28, logger }));
    stoppers.push(...queues.map((q) => q.stop));
    for (let id = 1; id <= 80; id++) model.startUser({ id, first_name: `评委${id}` });
    await Promise.all(queues.flatMap((queue, r) => Array.from({ length: 40 }, (_, i) => queue.enqueue(r * 40 + i + 1, () => api.sendMessage(r * 40 + i + 1, "ballot")))));
    expect(model.rateLimited).toBeGreaterThan(0);
  });

  it("falls back to this replica's share of the rate when Redis is unreachable", async () => {
    const prefix = testRedis().prefix;
    // Three replicas were heard from; then this one loses Redis.
    const heard = [replica(prefix), replica(prefix), replica(prefix)];
    await new Promise((resolve) => setTimeout(resolve, 2200));
    const lost = heard[0]!;
    expect(lost.budget.replicas()).toBe(3);
    lost.redis.redis.disconnect();
    expect(await lost.budget.take(1)).toBe("unavailable");
    const sends: number[] = [];
    const queue = createSendQueue({ perSecond: 27, logger, budget: lost.budget });
    stoppers.push(queue.stop);
    const started = performance.now();
    await Promise.all(Array.from({ length: 19 }, (_, i) => queue.enqueue(i + 1, async () => void sends.push(performance.now() - started))));
    // 27/s shared by 3 replicas: 9/s here, so 19 sends span at least 2 s (18 gaps of 111 ms).
    expect(sends.at(-1)!).toBeGreaterThan(1900);
  });
});

describe("two lanes", () => {
  it("answers a judge's tap at once while a 150-judge broadcast is still going out", async () => {
    const h = await createHarness({ bot: { sendIntervalMs: 28 }, apiVia: "fetch" });
    try {
      const judges = judgesFrom(3001, 150);
      await setUpContest(h, judges);
      h.model.setRateLimit({ global: 30, perChat: 1, windowMs: 1000, retryAfter: 1, perGroupPerMinute: 20, privateEditsFree: true });
      const open = h.bot.handleUpdate(h.model.send(chair, GROUP, "/open"));
      h.model.takeUpdates(); // handled here, not again by the harness' next delivery
      const first = judges[0]!;
      await h.model.waitFor((m) => m.lastMessage(first.id)?.text?.includes("评分项 1/4"), 10_000, "the first judge's ballot");
      await new Promise((resolve) => setTimeout(resolve, 300));
      const waiting = h.sendQueue.size();
      const started = performance.now();
      await h.tap(first, first.id, ballotMessage(h, first), "25");
      const tapMs = performance.now() - started;
      // The broadcast was still going out, and the tap did not wait for it.
      expect(waiting).toBeGreaterThan(100);
      expect(h.sendQueue.size()).toBeGreaterThan(90);
      expect(tapMs).toBeLessThan(250);
      expect(h.model.lastMessage(first.id)?.text).toContain("评分项 2/4");
      await open;
      expect(h.model.rateLimited).toBe(0);
      console.info(`[ops] a tap during a 150-judge broadcast (${waiting} still queued): answered in ${tapMs.toFixed(1)} ms`);
    } finally {
      await h.close();
    }
  });

  it("makes every replica's bulk lane wait out a 429 that an interactive reply met (not a group's own)", async () => {
    const h = await createHarness({ bot: { sendIntervalMs: 28 }, apiVia: "fetch" });
    try {
      const [judge] = judgesFrom(3601, 1) as [TestUser];
      await setUpContest(h, [judge]);
      const pause = `${h.redis.prefix}:{budget}:pause`;
      const limited = () => h.model.calls.filter((call) => call.method === "sendMessage" && call.response?.ok === false && call.response.error_code === 429);
      // A group's reply meets a 429 (a group's minute is that group's matter): no pause for the others.
      h.model.failNext("sendMessage", apiError(429, "Too Many Requests: retry after 1", { retry_after: 1 }));
      await h.say(chair, GROUP, "/settings");
      expect(limited()).toHaveLength(1);
      expect(await h.redis.redis.exists(pause)).toBe(0);
      // A reply in private meets one; auto-retry sends it again 2 s later.
      h.model.failNext("sendMessage", apiError(429, "Too Many Requests: retry after 2", { retry_after: 2 }));
      const replying = h.say(judge, judge.id, "/help");
      // Meanwhile the pause is in Redis, where every replica's bulk lane reads it.
      const other = createSharedBudget({ store: createStore(h.redis.redis, h.redis.prefix).sendBudget, rates: RATES, logger });
      try {
        for (let i = 0; (await h.redis.redis.exists(pause)) === 0; i++) {
          if (i > 150) throw new Error("no pause in Redis");
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        const answer = await other.take(4242);
        expect(answer).toMatchObject({ granted: false, scope: "pause" });
        expect(answer !== "unavailable" && !answer.granted && answer.waitMs).toBeGreaterThan(500);
      } finally {
        other.stop();
      }
      await replying;
      expect(limited()).toHaveLength(2);
      expect(h.model.lastMessage(judge.id)?.text).toBeTruthy();
    } finally {
      await h.close();
    }
  });

  it("counts the interactive lane's group messages in the budget without waiting, not a private edit", async () => {
    const h = await createHarness({ bot: { sendIntervalMs: 28 }, apiVia: "fetch" });
    try {
      const judges = judgesFrom(3501, 1);
      const keys = (pattern: string) => h.redis.redis.keys(`${h.redis.prefix}:{budget}:${pattern}`);
      await setUpContest(h, judges);
      // Replies to the chair's set-up commands in the group were counted in the group's budget.
      expect(await keys(`group:${GROUP}`)).toHaveLength(1);
      await h.say(chair, GROUP, "/open");
      await h.model.waitFor((m) => m.lastMessage(judges[0]!.id)?.text?.includes("评分项 1/4"), 5000, "the ballot");
      await h.redis.redis.del(`${h.redis.prefix}:{budget}:chat:${judges[0]!.id}`);
      // A press edits the judge's private ballot: free, not counted.
      await h.tap(judges[0]!, judges[0]!.id, ballotMessage(h, judges[0]!), "25");
      expect(await keys(`chat:${judges[0]!.id}`)).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
