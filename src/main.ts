// Process entry: settings, logger, Redis, bot (long polling), graceful shutdown.
import { existsSync } from "node:fs";
import { run } from "@grammyjs/runner";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { createRedis } from "./redis.js";
import { createStore } from "./store/store.js";
import { createBot } from "./bot/create-bot.js";
import { setCommands } from "./bot/commands.js";

const loadDotEnv = () => {
  if (existsSync(".env")) process.loadEnvFile(".env");
};

const main = async () => {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL, config.BOT_TOKEN);
  const redis = createRedis(config.REDIS_URL);
  redis.on("error", (error) => logger.warn({ err: error }, "redis error"));
  await redis.connect();
  const store = createStore(redis, config.REDIS_PREFIX);
  const { bot, stop, i18n } = createBot({ token: config.BOT_TOKEN, config, store, logger });
  await bot.init();
  await setCommands(bot.api, i18n).catch((error: unknown) => logger.warn({ err: error }, "setMyCommands failed"));
  await bot.api.deleteWebhook();
  const runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "callback_query", "my_chat_member"] } } });
  logger.info({ username: bot.botInfo.username, prefix: config.REDIS_PREFIX }, "bot started (long polling)");

  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    if (runner.isRunning()) await runner.stop();
    await stop();
    await redis.quit();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
};

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
