// Builds the bot from its dependencies: plugins, error boundary, features.
import { Bot, Composer, type Api, type ApiClientOptions, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Store } from "../store/store.js";
import type { Contest } from "../domain/contest.js";
import type { BotContext } from "./context.js";
import type { BotDeps } from "./deps.js";
import { createI18n, createTranslators, translatorOf } from "./i18n.js";
import { createCallbackDecoder } from "./callback-data.js";
import { createBallotViewCache } from "./views/ballot.js";
import { newDrawSeed } from "../domain/draw.js";
import { createAdminCheck } from "./roles.js";
import { createThrottledEditor } from "./throttle.js";
import { createLiveMessages } from "./live-messages.js";
import { ballotAppBase } from "./ballot-app-link.js";
import { createBallotApp } from "./ballot-app.js";
import { createSubmitBallot } from "./ballot-submit.js";
import { setupFeature } from "./features/setup.js";
import { enrolmentFeature } from "./features/enrolment.js";
import { judgesFeature } from "./features/judges.js";
import { roundsFeature } from "./features/rounds.js";
import { ballotFeature, ballotPressReachesScript } from "./features/ballot.js";
import { startFeature } from "./features/start.js";
import { rosterFeature } from "./features/roster.js";
import { remindFeature } from "./features/remind.js";
import { commentsFeature } from "./features/comments.js";
import { createClosing } from "./closing.js";
import { createFinishing } from "./finishing.js";
import { tiesFeature } from "./features/ties.js";
import { createAnnouncements } from "./announcements.js";
import { createStandingsMessage } from "./standings-message.js";
import { releaseFeature } from "./features/release.js";
import { createReminders } from "./reminders.js";
import { createMeetingActions } from "./meeting/actions.js";
import { createChairMessenger } from "./meeting/chair-messages.js";
import { createConsoles, withConsoles } from "./meeting/console.js";
import { judgesViewForChair } from "./meeting/judges-view.js";
import { consoleFeature } from "./features/console.js";
import { createRoundScheduler } from "./round-timers.js";
import { rulesFeature } from "./features/rules.js";
import { contestFileFeature, MAX_FILE_BYTES, type DownloadFile } from "./features/contest-file.js";
import { detailFeature } from "./features/detail.js";
import { screenFeature, type ScreenLinkConfig } from "./features/screen.js";
import { drawFeature } from "./features/draw.js";
import { timerFeature } from "./features/timer.js";
import { exportFeature } from "./features/export.js";
import { receiptsFeature } from "./features/receipts.js";
import { seasonFeature } from "./features/season.js";
import type { Metrics } from "../metrics.js";
import { DEDUPE_TTL_SECONDS, dedupeUpdates } from "./dedupe.js";
import { apiMetrics, countSubmittedBallots, createUpdateTracker, updateType } from "./instrument.js";
import { ballotPressLimit, sharedLimit, type RateLimitSettings } from "./rate-limit.js";
import { countInteractiveSends, createSharedBudget, pauseOnRateLimit } from "./send-budget.js";
import { plainJsonCalls } from "./json-calls.js";
import { createSendQueue, unpacedSendQueue, type SendQueue } from "./send-queue.js";

