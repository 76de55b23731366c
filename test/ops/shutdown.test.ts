// SIGTERM in both modes: the built bot stops taking updates, finishes the one in progress, closes
// HTTP and Redis, and exits 0.
import { afterEach, describe, expect, it } from "vitest";
import { startBotApiServer, type BotApiServer } from "../support/bot-api-server.js";
import { testRedis, type TestRedis } from "../support/redis.js";
import { startBotProcess, type BotProcess } from "../support/run-bot.js";

const SECRET = "shutdown-test-secret-0123456789";
const alice = { id: 7101, first_name: "Alice", language_code: "en" };

describe("graceful shutdown of the built bot", () => {
  let api: BotApiServer;
  let redis: TestRedis;
  let bot: BotProcess | undefined;
  afterEach(async () => {
    await bot?.stop("SIGKILL");
    bot = undefined;
    await api?.close();
    await redis?.cleanup();
  });

  /** Resolves once the bot's reply to alice has reached the (slow) API, before it is answered. */
  const replyStarted = (since: number) =>
    api.model.waitFor((m) => m.calls.find((c) => c.seq > since && c.method === "sendMessage" && c.params.chat_id === alice.id), 10_000);

  it("long polling: finishes the update in progress, serves /healthz until then, exits 0", async () => {
    api = await startBotApiServer();
    redis = testRedis();
    bot = await startBotProcess({ ...api, redisUrl: redis.url, prefix: redis.prefix });
    const health = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ mode: "polling" });

    api.model.setLatency(700);
    const since = api.model.checkpoint();
    api.send(alice, alice.id, "/start");
    const call = await replyStarted(since);
    expect(call.response).toBeUndefined();
    const code = await bot.stop("SIGTERM");
    expect(call.response?.ok).toBe(true);
    expect(code).toBe(0);
    expect(bot.logs.some((line) => line.includes('"stopped"'))).toBe(true);
  });

  it("webhook: answers the request in progress, then exits 0", async () => {
    api = await startBotApiServer();
    redis = testRedis();
    bot = await startBotProcess({
      ...api,
      redisUrl: redis.url,
      prefix: redis.prefix,
      readyMethod: "setWebhook",
      env: { BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.test/hook", WEBHOOK_SECRET: SECRET },
    });
    api.model.setLatency(700);
    const since = api.model.checkpoint();
    const update = api.model.send(alice, alice.id, "/start");
    const posted = fetch(`http://127.0.0.1:${bot.port}/hook`, {
      method: "POST",
      body: JSON.stringify(update),
      headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
    });
    const call = await replyStarted(since);
    const code = bot.stop("SIGTERM");
    expect((await posted).status).toBe(200);
    expect(await code).toBe(0);
    expect(call.response?.ok).toBe(true);
  });
});
