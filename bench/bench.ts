// `npm run bench`: the real bot (createBot) in-process, its Bot API answered at once by the
// Telegram model (modelFetch: grammY's own serialisation, autoRetry and the metrics transformer
// all run), against the real local Redis (REDIS_URL, a unique prefix removed at the end).
//
//   node dist/bench/bench.js [--groups=50] [--judges=30] [--presenters=10] [--criteria=4]
//                            [--solo-judges=400] [--broadcast-judges=200] [--dedupe] [--quick]
//                            [--burst] [--burst-groups=3] [--burst-judges=100]
//                            [--replicas] [--replica-judges=100] [--taps] [--profile=DIR] [--rate-limit]
//   (or BENCH_GROUPS, BENCH_JUDGES, BENCH_PRESENTERS, BENCH_CRITERIA, ... in the environment)
//
// Phases:
//  1. meeting: G groups × J judges × P presenters × C criteria; per round every group's chair
//     opens it, then all judges tap through their ballots at once (C value taps + submit each);
//     taps/s, ballots/s, latency under that load, Redis commands per tap (INFO commandstats).
//  2. solo: one tap at a time (no queueing): the latency of one tap, update in → API calls out.
//  3. ceiling: the same number of ballot-state EVALSHA calls straight from ioredis, same concurrency
//     (on the bot's client and on a plain connection without auto-pipelining; the faster counts).
//  4. ranking: 1,000 presenters × 100 judges through the pure domain (presenterResult + computeStandings).
//  5. broadcast: a round opened for N judges against a Bot API that answers 429 above 30 msg/s.
//  6. burst (alone with --burst): 300 judges in 3 groups submit within 10 s against a Bot API that
//     enforces Telegram's limits; until every ballot is stored, until every judge sees it, 429s, lost.
//  7. API calls per ballot: judges score by the buttons and by the Mini App (its HTTP routes with
//     signed initData); the Bot API calls each ballot costs the judge's chat, and the counter's.
//  8. replicas (alone with --replicas): 3 built bot processes (dist/src/main.js, webhook mode) on one
//     Redis, each opening a round for its own 100-judge meeting at the same moment, against a
//     simulated Bot API over HTTP that enforces Telegram's limits; meanwhile judges of a fourth
//     meeting tap, each tap timed from posting its update until the bot's answer and edit arrive.
//     (BENCH_DEBUG_429=1 prints each 429 of this run with the messages in the second before it.)
// Prints a table, then (last line) one JSON object with the figures.
import { rankingBallots, rankingSetup, rankWorkload } from "./ranking-workload.js";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import inspector from "node:inspector/promises";
import { Redis } from "ioredis";
import { pino } from "pino";
import { createBot, type CreateBotOptions } from "../src/bot/create-bot.js";
import { encodeCallback } from "../src/bot/callback-data.js";
import { unpacedSendQueue } from "../src/bot/send-queue.js";
import { createMetrics } from "../src/metrics.js";
import { createRedis } from "../src/redis.js";
import { contestKeys } from "../src/store/keys.js";
import { readScript } from "../src/store/scripts.js";
import { createStore, type Store } from "../src/store/store.js";
import { TelegramModel, type TestUser } from "../test/support/telegram-model.js";
import { modelFetch } from "../test/support/telegram-transformer.js";
import { startBotApiServer } from "../test/support/bot-api-server.js";
import { startBotProcess, type BotProcess } from "../test/support/run-bot.js";
import type { Update } from "grammy/types";
import { Hono } from "hono";
import type { BallotApp } from "../src/bot/ballot-app.js";
import { BALLOT_APP_PATH } from "../src/bot/ballot-app-link.js";
import { createBallotRoutes } from "../src/http/app/ballot-routes.js";
import { createInitDataCheck } from "../src/http/app/init-data.js";
import { signedInitData } from "../test/support/init-data.js";

// ───────────────────────────── options ─────────────────────────────

const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [key = "", value = "1"] = arg.replace(/^--?/, "").split("=");
    return [key.toLowerCase(), value] as const;
  }),
);
const quick = args.has("quick") || process.env.BENCH_QUICK === "1";
const option = (name: string, fallback: number, quickValue: number): number => {
  const raw = args.get(name) ?? process.env[`BENCH_${name.toUpperCase().replace(/-/g, "_")}`];
  const value = raw === undefined ? (quick ? quickValue : fallback) : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
};
const G = option("groups", 50, 5);
const J = option("judges", 30, 10);
const P = option("presenters", 10, 3);
const C = option("criteria", 4, 4);
/**
 * Rounds tapped before the measured ones and not counted: a fresh process compiles its hot code
 * (V8's JIT) and fills its caches during its first few thousand taps, a one-time cost that a bot
 * running through a meeting pays once, not per tap (the first round cost about twice the others).
 */
const WARM_UP_ROUNDS = 1;
const SOLO_JUDGES = Math.min(option("solo-judges", 400, 50), G * J);
const BROADCAST_JUDGES = option("broadcast-judges", 200, 60);
/** --burst: only the meeting burst (300 judges in 3 groups by default). */
const BURST_ONLY = args.has("burst");
const BURST_GROUPS = option("burst-groups", 3, 3);
const BURST_JUDGES_PER_GROUP = option("burst-judges", 100, 100);
const BURST_WINDOW_MS = 10_000;
/** A judge's pause before each tap (reading the next criterion). */
const BURST_THINK_MS = 300;
/** --taps: only the meeting, one-at-a-time and ceiling phases (the cost of a tap; for profiling). */
const TAPS_ONLY = args.has("taps");
/** --profile=DIR: CPU and allocation profiles of the meeting phase's tapping (one per round) written there. */
const PROFILE_DIR = args.get("profile");
/** --replicas: only the three-replica broadcast. */
const REPLICAS_ONLY = args.has("replicas");
const REPLICAS = 3;
const REPLICA_JUDGES = option("replica-judges", 100, 100);
/** Judges of the fourth meeting, who tap while the three broadcasts go out. */
const TAP_JUDGES = 20;
const RANK_PRESENTERS = option("ranking-presenters", 1000, 1000);
const RANK_JUDGES = option("ranking-judges", 100, 100);
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
/** As in webhook mode: every update first claims its update_id in Redis (one SET NX more). */
const DEDUPE = args.has("dedupe") || process.env.BENCH_DEDUPE === "1";
/** As in production (main.ts): the per-user rate limit on presses and commands. */
const RATE_LIMIT = args.has("rate-limit");
/** Each criterion's maximum: every value fits on one keypad page (≤ 40 buttons). */
const MAX = Math.min(30, Math.floor(100 / C));

// ───────────────────────────── helpers ─────────────────────────────

const logger = pino({ level: process.env.BENCH_LOG_LEVEL ?? "silent" });
const now = () => performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN, n: sorted.length };
};
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** Runs `jobs` with at most `limit` at a time. */
const pool = async <T>(items: T[], limit: number, job: (item: T) => Promise<void>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await job(items[next++]!);
    }),
  );
};