export type CreateBotOptions = {
  token: string;
  config: Pick<Config, "DEFAULT_LOCALE" | "COUNTER_EDIT_INTERVAL_S" | "TELEGRAM_API_ROOT"> & ScreenLinkConfig;
  store: Store;
  logger: Logger;
  /** Known bot identity (tests); otherwise fetched with getMe by bot.init(). */
  botInfo?: UserFromGetMe;
  /** Extra API transformers (tests capture calls with one). */
  transformers?: Transformer[];
  client?: ApiClientOptions;
  now?: () => number;
  /** The seed of a /draw (default: 128 random bits, domain/draw.ts newDrawSeed; tests fix it). */
  drawSeed?: () => string;
  /** 0 turns off the pacing of broadcasts (tests); any other value is ignored (see sendQueue). */
  sendIntervalMs?: number;
  /** Prometheus metrics of this process (see ../metrics.ts); none are kept without it. */
  metrics?: Metrics;
  /**
   * Handle each update_id once across deliveries and replicas (one Redis SET NX per update).
   * Needed in webhook mode; a single long-polling process gets every update once anyway.
   */
  dedupeUpdates?: boolean | { ttlSeconds: number };
  /** Paces broadcasts (a round's ballots). Default: createSendQueue at broadcastRatePerS. */
  sendQueue?: SendQueue;
  /** Messages per second of the default send queue, over every replica (shared budget). Default 28. */
  broadcastRatePerS?: number;
  /** Messages a minute in one group, over every replica (shared budget). Default 20. */
  groupRatePerMin?: number;
  /** How often round time limits are checked (ms). Default 1000; 0 = never (tests call `timers.tick()`). */
  timerPollMs?: number;
  /** Fetches an uploaded file by its file_path (tests read it from the simulated Bot API). */
  downloadFile?: DownloadFile;
  /** Per-user limit on presses and commands (see rate-limit.ts). Default: none. */
  rateLimit?: RateLimitSettings;
};

