// Telegram's budget shared by two real bot processes (built, webhook mode) on one Redis, against
// the simulated Bot API over HTTP enforcing Telegram's limits (30 a second in all, 1 a second per
// chat, 20 a minute per group) and recording when each call arrived:
// - two meetings open their rounds at the same moment, some judges sitting in both: together the
//   processes keep the budget's rate and each chat's second, with no 429;
// - a judge's tap meanwhile is answered while most of the broadcast is still to go;
// - one process loses Redis (its connection goes through a proxy the test cuts) in the middle of a
//   broadcast: it paces itself at its share, the rate divided by the two replicas it heard of.
import { connect, createServer, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotApiServer, type ApiCall, type BotApiServer, type TelegramModel, type TestUser } from "../support/bot-api-server.js";
import { freePort, testRedis, type TestRedis } from "../support/redis.js";
import { startBotProcess, type BotProcess } from "../support/run-bot.js";

const SECRET = "budget-test-secret-0123456789abcdef";
const WEBHOOK_PATH = "/tg/webhook";
/**
 * BROADCAST_RATE_PER_S of both processes: below the default 28 so that a busy machine's delays
 * between a grant and the request reaching the API never crowd 31 messages into a second here
 * (24/s leaves 250 ms); the default's own margin is measured by `npm run bench -- --replicas`.
 */
const RATE = 24;
const OWN_JUDGES = 70;
const SHARED_JUDGES = 10;

const chairOf = (g: number): TestUser => ({ id: 40_000_000 + g, first_name: `主持人${g}`, language_code: "zh-hans" });
const judgeOf = (g: number, j: number): TestUser => ({ id: 41_000_000 + g * 1000 + j, first_name: `评委${g}-${j}`, language_code: "zh-hans" });
const sharedJudge = (j: number): TestUser => ({ id: 42_000_000 + j, first_name: `共同评委${j}`, language_code: "zh-hans" });
const groupOf = (g: number) => -1_004_000_000 - g;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP proxy in front of Redis that the test can cut (connections dropped, new ones refused) and restore. */
const startRedisProxy = async (redisUrl: string) => {
  const target = new URL(redisUrl);
  const port = await freePort();
  let open = true;
  let refused = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    if (!open) {
      refused += 1;
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port || 6379), target.hostname);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", close);
      socket.on("close", close);
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const url = new URL(redisUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  const cut = () => {
    open = false;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };
  return {
    url: url.toString(),
    cut,
    restore: () => void (open = true),
    /** Connections refused while cut. */
    refused: () => refused,
    /** Sockets open through the proxy (both sides). */
    open: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        cut();
        server.close(() => resolve());
      }),
  };
};