/** calls per command from INFO commandstats ("cmdstat_evalsha:calls=12,..."). */
const commandStats = async (redis: Redis): Promise<Map<string, number>> => {
  const info = await redis.info("commandstats");
  const stats = new Map<string, number>();
  for (const line of info.split("\n")) {
    const match = /^cmdstat_([^:]+):calls=(\d+)/.exec(line.trim());
    if (match) stats.set(match[1]!, Number(match[2]));
  }
  return stats;
};
const statsDelta = (before: Map<string, number>, after: Map<string, number>) => {
  const delta = new Map<string, number>();
  for (const [name, calls] of after) {
    const d = calls - (before.get(name) ?? 0);
    // The INFO calls that take the snapshots are not the bot's.
    if (d > 0 && name !== "info") delta.set(name, d);
  }
  return delta;
};
const addInto = (total: Map<string, number>, more: Map<string, number>) => {
  for (const [name, n] of more) total.set(name, (total.get(name) ?? 0) + n);
};

/** Counts the commands this connection sends (a cross-check of INFO, which counts every client). */
const countCommands = (redis: Redis) => {
  const counts = new Map<string, number>();
  // Scripts by name ("evalsha ballot-state.lua"), so that an extra script call per tap shows.
  const scripts = new Map<string, string>();
  for (const file of readdirSync(new URL("../src/store/scripts/", import.meta.url)).filter((name) => name.endsWith(".lua"))) {
    scripts.set(createHash("sha1").update(readScript(file)).digest("hex"), file);
  }
  const original = redis.sendCommand.bind(redis);
  redis.sendCommand = ((command: { name: string; args?: unknown[] }, stream?: unknown) => {
    const sha = command.name === "evalsha" ? String(command.args?.[0] ?? "") : "";
    const name = scripts.has(sha) ? `evalsha ${scripts.get(sha)}` : command.name;
    counts.set(name, (counts.get(name) ?? 0) + 1);
    return original(command as never, stream as never);
  }) as typeof redis.sendCommand;
  return counts;
};

const deleteByPrefix = async (redis: Redis, prefix: string) => {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== "0");
};