/** Downloads a file from the Bot API server's file endpoint, refusing anything over the size limit. */
const downloadFromApi =
  (apiRoot: string, token: string): DownloadFile =>
  async (filePath) => {
    const response = await fetch(`${apiRoot}/file/bot${token}/${filePath}`);
    if (!response.ok) throw new Error(`file download failed with HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > MAX_FILE_BYTES) throw new Error("file too large");
    return bytes;
  };

/**
 * Bulk messages to one chat at least this far apart: Telegram's "about one a second", with the
 * same kind of margin as 28/s against its 30 (a late request must not land within the second).
 */
const PER_CHAT_INTERVAL_MS = 1100;

/** What an update waits for: its chat's and its user's earlier updates (one key in a private chat). */
const orderKeys = (ctx: BotContext): string[] => {
  const chat = ctx.chat?.id;
  const user = ctx.from?.id;
  if (chat === undefined) return user === undefined ? [] : [String(user)];
  return user === undefined || user === chat ? [String(chat)] : [String(chat), String(user)];
};

export const createBot = (options: CreateBotOptions) => {
  const { logger, config, metrics } = options;
  const store = metrics ? countSubmittedBallots(options.store, metrics) : options.store;
  const bot = new Bot<BotContext>(options.token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: { apiRoot: config.TELEGRAM_API_ROOT, ...options.client },
  });
  const ownsQueue = options.sendQueue === undefined;
  const paced = ownsQueue && options.sendIntervalMs !== 0;
  // Telegram's budget, shared with the other replicas through Redis (the bulk lane takes from it).
  const budget = paced
    ? createSharedBudget({
        store: store.sendBudget,
        rates: { perSecond: options.broadcastRatePerS ?? 28, perChatIntervalMs: PER_CHAT_INTERVAL_MS, perGroupPerMinute: options.groupRatePerMin ?? 20 },
        logger,
        ...(metrics
          ? {
              onDegraded: (degraded: boolean) => metrics.budgetFallback.set(degraded ? 1 : 0),
              onReplicas: (replicas: number) => metrics.budgetReplicas.set(replicas),
            }
          : {}),
      })
    : undefined;
  const sendQueue =
    options.sendQueue ??
    (paced
      ? createSendQueue({ perSecond: options.broadcastRatePerS ?? 28, perChatIntervalMs: PER_CHAT_INTERVAL_MS, logger, ...(metrics ? { metrics } : {}), ...(budget ? { budget } : {}) })
      : unpacedSendQueue(metrics));
  // Innermost: a tap's answer and edits go out as plain JSON (json-calls.ts).
  // (Not with a client that builds its own URLs: a test environment or a custom buildUrl.)
  if (!options.client?.buildUrl && options.client?.environment !== "test") {
    const fetch = options.client?.fetch as typeof globalThis.fetch | undefined;
    bot.api.config.use(plainJsonCalls({ apiRoot: options.client?.apiRoot ?? config.TELEGRAM_API_ROOT, token: options.token, ...(fetch ? { fetch } : {}) }));
  }
  // Installed before autoRetry, so that it sees every attempt (each 429 autoRetry waits out).
  if (metrics) bot.api.config.use(apiMetrics(metrics));
  if (budget) bot.api.config.use(pauseOnRateLimit(budget));
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));
  // After autoRetry, so that each interactive message is counted once, however often it is retried.
  if (budget) bot.api.config.use(countInteractiveSends(budget, sendQueue.inBulkLane));
  for (const transformer of options.transformers ?? []) bot.api.config.use(transformer);

  const now = options.now ?? Date.now;
  const i18n = createI18n<BotContext>(config.DEFAULT_LOCALE);
  const translate = createTranslators(i18n);
  const deps: BotDeps = {
    config,
    store,
    logger,
    i18n,
    now,
    drawSeed: options.drawSeed ?? newDrawSeed,
    sendQueue,
    ballotAppBase: ballotAppBase(config),
    translate,
    translateFor: translatorOf(translate, config.DEFAULT_LOCALE),
    decodeCallback: createCallbackDecoder(),
    ballotViews: createBallotViewCache(),
  };
  const botUsername = () => bot.botInfo.username;
  const editor = createThrottledEditor(config.COUNTER_EDIT_INTERVAL_S * 1000, logger);
  // Private messages to the chairs, and their consoles, which follow every change of the group's
  // live messages (ballots in, judges, closes) and every meeting action.
  const chairs = createChairMessenger(deps, botUsername);
  const consoles = createConsoles(deps, { editor, chairs });
  const live = withConsoles(createLiveMessages(deps, editor, botUsername), consoles);
  const submitBallot = createSubmitBallot(deps);
  // The Mini App's side of the ballot (http/app/ serves it): same store steps as the buttons.
  const ballotApp = createBallotApp(deps, live, bot.api, submitBallot);
  const enrolment = enrolmentFeature(deps, live, botUsername);
  const standingsMessage = createStandingsMessage(deps, () => bot.botInfo.id);
  const announcements = createAnnouncements(deps, live, standingsMessage);
  const closing = createClosing(deps, announcements, chairs);
  const finishing = createFinishing(deps, botUsername, announcements.contestFinished);
  const download = options.downloadFile ?? downloadFromApi(config.TELEGRAM_API_ROOT, options.token);
  const judges = judgesFeature(deps, live, botUsername, download);
  const reminders = createReminders(deps, botUsername);
  const actions = createMeetingActions(deps, {
    closing,
    reminders,
    announcements,
    botUsername,
    finishing,
    changed: (api, contest) => consoles.refresh(api, contest, { now: true }),
  });
  // Round time limits: due deadlines are polled in Redis and claimed with a lock (one replica acts).
  const timers = createRoundScheduler({ deps, api: bot.api, closing, reminders, chairs, ready: () => bot.isInited() });
  timers.start(options.timerPollMs ?? 1000);

  // Operations first: track, count and time the update (a shutdown waits for it), then drop a
  // repeated delivery before any work (webhook mode; a dropped one is not counted as handled).
  const inFlight = createUpdateTracker(metrics);
  bot.use(inFlight.middleware);
  if (options.dedupeUpdates) {
    const ttl = typeof options.dedupeUpdates === "object" ? options.dedupeUpdates.ttlSeconds : DEDUPE_TTL_SECONDS;
    bot.use(
      dedupeUpdates({
        claim: (id) => store.updates.claim(id, ttl),
        // A ballot press is claimed by its ballot script, in the same round trip.
        claimedInScript: { test: (ctx) => ballotPressReachesScript(ctx, deps.decodeCallback), ttlSeconds: ttl },
        logger,
        ...(metrics ? { metrics } : {}),
      }),
    );
  }
  // Updates of one chat and user are handled in order; different chats run concurrently.
  bot.use(sequentialize(orderKeys));
  // One error boundary for polling, webhook and handleUpdate alike: log, tell the user, carry on.
  const features = bot.errorBoundary(async ({ error, ctx }) => {
    logger.error({ err: error, update_id: ctx.update.update_id }, "update failed");
    metrics?.updateErrors.inc({ type: updateType(ctx.update) });
    try {
      const t = deps.translateFor(ctx);
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: t("common-error"), show_alert: true });
      else if (ctx.chat) await ctx.reply(t("common-error"));
    } catch {
      // The error report itself failed; the log above has the cause.
    }
  });
  // The hot path first: a judge's ballot taps are most of the updates, and every filter they pass
  // on the way (each .command()/.callbackQuery() of a feature) costs allocations (npm run bench:
  // ~20% of a tap's CPU). Only ballot buttons (v|k|g|s|a) stop here; everything else goes on.
  if (options.rateLimit) features.use(ballotPressLimit(options.rateLimit, deps.translateFor));
  features.use(ballotFeature(deps, live, submitBallot));
  // Everything after the ballot feature sits in one composer of its own: grammY nests each use() of
  // a composer around the ones before it, so every feature added straight to `features` would wrap
  // the ballot feature too, and each wrapper allocates closures and a promise for every update, even
  // one the ballot feature answers (npm run bench: ~16 % of a tap's allocations). Same order, same
  // handlers: a ballot press stops two levels down instead of ~25.
  const rest = new Composer<BotContext>();
  features.use(rest);
  // The i18n plugin negotiates a locale and builds ctx.t for every update it sees; ballot presses,
  // answered above, take their translator from deps.translateFor instead (same locale).
  rest.use(i18n);
  if (options.rateLimit) rest.use(sharedLimit(options.rateLimit, store.rateLimits, logger, deps.translateFor));
  // Before /start's own handler: the group's "open the private chat" button for a chair's console.
  rest.use(consoleFeature(deps, { consoles, actions, chairs, showJudges: judgesViewForChair(judges.judgesView, chairs), screen: config }));
  rest.use(startFeature(deps, enrolment.startJoin));
  // A judge's private text right after "💬 添加点评" is their comment; anything else passes on.
  rest.use(commentsFeature(deps));
  // The chair's private text right after "✏️ rename" is the judge's new name; anything else passes on.
  rest.use(judges.composer);
  const setupConsoles = { welcome: consoles.welcome, changed: (api: Api, contest: Contest) => consoles.refresh(api, contest, { now: true }) };
  rest.use(setupFeature(deps, createAdminCheck(now), setupConsoles, live));
  rest.use(enrolment.composer);
  rest.use(rulesFeature(deps));
  rest.use(contestFileFeature(deps, download, judges.importRoster));
  rest.use(roundsFeature(deps, actions, chairs));
  rest.use(tiesFeature(deps, actions));
  rest.use(releaseFeature(deps, announcements, botUsername));
  rest.use(closing.composer, rosterFeature(deps, live, consoles.welcome), remindFeature(deps, actions));
  rest.use(detailFeature(deps));
  rest.use(screenFeature(deps, config, botUsername, (api, contest) => consoles.refresh(api, contest, { now: true })));
  rest.use(drawFeature(deps, (api, contest) => consoles.refresh(api, contest, { now: true })));
  rest.use(timerFeature(deps));
  // Before /export: it answers `/export season` and passes every other /export on.
  rest.use(seasonFeature(deps, botUsername, config));
  rest.use(exportFeature(deps, botUsername), receiptsFeature(deps));
  // Any other button press is answered, so the client stops its spinner.
  rest.on("callback_query", (ctx) => ctx.answerCallbackQuery(ctx.t("common-unknown-button")));

  const stop = async () => {
    await timers.stop();
    editor.stop();
    if (ownsQueue) sendQueue.stop();
    budget?.stop();
    if (bot.isRunning()) await bot.stop();
  };
  /** Resolves true once no update is being handled, false after `timeoutMs` (graceful shutdown). */
  const drain = (timeoutMs: number) => inFlight.drain(timeoutMs);
  return { bot, stop, drain, inFlight: inFlight.size, i18n, api: bot.api as Api, sendQueue, timers, ballotApp, openJudgesView: judges.openJudgesView };
};
export type CreatedBot = ReturnType<typeof createBot>;
