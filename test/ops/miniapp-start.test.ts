// The built bot serves the Mini App on PORT, and says once at start when it is off (PUBLIC_URL
// not https: Telegram opens Mini Apps over https only).
import { afterEach, describe, expect, it } from "vitest";
import { startBotApiServer, type BotApiServer } from "../support/bot-api-server.js";
import { testRedis, type TestRedis } from "../support/redis.js";
import { startBotProcess, type BotProcess } from "../support/run-bot.js";

const OFF = "Mini App ballot off";

describe("the Mini App in the built bot", () => {
  let api: BotApiServer;
  let redis: TestRedis;
  let bot: BotProcess | undefined;
  afterEach(async () => {
    await bot?.stop("SIGKILL");
    bot = undefined;
    await api?.close();
    await redis?.cleanup();
  });

  it("without an https PUBLIC_URL: says once that it is off, and still refuses requests without initData", async () => {
    api = await startBotApiServer();
    redis = testRedis();
    bot = await startBotProcess({ ...api, redisUrl: redis.url, prefix: redis.prefix, env: { LOG_LEVEL: "info" } });
    await bot.waitForLog(OFF);
    expect(bot.logs.filter((line) => line.includes(OFF))).toHaveLength(1);
    const page = await fetch(`http://127.0.0.1:${bot.port}/app/ballot/abc123def0/0`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    const state = await fetch(`http://127.0.0.1:${bot.port}/app/ballot/abc123def0/0/state`);
    expect(state.status).toBe(401);
  });

  it("with an https PUBLIC_URL: no such notice", async () => {
    api = await startBotApiServer();
    redis = testRedis();
    bot = await startBotProcess({
      ...api,
      redisUrl: redis.url,
      prefix: redis.prefix,
      env: { LOG_LEVEL: "info", PUBLIC_URL: "https://score.example.org" },
    });
    await bot.waitForLog("bot started");
    expect(bot.logs.some((line) => line.includes(OFF))).toBe(false);
  });
});
