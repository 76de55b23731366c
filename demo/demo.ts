// `npm run demo`: a whole meeting on this machine, with no bot token and no internet.
//
// Starts Redis (the one at REDIS_URL / 127.0.0.1:6379, or a private redis-server when none
// answers), the local Bot API server of the tests, the bot itself (in-process, long polling
// against that server) and the scoreboard. Then a chair and 7 judges play a meeting modelled on
// a real one from samples/contest.sample.json: the chair imports the contest file, the judges
// join their panels and tap through their ballots, the chair opens and closes each round.
// The group's transcript is printed as it happens; the scoreboard stays up until Ctrl-C.
// One judge (李明) scores the first presenter in the Mini App form instead of the buttons (its
// HTTP routes, with initData signed like Telegram signs it), and the demo prints the form's
// address for them: open it in a browser to see their ballot (read-only once the round closed).
//
//   npm run demo                  meeting at a watchable pace, then the scoreboard stays up
//   npm run demo -- --exit        as fast as it goes, then exit (tests; or DEMO_EXIT=1)
//   npm run demo -- --port 3000   port of the scoreboard (default PORT or 3000, else a free one)
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { Hono } from "hono";
import { Redis } from "ioredis";
import type { Update } from "grammy/types";
import { createBot } from "../src/bot/create-bot.js";
import { createLogger } from "../src/logger.js";
import { createScreenRoutes } from "../src/http/screen.js";
import { createBallotRoutes } from "../src/http/app/ballot-routes.js";
import { createInitDataCheck } from "../src/http/app/init-data.js";
import { BALLOT_APP_PATH } from "../src/bot/ballot-app-link.js";
import { signedInitData } from "../test/support/init-data.js";
import { loadScreenState, type ScreenState } from "../src/http/screen-state.js";
import { createStore } from "../src/store/store.js";
import { startBotApiServer, type ApiCall, type BotApiServer, type TestUser } from "../test/support/bot-api-server.js";
import { freePort, pingRedisUrl, startRedisServer, type RedisServerHandle } from "../test/support/redis-server.js";

const GROUP = -1001234567890;
const GROUP_TITLE = "坡头区雄鹰擂台赛 评委群";
const SAMPLE = new URL("../../samples/contest.sample.json", import.meta.url);

type Judge = TestUser & { panel: string; /** leniency, in points out of 100 */ bias: number };

const chair: TestUser = { id: 9001, first_name: "主持人", last_name: "周", language_code: "zh-hans" };
const judges: Judge[] = [
  { id: 9101, first_name: "李明", language_code: "zh-hans", panel: "区领导", bias: 1 },
  { id: 9102, first_name: "王芳", language_code: "zh-hans", panel: "区领导", bias: -2 },
  { id: 9103, first_name: "张伟", language_code: "zh-hans", panel: "区领导", bias: 0 },
  { id: 9104, first_name: "刘洋", language_code: "zh-hans", panel: "区领导", bias: 3 },
  { id: 9105, first_name: "陈静", language_code: "zh-hans", panel: "两代表一委员", bias: -1 },
  { id: 9106, first_name: "杨磊", language_code: "zh-hans", panel: "两代表一委员", bias: 2 },
  { id: 9107, first_name: "赵敏", language_code: "zh-hans", panel: "两代表一委员", bias: -4 },
];
/** The judge who scores the first presenter in the Mini App form. */
const FORM_JUDGE = judges[0]!;

/** How well each unit did, per criterion, as a share of its maximum (the "truth" judges see). */
const QUALITY: number[][] = [
  [0.86, 0.8, 0.85, 0.82], // 坡头镇
  [0.92, 0.88, 0.9, 0.86], // 麻斜街道
  [0.78, 0.74, 0.8, 0.76], // 南调街道
  [0.9, 0.86, 0.84, 0.9], // 区发展和改革局
  [0.8, 0.83, 0.78, 0.74], // 区住房和城乡建设局
  [0.94, 0.9, 0.92, 0.88], // 区农业农村局
];

/** A fixed pseudo-random number in [0, 1) for some integers: every run tells the same story. */
const noise = (...keys: number[]): number => {
  let h = 2166136261;
  for (const key of keys) h = Math.imul(h ^ key, 16777619) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
  return ((h ^ (h >>> 13)) >>> 0) / 4294967296;
};
/** For pacing only (the speed of each judge), not for scores. */
const random = Math.random;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const clock = () => new Date().toTimeString().slice(0, 8);
const indent = (text: string, by: string) => text.split("\n").join(`\n${by}`);

type Options = { exit: boolean; port: number | undefined };