const table = (title: string, rows: Array<[string, string | number]>) => {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${title}`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
};

// ───────────────────────────── the bot under test ─────────────────────────────

/**
 * The tap phases' light Bot API responder (`responder.light`): answerCallbackQuery and the edits
 * are answered in-process with a minimal valid result (true; a Message with its id, date and chat),
 * as the issue's reference did, instead of going through the Telegram model (undici Response and
 * web streams, the body decoded, the message stored and compared, JSON both ways). The bot still
 * serialises every call as it would for Telegram (the request body is the bot's work); only the
 * reply's parse is not counted (a real one would be the whole edited message). Every other method
 * goes to the model. The driver names the button it will press next in each chat (`next`, as its
 * JSON `"callback_data":"…"`), and the responder notes whether the chat's latest edit shows it
 * (`onScreen`), so the driver checks each press was on the judge's screen without this process
 * keeping every judge's last ~4 KB body alive between taps (garbage the bot would not make).
 */
type Responder = { light: boolean; next: Map<number, string>; onScreen: Map<number, boolean>; answers: number; edits: number };

const lightResponse = (result: unknown) => {
  const body = { ok: true, result };
  return { ok: true, status: 200, json: () => Promise.resolve(body) } as unknown as Response;
};
/** The integer after `"field":` in a JSON body (found by indexOf: a regex on the ~5 KB body copies it). */
const jsonInteger = (body: string, field: string): number => {
  const at = body.indexOf(field);
  if (at < 0) return Number.NaN;
  let end = at + field.length;
  if (body.charCodeAt(end) === 45) end += 1; // "-"
  while (end < body.length && body.charCodeAt(end) >= 48 && body.charCodeAt(end) <= 57) end += 1;
  return Number(body.slice(at + field.length, end));
};

const responderFetch = (model: TelegramModel, responder: Responder): typeof fetch => {
  const viaModel = modelFetch(model);
  return (async (input: string | URL | Request, init?: RequestInit) => {
    if (!responder.light || typeof input !== "string") return viaModel(input, init);
    const method = input.slice(input.lastIndexOf("/") + 1);
    if (method === "answerCallbackQuery") {
      responder.answers += 1;
      return lightResponse(true);
    }
    if ((method === "editMessageText" || method === "editMessageReplyMarkup") && typeof init?.body === "string") {
      const body = init.body;
      const chatId = jsonInteger(body, '"chat_id":');
      const messageId = jsonInteger(body, '"message_id":');
      if (!Number.isInteger(chatId) || !Number.isInteger(messageId)) throw new Error(`light responder: no chat_id/message_id in ${method}`);
      responder.edits += 1;
      const needle = responder.next.get(chatId);
      if (needle !== undefined) responder.onScreen.set(chatId, body.includes(needle));
      return lightResponse({ message_id: messageId, date: Math.floor(Date.now() / 1000), chat: chatId > 0 ? { id: chatId, type: "private", first_name: "-" } : { id: chatId, type: "supergroup", title: "-" }, text: "-" });
    }
    return viaModel(input, init);
  }) as typeof fetch;
};

type BenchBot = {
  model: TelegramModel;
  responder: Responder;
  store: Store;
  ballotApp: BallotApp;
  handle: (update: Update) => Promise<void>;
  stop: () => Promise<void>;
};
/** What drives a meeting through the bot: in-process (BenchBot) or over a replica's webhook. */
type MeetingDriver = Pick<BenchBot, "model" | "store" | "handle">;

const buildBot = (redis: Redis, prefix: string, extra: Partial<CreateBotOptions>): BenchBot => {
  const model = new TelegramModel();
  const responder: Responder = { light: false, next: new Map(), onScreen: new Map(), answers: 0, edits: 0 };
  const store = createStore(redis, prefix);
  const created = createBot({
    token: model.token,
    botInfo: model.botInfo,
    config: { DEFAULT_LOCALE: "zh-CN", COUNTER_EDIT_INTERVAL_S: 4, TELEGRAM_API_ROOT: "http://bot-api.invalid" },
    store,
    logger,
    client: { fetch: responderFetch(model, responder) },
    ...extra,
  });
  return {
    model,
    responder,
    store,
    ballotApp: created.ballotApp,
    handle: async (update) => {
      await created.bot.handleUpdate(update);
    },
    stop: created.stop,
  };
};

const chairOf = (g: number): TestUser => ({ id: 10_000_000 + g, first_name: `主持人${g}`, language_code: "zh-hans" });
const judgeOf = (g: number, j: number): TestUser => ({ id: 20_000_000 + g * 10_000 + j, first_name: `评委${g}-${j}`, language_code: "zh-hans" });
const groupOf = (g: number) => -1_000_000_000 - g;
/** A score that differs by judge, presenter and criterion. */
const scoreOf = (g: number, j: number, p: number, c: number) => (g * 7 + j * 13 + p * 17 + c * 5) % (MAX + 1);

/** Creates a contest in group g with `judges` judges and `presenters` presenters, through the bot. */
const setUpGroup = async (bot: MeetingDriver, g: number, judges: number, presenters: number) => {
  const { model } = bot;
  const chat = groupOf(g);
  const chair = chairOf(g);
  model.setAdmins(chat, [], chair.id);
  const say = async (text: string) => {
    const update = model.send(chair, chat, text);
    await bot.handle(update);
  };
  await say(`/newcontest 基准评议 ${g}`);
  await say(`/criteria\n${Array.from({ length: C }, (_, c) => `指标${c + 1} ${MAX}`).join("\n")}`);
  await say(`/presenters\n${Array.from({ length: presenters }, (_, p) => `单位${p + 1}`).join("\n")}`);
  await say("/join");
  const join = model.lastMessage(chat)!;
  for (let j = 0; j < judges; j++) {
    const judge = judgeOf(g, j);
    model.startUser(judge);
    await bot.handle(model.tap(judge, chat, join.messageId, /加入评委/));
  }
  const contest = await bot.store.contests.activeForChat(chat);
  if (!contest) throw new Error(`group ${g}: no contest after set-up`);
  const enrolled = await bot.store.judges.count(contest.id);
  if (enrolled !== judges) throw new Error(`group ${g}: ${enrolled}/${judges} judges enrolled`);
  return contest.id;
};

const command = async (bot: MeetingDriver, g: number, text: string) => {
  await bot.handle(bot.model.send(chairOf(g), groupOf(g), text));
};

/** One judge taps through their ballot: C values, then submit. Returns each tap's latency (ms). */
const tapBallot = async (bot: BenchBot, g: number, j: number, p: number, latencies: number[], submits: number[]) => {
  if (bot.responder.light) return tapBallotLight(bot, g, j, p, latencies, submits);
  const judge = judgeOf(g, j);
  for (let c = 0; c < C; c++) {
    const ballot = bot.model.lastMessage(judge.id)!;
    const update = bot.model.tap(judge, judge.id, ballot.messageId, String(scoreOf(g, j, p, c)));
    const started = now();
    await bot.handle(update);
    latencies.push(now() - started);
  }
  const review = bot.model.lastMessage(judge.id)!;
  const update = bot.model.tap(judge, judge.id, review.messageId, /^✅/);
  const started = now();
  await bot.handle(update);
  submits.push(now() - started);
};

let lightCallbackId = 0;
/**
 * tapBallot with the light responder: the model no longer sees the edits, so the press is built
 * here (the callback data the keypad's button carries), after checking that the judge's screen
 * (the last edit of their chat, or the ballot message for the first press) has that very button.
 * The update's message is the ballot message as the round's broadcast left it (the ballot path
 * reads only the data, the chat and the message id of it).
 */
const tapBallotLight = async (bot: BenchBot, g: number, j: number, p: number, latencies: number[], submits: number[]) => {
  const judge = judgeOf(g, j);
  const stored = bot.model.lastMessage(judge.id)!;
  const message = bot.model.toMessage(bot.model.chat(judge.id), stored);
  const buttons = (stored.replyMarkup as { inline_keyboard?: Array<Array<{ callback_data?: string }>> } | undefined)?.inline_keyboard?.flat() ?? [];
  const contestId = /^[a-z]+\|([^|]+)\|/.exec(buttons.find((b) => b.callback_data)?.callback_data ?? "")?.[1];
  if (!contestId) throw new Error(`judge ${judge.id}: no ballot buttons on message ${stored.messageId}`);
  const from = bot.model.toUser(judge);
  const { next, onScreen } = bot.responder;
  const presses = [...Array.from({ length: C }, (_, c) => encodeCallback("v", contestId, p, c, scoreOf(g, j, p, c))), encodeCallback("s", contestId, p)];
  const needle = (data: string) => `"callback_data":"${data}"`;
  onScreen.delete(judge.id);
  for (const [i, data] of presses.entries()) {
    const shown = i === 0 ? buttons.some((b) => b.callback_data === data) : onScreen.get(judge.id) === true;
    if (!shown) throw new Error(`judge ${judge.id}: no button ${data} on their screen`);
    onScreen.delete(judge.id);
    const following = presses[i + 1];
    if (following === undefined) next.delete(judge.id);
    else next.set(judge.id, needle(following));
    lightCallbackId += 1;
    const update: Update = { update_id: 2_000_000_000 + lightCallbackId, callback_query: { id: String(lightCallbackId), from, chat_instance: String(judge.id), message, data } };
    const started = now();
    await bot.handle(update);
    (i < C ? latencies : submits).push(now() - started);
  }
};

/** The tap figures of the rounds (and solo taps) the Telegram model answered, as before the light responder. */
const withModel = (
  meeting: { modelTaps: number; modelMs: number; modelCpuUs: number; soloModel: { p50: number; p99: number } },
  ceiling: { perSecond: number },
) => {
  const tapsPerS = (meeting.modelTaps / meeting.modelMs) * 1000;
  return {
    taps_with_model: meeting.modelTaps,
    taps_per_s_with_model: round(tapsPerS, 0),
    ratio_to_ceiling_with_model: round(tapsPerS / ceiling.perSecond, 3),
    cpu_us_per_tap_with_model: round(meeting.modelCpuUs / meeting.modelTaps, 0),
    tap_p50_ms_with_model: round(meeting.soloModel.p50, 3),
    tap_p99_ms_with_model: round(meeting.soloModel.p99, 3),
  };
};

/** The tap figures both outputs print (the full bench and --taps), in the last JSON line's order. */
type Ceiling = Awaited<ReturnType<typeof ceilingPhase>>;
const tapFigures = (meeting: Awaited<ReturnType<typeof meetingPhase>>, ceiling: Ceiling) => {
  const tapsPerS = (meeting.taps / meeting.tappingMs) * 1000;
  const clientCommands = [...meeting.client.values()].reduce((a, b) => a + b, 0);
  return {
    groups: G,
    judges: J,
    presenters: P,
    criteria: C,
    dedupe: DEDUPE,
    taps: meeting.taps,
    taps_per_s: round(tapsPerS, 0),
    ballots_per_s: round((meeting.ballots / meeting.tappingMs) * 1000, 0),
    ceiling_evals_per_s: round(ceiling.perSecond, 0),
    ratio_to_ceiling: round(tapsPerS / ceiling.perSecond, 3),
    cpu_us_per_tap: round(meeting.tappingCpuUs / meeting.taps, 0),
    ceiling_cpu_us_per_eval: round(ceiling.cpuUsPerCall, 1),
    tap_p50_ms: round(meeting.solo.p50, 3),
    tap_p99_ms: round(meeting.solo.p99, 3),
    tap_p50_ms_loaded: round(meeting.loaded.p50, 1),
    tap_p99_ms_loaded: round(meeting.loaded.p99, 1),
    redis_round_trips_per_tap: round(clientCommands / meeting.allTaps, 3),
    // The least disturbed light round, and the CPU of a tap counted in script calls of the ceiling
    // (how many times a tap costs what its one Redis call costs ioredis and Node, whatever the machine's speed).
    cpu_us_per_tap_best_round: round(meeting.bestRoundCpuPerTap, 0),
    cpu_per_tap_in_ceiling_evals: round(meeting.tappingCpuUs / meeting.taps / ceiling.cpuUsPerCall, 2),
    rss_mb_max_tapping: round(meeting.rssMax / 2 ** 20, 0),
    ceiling_evals_per_s_plain: round(ceiling.perSecondPlain, 0),
    ceiling_evals_per_s_autopipelined: round(ceiling.perSecondAutopipelined, 0),
    node_flags: process.execArgv.join(" "),
  };
};

// ───────────────────────────── phases ─────────────────────────────

/** After a round's tapping: every judge's ballot stored (whichever responder answered), then /close. */
const endRound = async (bot: BenchBot, p: number, contestIds: string[], checker: Redis, prefix: string) => {
  for (const id of contestIds) {
    const stored = await checker.hlen(contestKeys(prefix, id).ballots(p));
    if (stored !== J) throw new Error(`round ${p}: ${stored}/${J} ballots stored in ${id}`);
  }
  await Promise.all(Array.from({ length: G }, (_, g) => command(bot, g, "/close")));
  bot.model.takeUpdates();
  // The model's call log and answered button presses are not needed again; keep memory flat.
  bot.model.calls.splice(0);
  bot.model.callbacks.clear();
};

/** A round tapped as a measured one is (light responder), but not measured. */
const warmUpRound = async (bot: BenchBot, judges: Array<{ g: number; j: number }>, p: number, contestIds: string[], checker: Redis, prefix: string) => {
  bot.responder.light = true;
  await Promise.all(judges.map(({ g, j }) => tapBallot(bot, g, j, p, [], [])));
  bot.responder.light = false;
  await endRound(bot, p, contestIds, checker, prefix);
};

const meetingPhase = async (redis: Redis, prefix: string, clientCounts: Map<string, number>) => {
  const metrics = createMetrics();
  // Rounds open in every group at once; the local API answers at once, so broadcasts go unpaced
  // here (phase 5 measures pacing against a rate-limited API).
  const bot = buildBot(redis, prefix, {
    metrics,
    sendQueue: unpacedSendQueue(),
    dedupeUpdates: DEDUPE,
    // --rate-limit: production's per-user limit on (main.ts), at a limit no bench judge reaches.
    ...(RATE_LIMIT ? { rateLimit: { updates: 100_000, windowS: 10 } } : {}),
  });
  const setupStarted = now();
  const contestIds: string[] = [];
  await pool(
    Array.from({ length: G }, (_, g) => g),
    G,
    async (g) => {
      contestIds[g] = await setUpGroup(bot, g, J, WARM_UP_ROUNDS + P + 1);
    },
  );
  const setupMs = now() - setupStarted;
  bot.model.takeUpdates();

  const latencies: number[] = [];
  const submits: number[] = [];
  // --profile=DIR: a CPU profile of each round's tapping only (no set-up), for `node --cpu-prof`-style analysis.
  const profiler = PROFILE_DIR ? new inspector.Session() : undefined;
  const profiles: object[] = [];
  const heapProfiles: object[] = [];
  if (profiler) {
    profiler.connect();
    await profiler.post("Profiler.enable");
    await profiler.post("Profiler.setSamplingInterval", { interval: 200 });
  }
  const commands = new Map<string, number>();
  const client = new Map<string, number>();
  let tappingMs = 0;
  let tappingCpuUs = 0;
  /** CPU per tap of each light round: the lowest is the figure least disturbed by other processes. */
  const lightRoundCpuPerTap: number[] = [];
  // Its own connection: the bot's commands are counted on `redis`.
  const checker = redis.duplicate();
  // Rounds alternate: even ones answered by the light responder (cpu_us_per_tap, taps_per_s),
  // odd ones by the Telegram model (the *_with_model figures), so both meet the same load.
  let modelMs = 0;
  let modelCpuUs = 0;
  let modelTaps = 0;
  const judges = Array.from({ length: G * J }, (_, i) => ({ g: Math.floor(i / J), j: i % J }));
  // The process's resident memory, sampled through the tapping (the young generation's size shows here).
  let rssMax = 0;
  const rssSampler = setInterval(() => (rssMax = Math.max(rssMax, process.memoryUsage.rss())), 50);
  // Round p taps presenter p; the measured rounds follow the warm-up.
  for (let p = 0; p < WARM_UP_ROUNDS + P; p++) {
    await Promise.all(Array.from({ length: G }, (_, g) => command(bot, g, "/open")));
    if (p < WARM_UP_ROUNDS) {
      await warmUpRound(bot, judges, p, contestIds, checker, prefix);
      continue;
    }
    const before = await commandStats(redis);
    const clientBefore = new Map(clientCounts);
    const light = (p - WARM_UP_ROUNDS) % 2 === 0;
    bot.responder.light = light;
    const started = now();
    const cpu = process.cpuUsage();
    await profiler?.post("Profiler.start");
    // Every allocation sampled, also of objects the young generation's GC has collected since.
    await profiler?.post("HeapProfiler.startSampling", { samplingInterval: 16_384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
    const roundLatencies: number[] = [];
    const roundSubmits: number[] = [];
    await Promise.all(judges.map(({ g, j }) => tapBallot(bot, g, j, p, roundLatencies, roundSubmits)));
    const ms = now() - started;
    const used = process.cpuUsage(cpu);
    bot.responder.light = false;
    const roundTaps = roundLatencies.length + roundSubmits.length;
    if (light) {
      tappingMs += ms;
      tappingCpuUs += used.user + used.system;
      lightRoundCpuPerTap.push((used.user + used.system) / roundTaps);
      latencies.push(...roundLatencies);
      submits.push(...roundSubmits);
    } else {
      modelMs += ms;
      modelCpuUs += used.user + used.system;
      modelTaps += roundTaps;
    }
    if (profiler) {
      profiles.push(((await profiler.post("Profiler.stop")) as { profile: object }).profile);
      heapProfiles.push(((await profiler.post("HeapProfiler.stopSampling")) as { profile: object }).profile);
    }
    addInto(commands, statsDelta(before, await commandStats(redis)));
    addInto(client, statsDelta(clientBefore, clientCounts));
    await endRound(bot, p, contestIds, checker, prefix);
  }

  clearInterval(rssSampler);
  if (profiler) {
    mkdirSync(PROFILE_DIR!, { recursive: true });
    profiles.forEach((profile, i) => writeFileSync(`${PROFILE_DIR}/taps-round${i}.cpuprofile`, JSON.stringify(profile)));
    heapProfiles.forEach((profile, i) => writeFileSync(`${PROFILE_DIR}/taps-round${i}.heapprofile`, JSON.stringify(profile)));
    profiler.disconnect();
  }

  checker.disconnect();

  // Solo: the last presenter's round, one tap at a time (no queueing in front of the tap).
  const soloLatencies: number[] = [];
  const soloSubmits: number[] = [];
  const soloGroups = new Set(judges.slice(0, SOLO_JUDGES).map(({ g }) => g));
  for (const g of soloGroups) await command(bot, g, "/open");
  const soloModelLatencies: number[] = [];
  for (const [i, { g, j }] of judges.slice(0, SOLO_JUDGES).entries()) {
    // Every other judge's taps answered by the model (tap_p99_ms_with_model).
    bot.responder.light = i % 2 === 0;
    await tapBallot(bot, g, j, WARM_UP_ROUNDS + P, bot.responder.light ? soloLatencies : soloModelLatencies, bot.responder.light ? soloSubmits : []);
  }
  bot.responder.light = false;

  const taps = latencies.length + submits.length;
  const ballots = submits.length;

  // Memory of what the ballots left in Redis: the ballots and drafts hashes of every round.
  // Divided by the ballots those hashes hold (every round's, whichever responder answered).
  let ballotBytes = 0;
  let draftBytes = 0;
  let storedBallots = 0;
  for (const id of contestIds) {
    const keys = contestKeys(prefix, id);
    for (let p = 0; p <= WARM_UP_ROUNDS + P; p++) {
      storedBallots += await redis.hlen(keys.ballots(p));
      ballotBytes += Number((await redis.call("MEMORY", "USAGE", keys.ballots(p), "SAMPLES", "0")) ?? 0);
      draftBytes += Number((await redis.call("MEMORY", "USAGE", keys.drafts(p), "SAMPLES", "0")) ?? 0);
    }
  }
  await bot.stop();
  return {
    bot,
    contestIds,
    setupMs,
    tappingMs,
    tappingCpuUs,
    bestRoundCpuPerTap: Math.min(...lightRoundCpuPerTap),
    rssMax,
    taps,
    /** Taps of every round (both responders): the Redis commands were counted over all of them. */
    allTaps: taps + modelTaps,
    modelMs,
    modelCpuUs,
    modelTaps,
    soloModel: summary(soloModelLatencies),
    valueTaps: latencies.length,
    ballots,
    loaded: summary(latencies),
    loadedSubmit: summary(submits),
    solo: summary(soloLatencies),
    soloSubmit: summary(soloSubmits),
    commands,
    client,
    ballotBytes,
    draftBytes,
    storedBallots,
  };
};

/**
 * The same number of ballot-state EVALSHA calls, straight from ioredis, same concurrency: once on
 * the bot's client as configured (auto-pipelining on: see src/redis.ts) and once on a plain
 * connection without it. The ceiling is the faster of the two (auto-pipelining helps the bot's
 * taps but slows this closed loop of single calls; comparing with the slower one would flatter the
 * bot), and its CPU per call is the plain client's: what one EVALSHA costs ioredis and Node.
 */
const ceilingPhase = async (redis: Redis, prefix: string, contestIds: string[], calls: number) => {
  // Scratch copies of the contests with round 0 open, so the real results stay untouched.
  const scratch: string[] = [];
  /** The contest version a bot that has parsed the contest names (the script then leaves its text out). */
  const known: string[] = [];
  for (const [g, id] of contestIds.entries()) {
    const from = contestKeys(prefix, id);
    const copyId = `ceil${String(g).padStart(4, "0")}`;
    const to = contestKeys(prefix, copyId);
    const [meta, judges] = await Promise.all([redis.hgetall(from.meta), redis.hgetall(from.judges)]);
    await redis.hset(to.meta, { ...meta, status: "running", current: "0" });
    await redis.hset(to.judges, judges);
    await redis.hset(to.rounds, "0", "open");
    scratch.push(copyId);
    known.push(meta.cver ?? "");
  }
  const plain = redis.duplicate({ enableAutoPipelining: false });
  const configured = await ceilingCalls(createStore(redis, prefix), scratch, known, calls);
  const bare = await ceilingCalls(createStore(plain, prefix), scratch, known, calls);
  plain.disconnect();
  return {
    calls: bare.calls,
    perSecond: Math.max(configured.perSecond, bare.perSecond),
    cpuUsPerCall: bare.cpuUsPerCall,
    perSecondPlain: bare.perSecond,
    perSecondAutopipelined: configured.perSecond,
  };
};

const ceilingCalls = async (store: Store, scratch: string[], known: string[], calls: number) => {
  const workers = G * J;
  const perWorker = Math.ceil(calls / workers);
  let issued = 0;
  let refused = 0;
  const started = now();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: workers }, async (_, i) => {
      const g = Math.floor(i / J);
      const judge = judgeOf(g, i % J);
      const keys = contestKeys(store.prefix, scratch[g]!);
      for (let k = 0; k < perWorker && issued < calls; k++) {
        issued += 1;
        const c = k % C;
        // Exactly the call of a value tap (store.ballots.tap): every key, the value, the time, the known version.
        const reply = await store.redis.ballotState(
          keys.meta, keys.rounds, keys.judges, keys.drafts(0), keys.ballots(0), keys.audit, keys.conflicts, keys.updateClaim("-"),
          0, judge.id, String(c), String(scoreOf(g, i % J, 0, c)), Date.now(), known[g]!, "",
        );
        if (reply[0] !== "OK") refused += 1;
      }
    }),
  );
  const ms = now() - started;
  const used = process.cpuUsage(cpu);
  // A ceiling of refusals would be no ceiling: every call must record its value, as a tap does.
  if (refused > 0) throw new Error(`ceiling: ${refused}/${issued} ballot-state calls were refused`);
  return { calls: issued, ms, perSecond: (issued / ms) * 1000, cpuUsPerCall: (used.user + used.system) / issued };
};

const rankingPhase = () => {
  const setup = rankingSetup(RANK_PRESENTERS);
  const ballots = rankingBallots(RANK_PRESENTERS, RANK_JUDGES);
  const rank = () => rankWorkload(setup, ballots);
  for (let i = 0; i < 3; i++) rank(); // warm-up (JIT)
  const timings = Array.from({ length: 9 }, () => {
    const started = now();
    const standings = rank();
    if (standings.groups.flatMap((group) => group.rows).length !== RANK_PRESENTERS) throw new Error("ranking lost presenters");
    return now() - started;
  });
  return summary(timings);
};

const broadcastPhase = async (redis: Redis, prefix: string) => {
  const metrics = createMetrics();
  // The production send queue (default 28/s, 1/s per chat) against an API enforcing 30/s.
  const bot = buildBot(redis, `${prefix}:bc`, { metrics, broadcastRatePerS: 28 });
  await setUpGroup(bot, 0, BROADCAST_JUDGES, 1);
  await sleep(1100); // let the set-up's messages leave the limiter's window
  bot.model.setRateLimit({ global: 30, perChat: 1, windowMs: 1000, retryAfter: 1 });
  const since = bot.model.checkpoint();
  const started = now();
  await command(bot, 0, "/open");
  const ms = now() - started;
  const sent = bot.model.calls.filter((c) => c.seq > since && c.method === "sendMessage" && c.response?.ok).length;
  const ballots = bot.model.calls.filter((c) => c.seq > since && c.method === "sendMessage" && Number(c.params.chat_id) > 0 && c.response?.ok).length;
  const limited = bot.model.rateLimited;
  await bot.stop();
  return { ms, sent, ballots, perSecond: (sent / ms) * 1000, rateLimited: limited };
};

/**
 * A meeting burst: BURST_GROUPS groups × BURST_JUDGES_PER_GROUP judges; the chairs open the round
 * at once (the ballots go out paced) and every judge scores 4 criteria and submits, starting at a
 * random moment within 10 s of the open (or when their ballot arrives, if later), with a short
 * pause between taps. The Bot API enforces Telegram's limits: ~30 messages/s overall, 1/s per
 * chat, 20/min per group (edits of a private message are free), answering 429 with retry_after.
 */
const burstPhase = async (redis: Redis, prefix: string) => {
  const bot = buildBot(redis, `${prefix}:burst`, { broadcastRatePerS: 28 });
  const { model } = bot;
  const judges: Array<{ g: number; j: number }> = [];
  for (let g = 0; g < BURST_GROUPS; g++) {
    await setUpGroup(bot, g, BURST_JUDGES_PER_GROUP, 1);
    for (let j = 0; j < BURST_JUDGES_PER_GROUP; j++) judges.push({ g, j });
  }
  model.takeUpdates();
  model.setRateLimit({ global: 30, perChat: 1, windowMs: 1000, retryAfter: 1, perGroupPerMinute: 20, privateEditsFree: true });
  const contestIds = await Promise.all(
    Array.from({ length: BURST_GROUPS }, async (_, g) => (await bot.store.contests.activeForChat(groupOf(g)))!.id),
  );

  const started = now();
  const seen: number[] = [];
  let lost = 0;
  const opening = Promise.all(Array.from({ length: BURST_GROUPS }, (_, g) => command(bot, g, "/open")));
  const scoreOne = async ({ g, j }: { g: number; j: number }) => {
    const judge = judgeOf(g, j);
    await sleep(Math.random() * BURST_WINDOW_MS);
    await model.waitFor((m) => m.lastMessage(judge.id)?.text?.includes("评分项 1/"), 120_000, `ballot of ${judge.first_name}`);
    for (let c = 0; c < C; c++) {
      await sleep(BURST_THINK_MS);
      await bot.handle(model.tap(judge, judge.id, model.lastMessage(judge.id)!.messageId, String(scoreOf(g, j, 0, c))));
    }
    await sleep(BURST_THINK_MS);
    await bot.handle(model.tap(judge, judge.id, model.lastMessage(judge.id)!.messageId, /^✅/));
    if (model.lastMessage(judge.id)?.text?.includes("已提交")) seen.push(now() - started);
    else lost += 1;
  };
  // Every ballot is in Redis: polled, as a meeting secretary would watch the counter.
  const allStored = (async () => {
    for (;;) {
      const counts = await Promise.all(contestIds.map((id) => bot.store.ballots.counts(id, 0)));
      if (counts.reduce((n, x) => n + x.submitted, 0) >= judges.length) return now() - started;
      await sleep(20);
    }
  })();
  await Promise.all([opening, ...judges.map(scoreOne)]);
  const storedMs = await allStored;
  const stored = (await Promise.all(contestIds.map((id) => bot.store.ballots.counts(id, 0)))).reduce((n, x) => n + x.submitted, 0);
  const limitedCalls = model.calls.filter((call) => call.response?.ok === false && call.response.error_code === 429);
  const where = new Map<string, number>();
  for (const call of limitedCalls) {
    const key = `${call.method} (${Number(call.params.chat_id) < 0 ? "group" : "private"})`;
    where.set(key, (where.get(key) ?? 0) + 1);
  }
  const result = {
    judges: judges.length,
    rateLimitedBy: [...where].map(([key, n]) => `${key} ${n}`).join(", ") || "none",
    allStoredS: storedMs / 1000,
    allSeenS: Math.max(...seen) / 1000,
    rateLimited: model.rateLimited,
    lost: judges.length - stored + lost,
  };
  await bot.stop();
  return result;
};

type Burst = Awaited<ReturnType<typeof burstPhase>>;
const burstFigures = (burst: Burst) => ({
  burst_judges: burst.judges,
  burst_all_stored_s: round(burst.allStoredS, 2),
  burst_all_seen_s: round(burst.allSeenS, 2),
  burst_429s: burst.rateLimited,
  burst_lost: burst.lost,
});
const printBurst = (burst: Burst) =>
  table(`meeting burst: ${burst.judges} judges in ${BURST_GROUPS} groups submit within ${BURST_WINDOW_MS / 1000} s (API: 30/s, 1/s per chat, 20/min per group)`, [
    ["every ballot stored in Redis", `${round(burst.allStoredS, 2)} s after the open`],
    ["every judge sees the stored review", `${round(burst.allSeenS, 2)} s after the open`],
    ["429 answers", `${burst.rateLimited} (${burst.rateLimitedBy})`],
    ["ballots lost", burst.lost],
  ]);

/** Bot API calls per ballot, by the buttons and by the Mini App, in one group of 2 × N judges. */
const apiCallsPhase = async (redis: Redis, prefix: string, perPath = 20) => {
  // With an https PUBLIC_URL, as when the Mini App is on (ballots carry its button).
  const bot = buildBot(redis, `${prefix}:calls`, {
    sendQueue: unpacedSendQueue(),
    config: { DEFAULT_LOCALE: "zh-CN", COUNTER_EDIT_INTERVAL_S: 3, TELEGRAM_API_ROOT: "http://bot-api.invalid", PUBLIC_URL: "https://bench.invalid" },
  });
  const contestId = await setUpGroup(bot, 0, perPath * 2, 1);
  await command(bot, 0, "/open");
  const routes = createBallotRoutes({
    ballotApp: bot.ballotApp,
    checkInitData: createInitDataCheck({ botToken: bot.model.token, maxAgeS: 3600 }),
    logger,
    defaultLocale: "zh-CN",
  });
  const app = new Hono().route(BALLOT_APP_PATH, routes.app);
  const group = groupOf(0);
  const judgeIds = new Set(Array.from({ length: perPath * 2 }, (_, j) => judgeOf(0, j).id));
  // Calls for the judges (answers of their presses, their ballot messages) and the group's counter;
  // anything else (the chair's console) is not part of the ballot's cost to Telegram's budget here.
  const count = (since: number) => {
    const calls = bot.model.calls.slice(since);
    const judge = calls.filter((c) => c.method === "answerCallbackQuery" || judgeIds.has(Number(c.params.chat_id))).length;
    const counter = calls.filter((c) => Number(c.params.chat_id) === group).length;
    return { judge, counter };
  };

  let since = bot.model.checkpoint();
  for (let j = 0; j < perPath; j++) await tapBallot(bot, 0, j, 0, [], []);
  const buttons = count(since);

  since = bot.model.checkpoint();
  for (let j = perPath; j < perPath * 2; j++) {
    const judge = judgeOf(0, j);
    const response = await app.request(`${BALLOT_APP_PATH}/${contestId}/0/submit`, {
      method: "POST",
      headers: { Authorization: `tma ${signedInitData(judge, bot.model.token)}`, "Content-Type": "application/json" },
      body: JSON.stringify({ scores: Array.from({ length: C }, (_, c) => scoreOf(0, j, 0, c)) }),
    });
    if (response.status !== 200) throw new Error(`Mini App submit answered ${response.status}: ${await response.text()}`);
  }
  const miniApp = count(since);
  const submitted = (await bot.store.ballots.forPresenter(contestId, 0)).length;
  if (submitted !== perPath * 2) throw new Error(`api calls phase: ${submitted}/${perPath * 2} ballots stored`);
  await bot.stop();
  return {
    ballots: perPath,
    buttons: buttons.judge / perPath,
    miniApp: miniApp.judge / perPath,
    buttonsCounter: buttons.counter / perPath,
    miniAppCounter: miniApp.counter / perPath,
  };
};

/**
 * Three replicas as deployed: built bot processes in webhook mode on one Redis prefix, each
 * meeting's updates posted to its own process, all sending to one simulated Bot API (over HTTP)
 * that enforces Telegram's limits once the meetings are set up. The three chairs open their rounds
 * at the same moment (REPLICAS × REPLICA_JUDGES ballots, paced through the shared budget); while
 * those go out, judges of a fourth meeting tap one after the other, their updates spread over the
 * three processes, each timed from the POST until the bot's answer and ballot edit reach the API.
 */
const replicasPhase = async (redis: Redis, prefix: string) => {
  const api = await startBotApiServer();
  const { model } = api;
  const webhookPath = "/tg/webhook";
  const secret = `bench-${randomBytes(16).toString("hex")}`;
  const botPrefix = `${prefix}:rep`;
  const processes: BotProcess[] = [];
  try {
    // One after the other: each is ready once it has registered the webhook.
    for (let i = 0; i < REPLICAS; i++) {
      processes.push(
        await startBotProcess({
          ...api,
          redisUrl: REDIS_URL,
          prefix: botPrefix,
          readyMethod: "setWebhook",
          env: {
            BOT_MODE: "webhook",
            WEBHOOK_URL: `https://bot.example.test${webhookPath}`,
            WEBHOOK_SECRET: secret,
            LOG_LEVEL: "warn",
            DEFAULT_LOCALE: "zh-CN",
          },
        }),
      );
    }
    const store = createStore(redis, botPrefix);
    /** The bot as seen from Telegram: each update POSTed to process `i`, answered once handled. */
    const via = (i: number): MeetingDriver => ({
      model,
      store,
      handle: async (update) => {
        const response = await fetch(`http://127.0.0.1:${processes[i]!.port}${webhookPath}`, {
          method: "POST",
          body: JSON.stringify(update),
          headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret },
        });
        if (response.status !== 200) throw new Error(`replica ${i} answered ${response.status}`);
        await response.arrayBuffer();
      },
    });
    const bots = processes.map((_, i) => via(i));
    // Meetings 0..2 on their own process; meeting 3 (the tapping judges) on the first.
    const TAP_GROUP = REPLICAS;
    await Promise.all([...bots.map((bot, g) => setUpGroup(bot, g, REPLICA_JUDGES, 1)), setUpGroup(bots[0]!, TAP_GROUP, TAP_JUDGES, 1)]);
    const tappers = Array.from({ length: TAP_JUDGES }, (_, j) => judgeOf(TAP_GROUP, j));
    await command(bots[0]!, TAP_GROUP, "/open");
    await model.waitFor((m) => tappers.every((judge) => m.lastMessage(judge.id)?.text?.includes("评分项 1/")), 30_000, "the fourth meeting's ballots");
    model.takeUpdates();
    // Let the set-up's last edits land (a join message is edited at most every COUNTER_EDIT_INTERVAL_S,
    // 4 s, the last one trailing) before the limits and the measured broadcast start.
    await sleep(5100);
    model.setRateLimit({ global: 30, perChat: 1, windowMs: 1000, retryAfter: 1, perGroupPerMinute: 20, privateEditsFree: true });

    const broadcastJudges = Array.from({ length: REPLICAS }, (_, g) => Array.from({ length: REPLICA_JUDGES }, (_, j) => judgeOf(g, j))).flat();
    const since = model.checkpoint();
    const openedAt = Date.now();
    // The webhook answers after 5 s at the latest; the broadcast goes on behind it.
    const opening = Promise.all(bots.map((bot, g) => command(bot, g, "/open")));
    const broadcastDone = model.waitFor(
      (m) => broadcastJudges.every((judge) => m.lastMessage(judge.id)?.text?.includes("评分项 1/")),
      180_000,
      "every broadcast ballot",
    );
    let broadcasting = true;
    void broadcastDone.finally(() => (broadcasting = false)).catch(() => undefined);

    const tapMs: number[] = [];
    let tapsAfterBroadcast = 0;
    await sleep(200); // the broadcasts are under way
    for (let k = 0; broadcasting && k < TAP_JUDGES * C; k++) {
      const judge = tappers[k % TAP_JUDGES]!;
      const c = Math.floor(k / TAP_JUDGES);
      const ballot = model.lastMessage(judge.id)!;
      const update = model.tap(judge, judge.id, ballot.messageId, String(scoreOf(TAP_GROUP, k % TAP_JUDGES, 0, c)));
      const mark = model.checkpoint();
      const posted = Date.now();
      await bots[k % REPLICAS]!.handle(update);
      const reached = await model.waitFor(
        (m) => {
          const later = m.calls.slice(mark);
          const answer = later.find((call) => call.method === "answerCallbackQuery" && call.params.callback_query_id === update.callback_query!.id);
          const edit = later.find((call) => call.method.startsWith("editMessage") && Number(call.params.chat_id) === judge.id);
          return answer && edit ? Math.max(answer.at, edit.at) : undefined;
        },
        10_000,
        `the answer and edit for ${judge.first_name}'s tap`,
      );
      if (!model.lastMessage(judge.id)?.text?.includes(`评分项 ${c + 2}/`) && c + 1 < C) throw new Error(`${judge.first_name}'s tap was not applied`);
      if (broadcasting) tapMs.push(reached - posted);
      else tapsAfterBroadcast += 1;
      await sleep(100);
    }
    await Promise.all([broadcastDone, opening]);
    const sent = model.calls.filter((call) => call.seq > since && call.method === "sendMessage" && call.response?.ok);
    const lastAt = Math.max(...sent.map((call) => call.at));
    const seconds = (lastAt - openedAt) / 1000;
    const limitedCalls = model.calls.filter((call) => call.seq > since && call.response?.ok === false && call.response.error_code === 429);
    const limited = limitedCalls.length;
    if (process.env.BENCH_DEBUG_429) {
      const okCalls = model.calls.filter((call) => call.seq > since && call.response?.ok && ["sendMessage", "editMessageText", "editMessageReplyMarkup"].includes(call.method));
      for (const call of limitedCalls) {
        const chat = Number(call.params.chat_id);
        const inWindow = okCalls.filter((c) => c.at > call.at - 1000 && c.at <= call.at && !(c.method.startsWith("edit") && Number(c.params.chat_id) > 0));
        console.log(`429 ${call.method} chat ${chat} at +${call.at - openedAt} ms: ${inWindow.length} in the second before, ${inWindow.filter((c) => Number(c.params.chat_id) === chat).length} to this chat`);
      }
    }
    return {
      judges: broadcastJudges.length,
      sent: sent.length,
      ballots: sent.filter((call) => Number(call.params.chat_id) > 0).length,
      seconds,
      perSecond: sent.length / seconds,
      rateLimited: Math.max(limited, model.rateLimited),
      tap: summary(tapMs),
      tapsAfterBroadcast,
    };
  } finally {
    await Promise.all(processes.map((bot) => bot.stop("SIGTERM")));
    await api.close();
  }
};

