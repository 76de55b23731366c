// Two built bot processes in webhook mode on one Redis prefix, each update delivered to both
// (as a retried delivery or a load balancer might): every update is applied once and the
// meeting ends exactly as it does with one process.
import { afterEach, describe, expect, it } from "vitest";
import { createStore } from "../../src/store/store.js";
import { startBotApiServer, type BotApiServer } from "../support/bot-api-server.js";
import { testRedis, type TestRedis } from "../support/redis.js";
import { startBotProcess, type BotProcess } from "../support/run-bot.js";
import { MEETING_GROUP, judges, runMeeting, type MeetingOutcome } from "./meeting-script.js";

const SECRET = "replica-test-secret-0123456789abcdef";
const WEBHOOK_PATH = "/tg/webhook";
const SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

const webhookEnv = {
  BOT_MODE: "webhook",
  WEBHOOK_URL: `https://bot.example.test${WEBHOOK_PATH}`,
  WEBHOOK_SECRET: SECRET,
  COUNTER_EDIT_INTERVAL_S: "0",
  LOG_LEVEL: "info",
};

const post = (bot: BotProcess, body: string, headers: Record<string, string> = { [SECRET_HEADER]: SECRET }) =>
  fetch(`http://127.0.0.1:${bot.port}${WEBHOOK_PATH}`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

/** Sum of a counter's series in a /metrics text. */
const counter = (text: string, name: string): number =>
  text
    .split("\n")
    .filter((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{`))
    .reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);

type Run = {
  outcome: MeetingOutcome;
  ballots: Array<{ presenter: number; judgeId: number; scores: number[]; version: number }>;
  sentTo: Record<number, number>;
  answers: number;
  metrics: string[];
};

describe("replicas in webhook mode", () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  const start = async (count: number) => {
    const api: BotApiServer = await startBotApiServer();
    cleanups.push(() => api.close());
    const redis: TestRedis = testRedis();
    cleanups.push(() => redis.cleanup());
    const bots: BotProcess[] = [];
    // One after the other: each is ready once it has registered the webhook.
    for (let i = 0; i < count; i++) {
      const bot = await startBotProcess({ ...api, redisUrl: redis.url, prefix: redis.prefix, env: webhookEnv, readyMethod: "setWebhook" });
      cleanups.push(() => bot.stop("SIGKILL"));
      bots.push(bot);
    }
    return { api, redis, bots };
  };

  /** Runs the meeting, POSTing every update to every bot at once; returns what it left behind. */
  const meeting = async ({ api, redis, bots }: Awaited<ReturnType<typeof start>>): Promise<Run> => {
    const deliver = async () => {
      for (let updates = api.model.takeUpdates(); updates.length > 0; updates = api.model.takeUpdates()) {
        for (const update of updates) {
          const body = JSON.stringify(update);
          const statuses = await Promise.all(bots.map(async (bot) => (await post(bot, body)).status));
          expect(statuses).toEqual(bots.map(() => 200));
        }
      }
    };
    const outcome = await runMeeting(api.model, deliver);
    // The bot process uses the prefix without its trailing colon (see startBotProcess).
    const prefix = redis.prefix.replace(/:+$/, "");
    const store = createStore(redis.redis, prefix);
    const ids = (await redis.redis.keys(`${prefix}:c:*:meta`)).map((key) => /\{([^}]+)\}/.exec(key)![1]!);
    expect(ids).toHaveLength(1);
    const ballots: Run["ballots"] = [];
    for (const id of ids) {
      for (const [presenter, list] of await store.ballots.forPresenters(id, [0, 1])) {
        for (const b of list) ballots.push({ presenter, judgeId: b.judgeId, scores: b.scores, version: b.version });
      }
    }
    const sentTo: Record<number, number> = {};
    for (const chat of [MEETING_GROUP, ...judges.map((j) => j.id)]) sentTo[chat] = api.model.callsTo("sendMessage").filter((c) => Number(c.params.chat_id) === chat).length;
    const metrics = await Promise.all(bots.map(async (bot) => (await fetch(`http://127.0.0.1:${bot.port}/metrics`)).text()));
    return { outcome, ballots, sentTo, answers: api.model.callsTo("answerCallbackQuery").length, metrics };
  };

  it("applies each update once and ends the meeting exactly as one process does", async () => {
    const single = await meeting(await start(1));
    const pair = await start(2);
    const replicated = await meeting(pair);

    expect(single.outcome.finalRanking).toContain("最终排名");
    expect(replicated.outcome.finalRanking).toBe(single.outcome.finalRanking);
    expect(replicated.ballots).toEqual(single.ballots);
    expect(replicated.ballots).toHaveLength(6);
    expect(replicated.ballots.find((b) => b.presenter === 1 && b.judgeId === judges[2]!.id)?.version).toBe(2);
    // Each button press answered once, each message sent once.
    expect(replicated.answers).toBe(replicated.outcome.callbackQueries);
    expect(replicated.sentTo).toEqual(single.sentTo);

    // Between them the replicas handled every update once and dropped every second delivery.
    const [a, b] = replicated.metrics as [string, string];
    const updates = replicated.outcome.updates;
    expect(counter(a, "bot_updates_total") + counter(b, "bot_updates_total")).toBe(updates);
    expect(counter(a, "bot_updates_duplicate_total") + counter(b, "bot_updates_duplicate_total")).toBe(updates);
    expect(counter(a, "bot_ballots_submitted_total") + counter(b, "bot_ballots_submitted_total")).toBe(7);

    // Both stop cleanly on SIGTERM.
    expect(await Promise.all(pair.bots.map((bot) => bot.stop("SIGTERM")))).toEqual([0, 0]);
    for (const bot of pair.bots) expect(bot.logs.some((line) => line.includes('"stopped"'))).toBe(true);
  });

  it("registers the webhook with its secret, answers health checks, and refuses posts without (401) or with a wrong secret (403)", async () => {
    const { api, bots } = await start(1);
    const [bot] = bots as [BotProcess];
    const registered = api.model.callsTo("setWebhook").at(-1)!;
    expect(registered.params).toMatchObject({ url: webhookEnv.WEBHOOK_URL, secret_token: SECRET });
    expect(JSON.stringify(registered.params.allowed_updates)).toContain("callback_query");

    const health = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", mode: "webhook" });

    const update = JSON.stringify(api.model.send(judges[0]!, judges[0]!.id, "/start"));
    expect((await post(bot, update, {})).status).toBe(401);
    expect((await post(bot, update, { [SECRET_HEADER]: "not-the-secret-at-all-0000" })).status).toBe(403);
    expect(api.model.callsTo("sendMessage")).toHaveLength(0);
    expect((await post(bot, update)).status).toBe(200);
    expect(api.model.callsTo("sendMessage")).toHaveLength(1);
    expect(await bot.stop("SIGTERM")).toBe(0);
  });
});