const post = async (bot: BotProcess, update: unknown) => {
  const response = await fetch(`http://127.0.0.1:${bot.port}${WEBHOOK_PATH}`, {
    method: "POST",
    body: JSON.stringify(update),
    headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`the bot answered the webhook with ${response.status}`);
};

/** A gauge's value in a process's /metrics. */
const gauge = async (bot: BotProcess, name: string): Promise<number | undefined> => {
  const text = await (await fetch(`http://127.0.0.1:${bot.port}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.split(" ").at(-1));
};

/** A contest in group g with these judges and one presenter, set up through process `bot`. */
const setUpMeeting = async (model: TelegramModel, bot: BotProcess, g: number, judges: TestUser[]) => {
  const chat = groupOf(g);
  const chair = chairOf(g);
  model.setAdmins(chat, [], chair.id);
  for (const text of [`/newcontest 评议${g}`, "/criteria\n实施性 30\n创新性 30", "/presenters\n区交通运输局", "/join"]) await post(bot, model.send(chair, chat, text));
  const join = model.lastMessage(chat)!;
  for (const judge of judges) {
    model.startUser(judge);
    await post(bot, model.tap(judge, chat, join.messageId, /加入评委/));
  }
};

const isBallot = (call: ApiCall) => call.method === "sendMessage" && call.response?.ok === true && String(call.params.text ?? "").includes("评分项 1/");
/** A counter's value in a process's /metrics. */
const counter = async (bot: BotProcess, name: string): Promise<number> => {
  const text = await (await fetch(`http://127.0.0.1:${bot.port}/metrics`)).text();
  return text.split("\n").filter((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`)).reduce((sum, l) => sum + Number(l.split(" ").at(-1)), 0);
};
/** Ballots that reached the API since `since`, for the chats given. */
const ballotsTo = (model: TelegramModel, since: number, chats: ReadonlySet<number>) =>
  model.calls.filter((call) => call.seq > since && isBallot(call) && chats.has(Number(call.params.chat_id)));
/** The most arrivals within any 1000 ms. */
const mostInASecond = (times: number[]): number => {
  const sorted = [...times].sort((x, y) => x - y);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
};
const perSecond = (times: number[]) => (times.length - 1) / ((Math.max(...times) - Math.min(...times)) / 1000);

describe("two bot processes share one Telegram budget (simulated Bot API over HTTP)", () => {
  let api: BotApiServer;
  let redis: TestRedis;
  let proxy: Awaited<ReturnType<typeof startRedisProxy>>;
  /** a: straight to Redis; b: through the proxy. */
  let a: BotProcess;
  let b: BotProcess;

  beforeAll(async () => {
    api = await startBotApiServer();
    redis = testRedis();
    proxy = await startRedisProxy(redis.url);
    const env = {
      BOT_MODE: "webhook",
      WEBHOOK_URL: `https://bot.example.test${WEBHOOK_PATH}`,
      WEBHOOK_SECRET: SECRET,
      BROADCAST_RATE_PER_S: String(RATE),
      DEFAULT_LOCALE: "zh-CN",
      // The join message is edited at each join, at once: no trailing edit of the set-up lands in
      // the measured broadcast.
      COUNTER_EDIT_INTERVAL_S: "0",
      LOG_LEVEL: "info",
    };
    a = await startBotProcess({ ...api, redisUrl: redis.url, prefix: redis.prefix, env, readyMethod: "setWebhook" });
    b = await startBotProcess({ ...api, redisUrl: proxy.url, prefix: redis.prefix, env, readyMethod: "setWebhook" });
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a, b].map((bot) => bot?.stop("SIGKILL")));
    await proxy?.close();
    await api?.close();
    await redis?.cleanup();
  });

  it("keeps the global rate and each chat's second together, and answers a tap while the broadcasts go out", async () => {
    const { model } = api;
    const shared = Array.from({ length: SHARED_JUDGES }, (_, j) => sharedJudge(j));
    const own = (g: number) => Array.from({ length: OWN_JUDGES }, (_, j) => judgeOf(g, j));
    await Promise.all([setUpMeeting(model, a, 1, [...shared, ...own(1)]), setUpMeeting(model, b, 2, [...shared, ...own(2)])]);
    model.takeUpdates();
    model.setRateLimit({ global: 30, perChat: 1, windowMs: 1000, retryAfter: 1, perGroupPerMinute: 20, privateEditsFree: true });

    const since = model.checkpoint();
    const openedAt = Date.now();
    // Each chair opens the round on their own process at the same moment; a webhook answers
    // within 5 s, the broadcast goes on behind it.
    const opening = Promise.all([post(a, model.send(chairOf(1), groupOf(1), "/open")), post(b, model.send(chairOf(2), groupOf(2), "/open"))]);
    const chatsOf = (judges: TestUser[]) => new Set(judges.map((judge) => judge.id));
    const everyone = chatsOf([...own(1), ...own(2), ...shared]);
    const expected = 2 * OWN_JUDGES + 2 * SHARED_JUDGES;

    // Once a quarter of the ballots are out, a judge of the first meeting who has theirs taps a score.
    await model.waitFor((m) => ballotsTo(m, since, everyone).length >= expected / 4 || undefined, 30_000, "a quarter of the ballots");
    const reached = new Set(ballotsTo(model, since, everyone).map((call) => Number(call.params.chat_id)));
    const tapper = own(1).find((judge) => reached.has(judge.id))!;
    const ballot = model.lastMessage(tapper.id)!;
    const update = model.tap(tapper, tapper.id, ballot.messageId, "20");
    const mark = model.checkpoint();
    const posted = Date.now();
    await post(a, update);
    const answered = await model.waitFor(
      (m) => {
        const later = m.calls.filter((call) => call.seq > mark);
        const answer = later.find((call) => call.method === "answerCallbackQuery" && call.params.callback_query_id === update.callback_query!.id);
        const edit = later.find((call) => call.method.startsWith("editMessage") && Number(call.params.chat_id) === tapper.id);
        return answer && edit ? Math.max(answer.at, edit.at) : undefined;
      },
      20_000,
      "the answer and the edit of the tap",
    );
    const tapMs = answered - posted;
    const sentByTap = ballotsTo(model, since, everyone).filter((call) => call.at <= answered).length;
    expect(model.lastMessage(tapper.id)?.text).toContain("评分项 2/");

    await model.waitFor((m) => ballotsTo(m, since, everyone).length >= expected || undefined, 60_000, "every ballot of both broadcasts");
    await opening;
    const ballots = ballotsTo(model, since, everyone);
    const broadcastMs = Math.max(...ballots.map((call) => call.at)) - openedAt;

    // No 429 at all, and every judge got their ballot once per meeting.
    const limited = (call: ApiCall) => call.seq > since && call.response?.ok === false && call.response.error_code === 429;
    expect(model.calls.filter(limited).map((call) => `${call.method} to ${String(call.params.chat_id)} at +${call.at - openedAt} ms`)).toEqual([]);
    expect(model.rateLimited).toBe(0);
    expect(ballots).toHaveLength(expected);
    for (const judge of shared) expect(ballots.filter((call) => Number(call.params.chat_id) === judge.id)).toHaveLength(2);

    // The global rate: never more than Telegram's 30 in a second, and together no faster than the
    // budget's 24/s (each process alone would send at 24/s: 48/s together without the sharing).
    const counted = model.calls.filter(
      (call) => call.seq > since && call.response?.ok === true && (call.method === "sendMessage" || (call.method.startsWith("edit") && Number(call.params.chat_id) < 0)),
    );
    expect(mostInASecond(counted.map((call) => call.at))).toBeLessThanOrEqual(30);
    const together = perSecond(ballots.map((call) => call.at));
    expect(together).toBeLessThanOrEqual(RATE + 1);
    // Both broadcast at once, each taking part of the budget, not its whole rate.
    const byProcess = [1, 2].map((g) => ballotsTo(model, since, chatsOf(own(g))).map((call) => call.at));
    const overlapStart = Math.max(...byProcess.map((times) => Math.min(...times)));
    const overlapEnd = Math.min(...byProcess.map((times) => Math.max(...times)));
    expect(overlapEnd - overlapStart).toBeGreaterThan(0.5 * broadcastMs);
    for (const times of byProcess) expect(perSecond(times.filter((t) => t >= overlapStart && t <= overlapEnd))).toBeLessThan(0.75 * RATE);

    // Each chat both processes wrote to got its two ballots at least a second apart.
    for (const judge of shared) {
      const [first, second] = ballots.filter((call) => Number(call.params.chat_id) === judge.id).map((call) => call.at).sort((x, y) => x - y);
      expect(second! - first!).toBeGreaterThanOrEqual(1000);
    }

    // The tap did not wait for the broadcasts: answered in a small part of their time, with most
    // of the ballots still to go.
    expect(tapMs).toBeLessThan(0.25 * broadcastMs);
    expect(sentByTap).toBeLessThan(0.6 * expected);
    const lapsed = await Promise.all([a, b].map((bot) => counter(bot, "bot_send_slots_lapsed_total")));
    console.info(
      `[ops] two processes, ${expected} ballots: ${(broadcastMs / 1000).toFixed(2)} s, ${together.toFixed(1)}/s together (budget ${RATE}/s), ` +
        `at most ${mostInASecond(counted.map((call) => call.at))} in a second, 429s 0, slots lapsed ${lapsed.join(" + ")}; a tap answered in ${tapMs} ms with ${expected - sentByTap} ballots still to go`,
    );
  }, 120_000);

  it("paces a process that lost Redis at its share: the rate divided by the replicas it heard of", async () => {
    const { model } = api;
    const judges = Array.from({ length: 120 }, (_, j) => judgeOf(3, j));
    // Set up without the limits (the join message's edits alone would pass the group's 20 a minute).
    model.setRateLimit(undefined);
    await setUpMeeting(model, b, 3, judges);
    model.takeUpdates();
    model.setRateLimit({ global: 30, perChat: 1, windowMs: 1000, retryAfter: 1, perGroupPerMinute: 20, privateEditsFree: true });
    const chats = new Set(judges.map((judge) => judge.id));
    // b has heard both processes' heartbeats (every 2 s).
    for (let i = 0; (await gauge(b, "bot_send_budget_replicas")) !== 2; i++) {
      if (i > 100) throw new Error("b never heard of two replicas");
      await sleep(100);
    }

    const since = model.checkpoint();
    void post(b, model.send(chairOf(3), groupOf(3), "/open")).catch(() => undefined);
    await model.waitFor((m) => ballotsTo(m, since, chats).length >= 3 || undefined, 30_000, "the broadcast's first ballots");
    const refusedBefore = proxy.refused();
    const cutAt = Date.now();
    proxy.cut();
    // The process itself says it lost the budget and paces alone (its own account, read over HTTP).
    let fallbackAt: number | undefined;
    while (fallbackAt === undefined) {
      if (Date.now() - cutAt > 15_000) throw new Error(`b never reported the fallback; last lines:\n${b.logs.slice(-20).join("\n")}`);
      if ((await gauge(b, "bot_send_budget_fallback")) === 1) fallbackAt = Date.now();
      else await sleep(50);
    }
    await sleep(4000);
    // Still cut, and still in fallback, at the end of the window: Redis really was out of reach.
    expect(await gauge(b, "bot_send_budget_fallback")).toBe(1);
    expect(await gauge(b, "bot_send_budget_replicas")).toBe(2);
    const restoredAt = Date.now();
    const refused = proxy.refused() - refusedBefore;
    expect(proxy.open()).toBe(0);
    proxy.restore();

    expect(refused).toBeGreaterThan(0);
    expect(b.logs.some((line) => line.includes("send budget unavailable"))).toBe(true);
    const inWindow = ballotsTo(model, since, chats)
      .map((call) => call.at)
      .filter((t) => t >= fallbackAt! && t <= restoredAt);
    const windowS = (restoredAt - fallbackAt) / 1000;
    const share = RATE / 2;
    // It kept sending (the broadcast was not stalled) but at its share, 12/s, not the full 24/s.
    expect(inWindow.length).toBeGreaterThanOrEqual(10);
    expect(inWindow.length / windowS).toBeLessThanOrEqual(share * 1.25);
    expect(mostInASecond(inWindow)).toBeLessThanOrEqual(share + 3);

    // Back on Redis, it finishes the broadcast through the shared budget again.
    await model.waitFor((m) => ballotsTo(m, since, chats).length >= judges.length || undefined, 60_000, "the rest of the broadcast");
    for (let i = 0; (await gauge(b, "bot_send_budget_fallback")) !== 0; i++) {
      if (i > 200) throw new Error("b never went back to the shared budget");
      await sleep(100);
    }
    expect(model.rateLimited).toBe(0);
    console.info(
      `[ops] b without Redis for ${windowS.toFixed(1)} s (${refused} connections refused): ${inWindow.length} ballots, ` +
        `${(inWindow.length / windowS).toFixed(1)}/s (share ${share}/s), at most ${mostInASecond(inWindow)} in a second`,
    );
  }, 120_000);
});