type Replicas = Awaited<ReturnType<typeof replicasPhase>>;
const replicasFigures = (replicas: Replicas) => ({
  replicas_broadcast_judges: replicas.judges,
  replicas_broadcast_msgs_per_s: round(replicas.perSecond, 1),
  replicas_broadcast_429s: replicas.rateLimited,
  tap_p50_ms_during_broadcast: round(replicas.tap.p50, 1),
  tap_p99_ms_during_broadcast: round(replicas.tap.p99, 1),
});
const printReplicas = (replicas: Replicas) =>
  table(`${REPLICAS} replicas (webhook processes, one Redis) open a round for ${REPLICA_JUDGES} judges each at once (API: 30/s, 1/s per chat, 20/min per group)`, [
    ["messages sent", `${replicas.sent} (${replicas.ballots} ballots)`],
    ["time", `${round(replicas.seconds, 2)} s`],
    ["messages/s, all replicas together", round(replicas.perSecond, 1)],
    ["429s", replicas.rateLimited],
    ["a tap in a fourth meeting meanwhile, p50/p99/max", `${round(replicas.tap.p50, 1)} / ${round(replicas.tap.p99, 1)} / ${round(replicas.tap.max, 1)} ms (${replicas.tap.n} taps, POST → answer and edit at the API)`],
  ]);