const parseOptions = (): Options => {
  const { values } = parseArgs({
    options: { exit: { type: "boolean", default: false }, port: { type: "string" } },
    allowPositionals: false,
  });
  const port = values.port ?? process.env.PORT;
  return { exit: values.exit || process.env.DEMO_EXIT === "1", port: port ? Number(port) : undefined };
};

/** The Redis at REDIS_URL (or 127.0.0.1:6379) when it answers, else a private redis-server. */
const startRedis = async (): Promise<{ url: string; server?: RedisServerHandle }> => {
  const wanted = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  if (await pingRedisUrl(wanted, 1000)) return { url: wanted };
  const server = await startRedisServer({});
  return { url: server.url, server };
};

const listen = async (app: Hono, wanted: number | undefined): Promise<Server> => {
  const attempt = (port: number) =>
    new Promise<Server>((resolve, reject) => {
      const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, () => resolve(server)) as Server;
      server.once("error", reject);
    });
  try {
    return await attempt(wanted ?? 3000);
  } catch (error) {
    if (wanted !== undefined) throw error;
    return attempt(await freePort());
  }
};

/** Prints what happens in the group: every bot message, and edits as the lines that changed. */
const transcriptPrinter = (api: BotApiServer, names: Map<number, string>) => {
  let printed = 0;
  const lastText = new Map<number, string>();
  const print = (call: ApiCall) => {
    const chatId = Number(call.params.chat_id);
    const text = typeof call.params.text === "string" ? call.params.text : "";
    if (call.method === "sendMessage" && chatId === GROUP) {
      const result = call.response?.ok ? (call.response.result as { message_id: number }) : undefined;
      if (result) lastText.set(result.message_id, text);
      console.log(`[${clock()}] 🤖 ${indent(text, "             ")}`);
    } else if (call.method === "editMessageText" && chatId === GROUP) {
      const id = Number(call.params.message_id);
      const before = new Set((lastText.get(id) ?? "").split("\n"));
      lastText.set(id, text);
      const changed = text.split("\n").filter((line) => line.trim() && !before.has(line));
      console.log(`[${clock()}] 🤖 ✎ #${id}: ${changed.join(" · ") || "(same text)"}`);
    } else if ((call.method === "pinChatMessage" || call.method === "deleteMessage") && chatId === GROUP) {
      console.log(`[${clock()}] 🤖 ${call.method === "pinChatMessage" ? "📌" : "🗑"} #${Number(call.params.message_id)}`);
    } else if (call.method === "sendMessage" && chatId === chair.id && /screen\//.test(text)) {
      console.log(`[${clock()}] 🤖 → ${names.get(chair.id)}（私聊）: ${indent(text, "             ")}`);
    }
  };
  const shown = (call: ApiCall) => ["sendMessage", "editMessageText", "pinChatMessage", "deleteMessage"].includes(call.method);
  return () => {
    for (; printed < api.calls.length; printed++) {
      const call = api.calls[printed]!;
      if (!shown(call)) continue; // e.g. a long poll still waiting
      if (call.response === undefined) break; // printed once answered, in order
      if (call.response.ok) print(call);
    }
  };
};

const printStandings = (state: ScreenState) => {
  console.log(`\n🏆 ${state.title} — 最终排名 / final standings`);
  for (const group of state.groups) {
    console.log(`\n  【${group.name ?? "—"}】`);
    for (const row of group.rows) {
      const award = [row.prize, row.band].filter(Boolean).join(" · ");
      const rank = String(row.rank ?? "–").padStart(2);
      const score = (row.score ?? "—").padStart(6);
      console.log(`  ${rank}. ${row.name.padEnd(10, "　")} ${score}  (${row.ballots} 票)  ${award}`);
    }
  }
  console.log("");
};

