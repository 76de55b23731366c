// Process entry: settings, logger, Redis, bot (long polling or webhook), HTTP server
// (/healthz, /metrics, the webhook), graceful shutdown.
import { existsSync } from "node:fs";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { ConfigError, loadConfig, publicUrl } from "./config.js";
import { createLogger } from "./logger.js";
import { createRedis } from "./redis.js";
import { createStore } from "./store/store.js";
import { createBot } from "./bot/create-bot.js";
import { setCommands } from "./bot/commands.js";
import { ALLOWED_UPDATES } from "./bot/allowed-updates.js";
import { createMetrics } from "./metrics.js";
import { createHttpApp, type ExtraRoutes } from "./http/app.js";
import { startHttpServer } from "./http/server.js";
import { createWebhookRoute, registerWebhook } from "./http/webhook.js";
import { createScreenRoutes } from "./http/screen.js";
import { createSeasonRoutes } from "./http/season-page.js";
import { createBallotRoutes } from "./http/app/ballot-routes.js";
import { createInitDataCheck } from "./http/app/init-data.js";
import { BALLOT_APP_PATH, ballotAppBase } from "./bot/ballot-app-link.js";

/** A clean stop takes at most this long; then the process exits anyway (with 1). */
const SHUTDOWN_LIMIT_MS = 10_000;

const within = <T>(task: Promise<T>, ms: number): Promise<T | "timeout"> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), Math.max(0, ms));
  });
  return Promise.race([task, late]).finally(() => clearTimeout(timer));
};

const loadDotEnv = () => {
  if (existsSync(".env")) process.loadEnvFile(".env");
};

const main = async () => {
  loadDotEnv();
  const config = loadConfig();
  // Times shown to judges (ballot receipts, "submitted at") follow the meeting's time zone.
  process.env.TZ = config.TZ;
  const logger = createLogger(config.LOG_LEVEL, config.BOT_TOKEN);
  const redis = createRedis(config.REDIS_URL, { clusterNodes: config.REDIS_CLUSTER_NODES });
  redis.on("error", (error) => logger.warn({ err: error }, "redis error"));
  await redis.connect();
  const store = createStore(redis, config.REDIS_PREFIX);
  const metrics = createMetrics({ processMetrics: true });
  const webhookMode = config.BOT_MODE === "webhook";
  const { bot, stop, drain, i18n, ballotApp } = createBot({
    token: config.BOT_TOKEN,
    config,
    store,
    logger,
    metrics,
    // Webhook deliveries may repeat and replicas share the work: each update_id is handled once.
    dedupeUpdates: webhookMode,
    broadcastRatePerS: config.BROADCAST_RATE_PER_S,
    groupRatePerMin: config.GROUP_RATE_PER_MIN,
    ...(config.RATE_LIMIT_UPDATES > 0 ? { rateLimit: { updates: config.RATE_LIMIT_UPDATES, windowS: config.RATE_LIMIT_WINDOW_S } } : {}),
  });
  await bot.init();
  await setCommands(bot.api, i18n, config.DEFAULT_LOCALE).catch((error: unknown) => logger.warn({ err: error }, "setMyCommands failed"));

  let stopping = false;
  const webhook =
    webhookMode && config.WEBHOOK_URL && config.WEBHOOK_SECRET
      ? createWebhookRoute(bot, { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET, logger })
      : undefined;
  // Extension point: more HTTP routes on PORT. The scoreboard (/screen/<token>, see http/screen.ts):
  const screen = createScreenRoutes({
    store,
    logger,
    defaultLocale: config.DEFAULT_LOCALE,
    botUsername: () => bot.botInfo.username,
    revealSeconds: config.SCREEN_REVEAL_S,
    linkDays: config.SCREEN_LINK_DAYS,
  });
  const extraRoutes: ExtraRoutes[] = [{ path: "/screen", app: screen.app, close: screen.close }];
  // The season table (/season/<token>, see http/season-page.ts).
  extraRoutes.push({ path: "/season", app: createSeasonRoutes({ store, logger, defaultLocale: config.DEFAULT_LOCALE }).app });
  // The judges' Mini App ballot (/app/ballot/<contest>/<presenter>, see http/app/ballot-routes.ts).
  const ballotRoutes = createBallotRoutes({
    ballotApp,
    checkInitData: createInitDataCheck({ botToken: config.BOT_TOKEN, maxAgeS: config.INIT_DATA_MAX_AGE_S }),
    logger,
    defaultLocale: config.DEFAULT_LOCALE,
  });
  extraRoutes.push({ path: BALLOT_APP_PATH, app: ballotRoutes.app });
  if (!ballotAppBase(config))
    logger.warn(
      { publicUrl: publicUrl(config) },
      "Mini App ballot off: PUBLIC_URL is not https, so ballots have no 📝 表单评分 button (Telegram opens Mini Apps over https only); the buttons work as before",
    );
  const app = createHttpApp({
    store,
    redis,
    metrics,
    logger,
    mode: config.BOT_MODE,
    ...(config.METRICS_TOKEN ? { metricsToken: config.METRICS_TOKEN } : {}),
    ready: () => !stopping && bot.isInited(),
    extraRoutes,
    ...(webhook ? { webhook } : {}),
  });
  const http = await startHttpServer(app, { port: config.PORT, logger, extraRoutes });

  let runner: RunnerHandle | undefined;
  const started = { username: bot.botInfo.username, prefix: config.REDIS_PREFIX, port: http.port };
  if (webhook && config.WEBHOOK_URL && config.WEBHOOK_SECRET) {
    await registerWebhook(bot.api, { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET });
    logger.info({ ...started, path: webhook.path }, "bot started (webhook)");
  } else {
    await bot.api.deleteWebhook();
    runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
    logger.info(started, "bot started (long polling)");
  }

  // Stop taking updates, let the ones in progress finish, close HTTP and Redis, exit 0.
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      logger.error("shutdown took too long; exiting");
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    force.unref();
    const deadline = Date.now() + SHUTDOWN_LIMIT_MS - 2000;
    if (runner?.isRunning()) {
      // Ends the pending getUpdates and resolves once the updates being handled are done.
      if ((await within(runner.stop(), deadline - Date.now())) === "timeout") logger.warn("updates still running at shutdown");
    } else {
      // No new webhook requests; the ones being answered finish (up to the webhook timeout).
      await http.close(Math.max(0, deadline - Date.now()));
    }
    // Updates that outlived their webhook request (a long broadcast) or the runner's wait.
    if (!(await drain(Math.max(0, deadline - Date.now())))) logger.warn("updates still running at shutdown; leaving them");
    await stop();
    await http.close(0);
    await within(redis.quit(), 1000).catch(() => redis.disconnect());
    logger.info("stopped");
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
