// How fast one user may press and send commands: past the limit the user is told once, politely,
// and ignored until the window ends; replicas share the count through Redis; the group stays quiet.
import { afterEach, describe, expect, it } from "vitest";
import { createStore } from "../../src/store/store.js";
import type { TestUser } from "../support/bot-api-server.js";
import { testRedis, type TestRedis } from "../support/redis.js";
import { createHarness, GROUP, type Harness } from "./harness.js";

const user: TestUser = { id: 4201, first_name: "快手", language_code: "zh-hans" };
const TOO_FAST = "⏳ 操作太快了，请稍等几秒再试。";
const limited = { rateLimit: { updates: 3, windowS: 60 } };

describe("per-user rate limit", () => {
  const harnesses: Harness[] = [];
  const redises: TestRedis[] = [];
  afterEach(async () => {
    await Promise.all(harnesses.splice(0).map((h) => h.close()));
    await Promise.all(redises.splice(0).map((r) => r.cleanup()));
  });
  const harness = async (options: Parameters<typeof createHarness>[0]) => {
    const h = await createHarness(options);
    harnesses.push(h);
    return h;
  };
  const botTexts = (h: Harness, chatId: number) => h.model.messages(chatId).map((m) => m.text ?? "");

  it("answers a private flood normally up to the limit, says so once, then ignores it", async () => {
    const h = await harness({ bot: limited });
    h.model.startUser(user);
    for (let i = 0; i < 6; i++) await h.say(user, user.id, "/help");
    const texts = botTexts(h, user.id);
    expect(texts.filter((t) => t === TOO_FAST)).toHaveLength(1);
    expect(texts).toHaveLength(4);
    expect(texts.at(-1)).toBe(TOO_FAST);
  });

  it("counts across replicas: two bots on one Redis share the user's window", async () => {
    const shared = testRedis();
    redises.push(shared);
    const sharedRedis = { ...shared, cleanup: async () => undefined };
    const a = await harness({ bot: limited, redis: sharedRedis });
    const b = await harness({ bot: limited, redis: sharedRedis });
    for (const h of [a, b]) h.model.startUser(user);
    await a.say(user, user.id, "/help");
    await a.say(user, user.id, "/help");
    await b.say(user, user.id, "/help");
    // The fourth update in the window, whichever replica gets it, is over the limit.
    await b.say(user, user.id, "/help");
    expect(botTexts(a, user.id)).toHaveLength(2);
    expect(botTexts(b, user.id)).toEqual([expect.not.stringContaining("⏳"), TOO_FAST]);
  });

  it("limits ballot presses in the process (no extra Redis round trip) and answers the first one over", async () => {
    const h = await harness({ bot: limited });
    const press = (n: number) => {
      const id = `press-${n}`;
      h.model.callbacks.set(id, { id, userId: user.id, chatId: user.id, messageId: 1, data: "v|abcdef|0|0|1", answered: false });
      h.model.enqueueUpdate({
        callback_query: {
          id,
          from: { id: user.id, is_bot: false, first_name: user.first_name },
          chat_instance: String(user.id),
          data: "v|abcdef|0|0|1",
          message: { message_id: 1, date: 0, chat: { id: user.id, type: "private", first_name: user.first_name } },
        },
      });
    };
    for (let n = 1; n <= 6; n++) press(n);
    await h.deliver();
    const answers = h.model.callsTo("answerCallbackQuery");
    const byPress = (n: number) => answers.filter((c) => c.params.callback_query_id === `press-${n}`);
    for (const n of [1, 2, 3]) expect(byPress(n)[0]?.params.text).not.toBe(TOO_FAST);
    expect(byPress(4).map((c) => c.params.text)).toEqual([TOO_FAST]);
    expect([...byPress(5), ...byPress(6)]).toEqual([]);
    // Ballot presses never touched the shared counter.
    expect(await h.redis.redis.exists(`${h.redis.prefix}:rate:${user.id}`)).toBe(0);
  });

  it("keeps the group quiet: a flood of group commands gets no public notice", async () => {
    const h = await harness({ bot: limited });
    for (let i = 0; i < 6; i++) h.model.send(user, GROUP, "/ranking");
    await h.deliver();
    expect(botTexts(h, GROUP).filter((t) => t.includes("⏳"))).toEqual([]);
    expect(botTexts(h, GROUP).length).toBeLessThanOrEqual(3);
  });
});

describe("rate-limit windows in Redis", () => {
  const r = testRedis();
  afterEach(() => r.cleanup());

  it("starts the window with the first hit in the same step, and a new window after it ends", async () => {
    const store = createStore(r.redis, r.prefix);
    expect(await store.rateLimits.hit("7", 200)).toBe(1);
    const ttl = await r.redis.pttl(`${r.prefix}:rate:7`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(200);
    expect(await store.rateLimits.hit("7", 200)).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await store.rateLimits.hit("7", 200)).toBe(1);
  });
});
