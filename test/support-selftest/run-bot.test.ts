import { afterEach, beforeEach, expect, it } from "vitest";
import { startBotApiServer, type BotApiServer } from "../support/bot-api-server.js";
import { startBotProcess } from "../support/run-bot.js";

const STAND_IN = "test/support-selftest/fixtures/stand-in-bot.mjs";
let api: BotApiServer;
beforeEach(async () => {
  api = await startBotApiServer();
});
afterEach(async () => {
  await api.close();
});

it("starts a bot process, waits for polling, collects logs, stops with SIGTERM", async () => {
  const bot = await startBotProcess({ ...api, redisUrl: "redis://127.0.0.1:1", prefix: "t:abc:", entry: STAND_IN });
  const line = await bot.waitForLog(/"msg":"starting"/);
  expect(JSON.parse(line)).toMatchObject({ prefix: "t:abc", port: String(bot.port) });
  api.send({ id: 5, first_name: "E" }, 5, "/start");
  expect((await api.waitForMessage(5)).text).toBe("welcome");
  expect(await bot.stop()).toBe(0);
  expect(await bot.stop()).toBe(0); // idempotent
});

it("rejects with the process output when the bot dies before polling", async () => {
  await expect(
    startBotProcess({ ...api, redisUrl: "redis://127.0.0.1:1", prefix: "t", entry: "test/support-selftest/fixtures/missing.mjs" }),
  ).rejects.toThrow(/exited with 1 before polling[\s\S]*Cannot find module/);
});
