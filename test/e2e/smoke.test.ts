// Smoke test of the built bot process (npm test's pretest builds dist/ first).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startBotApiServer, type BotApiServer, type TestUser } from "../support/bot-api-server.js";
import { testRedis, type TestRedis } from "../support/redis.js";
import { startBotProcess, type BotProcess } from "../support/run-bot.js";

const alice: TestUser = { id: 7001, first_name: "Alice", username: "alice_e2e", language_code: "en" };

describe("built bot process (e2e smoke)", () => {
  let api: BotApiServer;
  let redis: TestRedis;
  let bot: BotProcess | undefined;

  beforeEach(async () => {
    api = await startBotApiServer();
    redis = testRedis();
  });
  afterEach(async () => {
    await bot?.stop("SIGKILL");
    bot = undefined;
    await api.close();
    await redis.cleanup();
  });

  it("polls, answers /start in private, and shuts down cleanly on SIGTERM", async () => {
    bot = await startBotProcess({ ...api, redisUrl: redis.url, prefix: redis.prefix });
    api.send(alice, alice.id, "/start");
    const reply = await api.waitForCall("sendMessage", (c) => c.params.chat_id === alice.id && c.response?.ok === true, { timeoutMs: 10_000 });
    expect(reply.params.text).toEqual(expect.any(String));
    expect(api.lastMessage(alice.id)?.text).not.toBe("");
    expect(await bot.stop("SIGTERM")).toBe(0);
    const secret = api.token.split(":")[1] ?? api.token;
    expect(bot.logs.filter((l) => l.includes(secret))).toEqual([]);
  });
});