const main = async () => {
  const options = parseOptions();
  const pace = options.exit ? 0 : 1;
  const redisInfo = await startRedis();
  const redis = new Redis(redisInfo.url, { maxRetriesPerRequest: 1 });
  const prefix = `demo:${randomBytes(4).toString("hex")}`;
  const store = createStore(redis, prefix);
  const api = await startBotApiServer();
  const logger = createLogger(process.env.LOG_LEVEL ?? "warn", api.token);

  const screen = createScreenRoutes({ store, logger });
  const app = new Hono();
  app.route("/screen", screen.app);
  let screenPath = "";
  app.get("/", (c) => (screenPath ? c.redirect(screenPath) : c.text("The meeting has not started yet.", 503)));
  const http = await listen(app, options.port);
  const publicUrl = `http://localhost:${(http.address() as AddressInfo).port}`;

  const created = createBot({
    token: api.token,
    config: { DEFAULT_LOCALE: "zh-CN", COUNTER_EDIT_INTERVAL_S: 0, TELEGRAM_API_ROOT: api.apiRoot, PUBLIC_URL: publicUrl },
    store,
    logger,
    sendIntervalMs: 0,
  });
  const { bot } = created;
  // The judges' Mini App on the same server. A signed link stays valid for a day, so the printed
  // address still opens after the meeting.
  const ballotRoutes = createBallotRoutes({
    ballotApp: created.ballotApp,
    checkInitData: createInitDataCheck({ botToken: api.token, maxAgeS: 86_400 }),
    logger,
    defaultLocale: "zh-CN",
  });
  app.route(BALLOT_APP_PATH, ballotRoutes.app);
  /** The form's address for a judge, with the launch parameters Telegram would hand it. */
  const miniAppLink = (judge: TestUser, contestId: string, presenter: number) =>
    `${publicUrl}${BALLOT_APP_PATH}/${contestId}/${presenter}#${new URLSearchParams({ tgWebAppData: signedInitData(judge, api.token) })}`;

  // Knowing when the bot has finished with an update lets the script wait for each reply.
  const handled = new Set<number>();
  let wake: Array<() => void> = [];
  const handleUpdate = bot.handleUpdate.bind(bot);
  bot.handleUpdate = async (update, webhookReplyEnvelope) => {
    try {
      return await handleUpdate(update, webhookReplyEnvelope);
    } finally {
      handled.add(update.update_id);
      const waiting = wake;
      wake = [];
      for (const w of waiting) w();
    }
  };
  const done = async (update: Update) => {
    while (!handled.has(update.update_id)) await new Promise<void>((resolve) => wake.push(resolve));
  };

  const names = new Map<number, string>([[chair.id, "主持人"], ...judges.map((j) => [j.id, j.first_name] as const)]);
  const printNew = transcriptPrinter(api, names);
  const stopPrinting = api.model.onChange(printNew);

  let runner: RunnerHandle | undefined;
  const shutdown = async () => {
    stopPrinting();
    if (runner?.isRunning()) await runner.stop();
    await created.stop();
    await screen.close();
    await new Promise<void>((resolve) => {
      http.close(() => resolve());
      http.closeAllConnections();
    });
    await api.close();
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== "0");
    await redis.quit();
    await redisInfo.server?.stop();
  };

  console.log("会议评分机器人 · 演示 / meeting-scoring-bot demo");
  console.log(`  Redis:     ${redisInfo.url}${redisInfo.server ? " (private redis-server)" : ""}, key prefix ${prefix}`);
  console.log(`  Telegram:  local Bot API at ${api.apiRoot} (no token, no internet)`);
  console.log(`  Scoreboard server: ${publicUrl}\n`);

  api.model.ensureChat(GROUP, { title: GROUP_TITLE, type: "supergroup" });
  api.setAdmins(GROUP, [], chair.id);
  // The bot is an administrator allowed to pin: the standings message stays at the top.
  api.model.setMemberStatus(GROUP, api.model.botInfo.id, "administrator");
  await bot.init();
  runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "callback_query", "my_chat_member"] } } });

  /** A member writes in the group (printed), and the bot answers. */
  const say = async (who: TestUser, text: string) => {
    console.log(`[${clock()}] 👤 ${names.get(who.id)}: ${indent(text, "             ")}`);
    await done(api.send(who, GROUP, text, { chatTitle: GROUP_TITLE }));
    printNew();
  };
  const tap = async (who: TestUser, chatId: number, messageId: number, button: string | RegExp) => {
    await done(api.tap(who, chatId, messageId, button));
    printNew();
  };

  // Everyone has opened a private chat with the bot once, so it may write to them.
  for (const user of [chair, ...judges]) await done(api.send(user, user.id, "/start"));

  console.log("—— 群聊记录 / group transcript ——");
  await say(chair, "/newcontest 坡头区雄鹰擂台赛");
  const file = readFileSync(SAMPLE);
  console.log(`[${clock()}] 👤 主持人: 📎 contest.sample.json（/import）`);
  await done(api.model.sendFile(chair, GROUP, { fileName: "contest.sample.json", bytes: file, mimeType: "application/json", caption: "/import" }));
  printNew();

  await say(chair, "/screen");
  const link = /(https?:\/\/\S+\/screen\/[A-Za-z0-9_-]+)/.exec(api.lastMessage(chair.id)?.text ?? "")?.[1];
  if (!link) throw new Error("the bot did not send the scoreboard link");
  screenPath = new URL(link).pathname;
  console.log(`\n📺 大屏 / scoreboard: ${link}\n`);

  await say(chair, "/join");
  const join = api.lastMessage(GROUP)!;
  for (const judge of judges) {
    console.log(`[${clock()}] 👤 ${judge.first_name} 点 “加入：${judge.panel}”`);
    await tap(judge, GROUP, join.messageId, new RegExp(judge.panel));
  }

  const contest = await store.contests.activeForChat(GROUP);
  if (!contest) throw new Error("the contest was not created");
  const { criteria, presenters } = contest.setup;

  /** One judge's ballot: a plausible score per criterion, tapped one by one, then submitted. */
  const vote = async (judge: Judge, presenter: number) => {
    const outlier = judge.id === 9107 && presenter === 3 ? -12 : 0; // one harsh ballot, trimmed away
    const scores = criteria.map((criterion, c) => {
      const share = (QUALITY[presenter]?.[c] ?? 0.8) + (judge.bias + outlier + (noise(judge.id, presenter, c) - 0.5) * 6) / 100;
      return Math.max(0, Math.min(criterion.max, Math.round(criterion.max * share)));
    });
    if (judge.id === FORM_JUDGE.id && presenter === 0) return voteInForm(judge, presenter, scores);
    for (const score of scores) {
      await tap(judge, judge.id, api.lastMessage(judge.id)!.messageId, String(score));
      if (pace) await sleep(60 + random() * 160);
    }
    const total = scores.reduce((sum, s) => sum + s, 0);
    console.log(`[${clock()}] 🗳  ${judge.first_name}（私聊）→ ${presenters[presenter]?.name}: ${scores.join("/")} = ${total} ✅`);
    await tap(judge, judge.id, api.lastMessage(judge.id)!.messageId, /^✅/);
  };

  /** The same ballot through the Mini App: one request with every score, signed like Telegram's initData. */
  const voteInForm = async (judge: Judge, presenter: number, scores: number[]) => {
    const response = await fetch(`${publicUrl}${BALLOT_APP_PATH}/${contest.id}/${presenter}/submit`, {
      method: "POST",
      headers: { Authorization: `tma ${signedInitData(judge, api.token)}`, "Content-Type": "application/json" },
      body: JSON.stringify({ scores }),
    });
    if (response.status !== 200) throw new Error(`Mini App submit answered ${response.status}: ${await response.text()}`);
    const total = scores.reduce((sum, s) => sum + s, 0);
    console.log(`[${clock()}] 📝 ${judge.first_name}（表单评分 / Mini App）→ ${presenters[presenter]?.name}: ${scores.join("/")} = ${total} ✅`);
  };

  for (let presenter = 0; presenter < presenters.length; presenter++) {
    await say(chair, "/open");
    if (presenter === 0) console.log(`\n📝 表单评分 / Mini App（${FORM_JUDGE.first_name}）: ${miniAppLink(FORM_JUDGE, contest.id, 0)}\n`);
    if (pace) await sleep(1500);
    // Judges score at the same time, each at their own speed.
    await Promise.all(
      judges.map(async (judge, i) => {
        if (pace) await sleep(400 + i * 350 + random() * 900);
        await vote(judge, presenter);
      }),
    );
    if (pace) await sleep(1200);
    await say(chair, "/close");
    // A close that needs the chair's look (quorum, a total far from the median) asks in private.
    const asked = api.lastMessage(chair.id);
    if (asked?.text?.includes("仍要结束本轮评分吗")) {
      console.log(`[${clock()}] 🎛  主持人（私聊）确认结束：✅ 结束评分`);
      await tap(chair, chair.id, asked.messageId, "✅ 结束评分");
    }
    if (pace) await sleep(2500);
  }
  const console_ = await store.consoles.get(contest.id, chair.id);
  const consoleText = console_ === undefined ? undefined : api.model.message(chair.id, console_)?.text;
  if (consoleText) console.log(`\n—— 主持人控制台（私聊，随时更新）/ the chair's console (private, kept up to date) ——\n${consoleText}\n`);
  await say(chair, "/finish");

  const state = await loadScreenState(store, contest.id);
  if (state) printStandings(state);

  if (options.exit) {
    await shutdown();
    return;
  }
  console.log(`📺 大屏仍在运行 / the scoreboard stays up: ${link}`);
  console.log(`📝 ${FORM_JUDGE.first_name} 的表单（只读）/ ${FORM_JUDGE.first_name}'s Mini App ballot (read-only now): ${miniAppLink(FORM_JUDGE, contest.id, 0)}`);
  console.log("   Ctrl-C 结束 / to stop.");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
  await shutdown();
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