// ───────────────────────────── main ─────────────────────────────

const main = async () => {
  // The client the bot uses in production (src/redis.ts), on one Redis.
  const redis = createRedis(REDIS_URL) as Redis;
  await redis.connect();
  const prefix = `bench:${randomBytes(5).toString("hex")}`;
  const clientCounts = countCommands(redis);
  console.log(`bench: G=${G} groups × J=${J} judges × P=${P} presenters × C=${C} criteria (max ${MAX} each); Redis ${REDIS_URL}, prefix ${prefix}`);
  console.log(`node ${process.version}; ${quick ? "quick run" : "full run"}; ${DEDUPE ? "update dedupe on (as in webhook mode)" : "no update dedupe (as in polling mode)"}`);
  try {
    if (REPLICAS_ONLY) {
      const replicas = await replicasPhase(redis, prefix);
      printReplicas(replicas);
      console.log("");
      console.log(JSON.stringify(replicasFigures(replicas)));
      return;
    }
    if (BURST_ONLY) {
      const burst = await burstPhase(redis, prefix);
      printBurst(burst);
      console.log("");
      console.log(JSON.stringify(burstFigures(burst)));
      return;
    }
    const meeting = await meetingPhase(redis, prefix, clientCounts);
    const ceiling = await ceilingPhase(redis, prefix, meeting.contestIds, meeting.allTaps);
    if (TAPS_ONLY) {
      const breakdown = [...meeting.client.entries()].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${round(n / meeting.allTaps, 3)}`).join(", ");
      console.log(`Redis commands sent per tap: ${breakdown}`);
      console.log(JSON.stringify({ ...tapFigures(meeting, ceiling), ...withModel(meeting, ceiling) }));
      return;
    }
    const ranking = rankingPhase();
    const broadcast = await broadcastPhase(redis, prefix);
    const burst = await burstPhase(redis, prefix);
    const apiCalls = await apiCallsPhase(redis, prefix);
    const replicas = await replicasPhase(redis, prefix);

    const tapsPerS = (meeting.taps / meeting.tappingMs) * 1000;
    const ballotsPerS = (meeting.ballots / meeting.tappingMs) * 1000;
    const serverCommands = [...meeting.commands.values()].reduce((a, b) => a + b, 0);
    const serverScripts = (meeting.commands.get("evalsha") ?? 0) + (meeting.commands.get("eval") ?? 0);
    const clientCommands = [...meeting.client.values()].reduce((a, b) => a + b, 0);
    const perTap = (n: number) => n / meeting.allTaps;
    const clientBreakdown = [...meeting.client.entries()].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${round(perTap(n), 3)}`).join(", ");
    const breakdown = [...meeting.commands.entries()].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${round(perTap(n), 3)}`).join(", ");

    table("meeting (all judges tapping at once)", [
      ["set-up (contests, judges joining)", `${round(meeting.setupMs / 1000, 1)} s`],
      ["taps (C values + submit per ballot)", meeting.taps],
      ["tapping time", `${round(meeting.tappingMs / 1000, 2)} s`],
      ["taps/s", round(tapsPerS, 0)],
      ["bot process CPU per tap (light responder)", `${round(meeting.tappingCpuUs / meeting.taps, 0)} µs`],
      ["the same, Telegram model answering", `${round(meeting.modelCpuUs / meeting.modelTaps, 0)} µs (${round((meeting.modelTaps / meeting.modelMs) * 1000, 0)} taps/s)`],
      ["ballots/s", round(ballotsPerS, 0)],
      ["value tap latency under load p50/p99", `${round(meeting.loaded.p50)} / ${round(meeting.loaded.p99)} ms (${G * J} judges in flight)`],
      ["submit latency under load p50/p99", `${round(meeting.loadedSubmit.p50)} / ${round(meeting.loadedSubmit.p99)} ms`],
      ["Redis round trips per tap (commands sent)", `${round(perTap(clientCommands), 3)}  [${clientBreakdown}]`],
      ["Redis scripts per tap (INFO evalsha+eval)", round(perTap(serverScripts), 3)],
      ["Redis commands per tap (INFO, incl. in scripts)", `${round(perTap(serverCommands), 3)}  [${breakdown}]`],
      ["Redis bytes per ballot (ballots hash)", round(meeting.ballotBytes / meeting.storedBallots, 0)],
      ["Redis bytes per ballot (+ drafts hash)", round((meeting.ballotBytes + meeting.draftBytes) / meeting.storedBallots, 0)],
    ]);
    table("one tap at a time", [
      ["value taps", meeting.solo.n],
      ["value tap latency p50/p99/max", `${round(meeting.solo.p50, 3)} / ${round(meeting.solo.p99, 3)} / ${round(meeting.solo.max, 2)} ms`],
      ["submit latency p50/p99", `${round(meeting.soloSubmit.p50, 3)} / ${round(meeting.soloSubmit.p99, 3)} ms`],
    ]);
    table("ceiling (ballot-state EVALSHA straight from ioredis)", [
      ["calls", ceiling.calls],
      ["concurrency", G * J],
      ["evals/s (the faster of the two below)", round(ceiling.perSecond, 0)],
      ["evals/s, plain connection / the bot's client (auto-pipelining)", `${round(ceiling.perSecondPlain, 0)} / ${round(ceiling.perSecondAutopipelined, 0)}`],
      ["client CPU per call", `${round(ceiling.cpuUsPerCall, 1)} µs`],
      ["bot taps/s ÷ ceiling", `${round((tapsPerS / ceiling.perSecond) * 100, 1)} %`],
    ]);
    table(`ranking ${RANK_PRESENTERS} presenters × ${RANK_JUDGES} judges (pure domain, median of 9 runs)`, [
      ["median / max", `${round(ranking.p50, 1)} / ${round(ranking.max, 1)} ms`],
    ]);
    table(`round-open broadcast to ${BROADCAST_JUDGES} judges (API limit 30 msg/s, 1/s per chat)`, [
      ["messages sent", `${broadcast.sent} (${broadcast.ballots} ballots)`],
      ["time", `${round(broadcast.ms / 1000, 2)} s`],
      ["messages/s", round(broadcast.perSecond, 1)],
      ["429s", broadcast.rateLimited],
    ]);
    table(`Bot API calls per ballot (${apiCalls.ballots} ballots each way, ${C} criteria)`, [
      ["buttons: the judge's chat (answer + edit per tap)", `${round(apiCalls.buttons, 2)} (2 × (C + 1) = ${2 * (C + 1)})`],
      ["Mini App: the judge's chat (one edit after submit)", round(apiCalls.miniApp, 2)],
      ["live counter edits per ballot (throttled, either way)", `${round(apiCalls.buttonsCounter, 2)} / ${round(apiCalls.miniAppCounter, 2)}`],
    ]);

    const result = {
      ...tapFigures(meeting, ceiling),
      redis_scripts_per_tap_info: round(perTap(serverScripts), 3),
      redis_commands_per_tap_info: round(perTap(serverCommands), 3),
      ...withModel(meeting, ceiling),
      redis_bytes_per_ballot: round(meeting.ballotBytes / meeting.storedBallots, 0),
      redis_bytes_per_ballot_with_draft: round((meeting.ballotBytes + meeting.draftBytes) / meeting.storedBallots, 0),
      ranking_ms_1000x100: round(ranking.p50, 1),
      broadcast_judges: BROADCAST_JUDGES,
      broadcast_msgs_per_s: round(broadcast.perSecond, 1),
      broadcast_429s: broadcast.rateLimited,
      ...burstFigures(burst),
      api_calls_per_ballot: { buttons: round(apiCalls.buttons, 2), miniapp: round(apiCalls.miniApp, 2) },
      counter_edits_per_ballot: { buttons: round(apiCalls.buttonsCounter, 2), miniapp: round(apiCalls.miniAppCounter, 2) },
      ...replicasFigures(replicas),
    };
    printBurst(burst);
    printReplicas(replicas);
    console.log("");
    console.log(JSON.stringify(result));
  } finally {
    await deleteByPrefix(redis, `${prefix}:`);
    redis.disconnect();
  }
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
