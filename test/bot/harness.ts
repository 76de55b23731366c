// Builds the real bot in-process against the Telegram model and a real Redis prefix.
// Updates queued in the model (users sending text, tapping buttons) are fed to bot.handleUpdate.
import { pino } from "pino";
import type { Cluster, Redis } from "ioredis";
import { createBot, type CreateBotOptions } from "../../src/bot/create-bot.js";
import { createStore, type Store } from "../../src/store/store.js";
import { buttonsOf, captureTransformer, modelFetch, TelegramModel, type StoredMessage, type TestUser } from "../support/bot-api-server.js";
import { testRedis, type TestRedis } from "../support/redis.js";
import type { Locale } from "../../src/domain/contest.js";
import { messageRole } from "../../src/store/messages.js";

export const GROUP = -100_555;

export type Harness = Awaited<ReturnType<typeof createHarness>>;

/** A Redis (or Redis Cluster) client with the key prefix to use and the clean-up to run at close. */
export type HarnessRedis = Pick<TestRedis, "prefix" | "cleanup"> & { redis: Redis | Cluster };

export const createHarness = async (
  options: {
    locale?: Locale;
    now?: () => number;
    counterIntervalS?: number;
    /** Another Redis, e.g. a Redis Cluster client (default: testRedis()). */
    redis?: HarnessRedis;
    /** More createBot options (metrics, dedupeUpdates, sendQueue, ...), applied last. */
    bot?: Partial<CreateBotOptions>;
    /** "fetch": answer from the model as grammY's fetch, so the bot's own transformers (autoRetry, metrics) run. */
    apiVia?: "transformer" | "fetch";
  } = {},
) => {
  const redis: HarnessRedis = options.redis ?? testRedis();
  const model = new TelegramModel();
  const store: Store = createStore(redis.redis, redis.prefix);
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const created = createBot({
    token: model.token,
    config: {
      DEFAULT_LOCALE: options.locale ?? "zh-CN",
      COUNTER_EDIT_INTERVAL_S: options.counterIntervalS ?? 0,
      TELEGRAM_API_ROOT: "http://127.0.0.1:1",
    },
    store,
    logger,
    botInfo: model.botInfo,
    ...(options.apiVia === "fetch" ? { client: { fetch: modelFetch(model) } } : { transformers: [captureTransformer(model)] }),
    sendIntervalMs: 0,
    // Round time limits are driven by the tests (timers.tick() with an injected `now`).
    timerPollMs: 0,
    downloadFile: async (filePath) => {
      const bytes = model.fileBytes(filePath);
      if (!bytes) throw new Error(`no file at ${filePath}`);
      return bytes;
    },
    ...(options.now ? { now: options.now } : {}),
    ...options.bot,
  });

  /** Feeds every queued update to the bot, until none is left. */
  const deliver = async () => {
    for (let updates = model.takeUpdates(); updates.length > 0; updates = model.takeUpdates()) {
      for (const update of updates) await created.bot.handleUpdate(update);
    }
  };

  const say = async (user: TestUser, chatId: number, text: string) => {
    model.send(user, chatId, text);
    await deliver();
    return model.lastMessage(chatId);
  };

  const tap = async (user: TestUser, chatId: number, message: StoredMessage | number, button: string | RegExp) => {
    model.tap(user, chatId, typeof message === "number" ? message : message.messageId, button);
    await deliver();
  };

  const lastCallbackAnswer = () => model.callsTo("answerCallbackQuery").at(-1)?.params;

  const close = async () => {
    await created.stop();
    await redis.cleanup();
  };

  /**
   * The chair's /close, confirming it when the bot asks first (a quorum shortfall or a total far
   * from the median; the question comes to the chair in private); returns the standings message
   * (the ranking) once there is one.
   */
  const closeRound = async (chair: TestUser, chatId: number) => {
    const before = model.lastMessage(chair.id)?.messageId;
    await say(chair, chatId, "/close");
    const hold = model.lastMessage(chair.id);
    const confirm = hold && hold.messageId !== before && buttonsOf(hold).some((b) => b.text === "✅ 结束评分");
    if (confirm) await tap(chair, chair.id, hold, "✅ 结束评分");
    return (await standings(chatId)) ?? model.lastMessage(chatId);
  };

  /**
   * The contest's one standings message in the chat (edited after each close, re-posted by
   * /ranking and /finish), or undefined while there is none.
   */
  const standings = async (chatId: number) => {
    const contest = await store.contests.latestForChat(chatId);
    const id = contest ? await store.messages.get(contest.id, messageRole.standings()) : undefined;
    return id === undefined ? undefined : model.message(chatId, id);
  };

  return {
    model,
    store,
    redis,
    bot: created.bot,
    timers: created.timers,
    ballotApp: created.ballotApp,
    sendQueue: created.sendQueue,
    deliver,
    say,
    tap,
    closeRound,
    standings,
    lastCallbackAnswer,
    close,
  };
};

export const user = (id: number, first_name: string, language_code = "zh-hans"): TestUser => ({ id, first_name, language_code });
