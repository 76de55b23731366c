// What the scoreboard's browser tests (test/e2e/screen*.test.ts) share: a browser for the file, a
// local Bot API server and a Redis prefix per test, built bot processes stopped after each test, and
// the chair's steps of a meeting (say, /close, /open with the ballots delivered, the judges' taps,
// the set-up from samples/contest.sample.json, the /screen link). Each file passes its own group,
// chair, judges, timeout and bot environment.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/chromium.js";
import type { BotApiServer, TestUser } from "../support/bot-api-server.js";
import { botProcesses } from "../support/bot-processes.js";
import type { TestRedis } from "../support/redis.js";
import type { BotProcess } from "../support/run-bot.js";

export interface ScoreboardMeetingOptions {
  group: number;
  chair: TestUser;
  /** The judges whose ballots /open waits for. */
  judges: readonly TestUser[];
  /** How long each wait for the bot may take. */
  timeoutMs: number;
  /** The bot process's environment, besides LOG_LEVEL=warn and COUNTER_EDIT_INTERVAL_S=0. */
  env?: Record<string, string>;
}

export interface ScoreboardMeeting {
  readonly browser: Browser;
  readonly api: BotApiServer;
  readonly redis: TestRedis;
  /** Starts the built bot process (stopped with SIGKILL after the test, if still running). */
  startBot(env?: Record<string, string>): Promise<BotProcess>;
  /** The chair writes in the group; resolves with the bot's message (sent or edited, in `chat`, default the group) that contains `reply`. */
  say(text: string, reply: string, opts?: { method?: "sendMessage" | "editMessageText"; chat?: number }): Promise<string>;
  /** /close: resolves once the round's announcement shows its closed state (edited in place). */
  close(): Promise<string>;
  /** The chair sends `command` (an /open), the group is told `reply`, and every judge has their ballot before anyone taps. */
  open(command: string, reply: string): Promise<void>;
  /** Taps a button on a judge's ballot and waits until the bot has redrawn it. */
  tapBallot(judgeId: number, button: string | RegExp): Promise<void>;
  /** A judge taps these points, one per criterion, then ✅. */
  submitBallot(judgeId: number, points: readonly number[]): Promise<void>;
  /** /start in private, /newcontest, then /import of samples/contest.sample.json in the group. */
  createContest(): Promise<void>;
  /** /join, then each judge taps the button of their panel. */
  joinPanels(joins: ReadonlyArray<{ judge: TestUser; panel: RegExp }>): Promise<void>;
  /** /screen: resolves with the scoreboard's link the chair got in private. */
  screenLink(): Promise<string>;
}

/** Registers the hooks in the calling describe block; the getters are valid inside its tests. */
export function scoreboardMeeting(options: ScoreboardMeetingOptions): ScoreboardMeeting {
  const { group, chair, judges, timeoutMs } = options;
  let browser: Browser;
  const processes = botProcesses(group, chair);

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const say: ScoreboardMeeting["say"] = async (text, reply, opts = {}) => {
    const chat = opts.chat ?? group;
    const since = processes.api.model.checkpoint();
    processes.api.send(chair, group, text);
    const call = await processes.api.waitForCall(opts.method ?? "sendMessage", (c) => Number(c.params.chat_id) === chat && String(c.params.text).includes(reply), {
      since,
      timeoutMs,
    });
    return String(call.params.text);
  };

  const tapBallot = async (judgeId: number, button: string | RegExp) => {
    const ballot = processes.api.lastMessage(judgeId)!;
    const since = processes.api.model.checkpoint();
    processes.api.tap(judgeId, judgeId, ballot.messageId, button);
    await processes.api.waitForCall(
      "editMessageText",
      (c) => Number(c.params.chat_id) === judgeId && Number(c.params.message_id) === ballot.messageId,
      { since, timeoutMs },
    );
  };

  return {
    get browser() {
      return browser;
    },
    get api() {
      return processes.api;
    },
    get redis() {
      return processes.redis;
    },
    startBot: (env = {}) => processes.start({ LOG_LEVEL: "warn", COUNTER_EDIT_INTERVAL_S: "0", ...options.env, ...env }),
    say,
    close: () => say("/close", "🔒 评分已结束", { method: "editMessageText" }),
    async open(command, reply) {
      const since = processes.api.model.checkpoint();
      await say(command, reply);
      await processes.api.waitFor(
        (m) => judges.every((j) => m.calls.some((c) => c.seq > since && c.method === "sendMessage" && Number(c.params.chat_id) === j.id && c.response?.ok)),
        timeoutMs,
        "ballots delivered",
      );
    },
    tapBallot,
    async submitBallot(judgeId, points) {
      for (const p of points) await tapBallot(judgeId, String(p));
      await tapBallot(judgeId, /^✅/);
    },
    async createContest() {
      processes.api.send(chair, chair.id, "/start");
      await processes.api.waitForMessage(chair.id);
      await say("/newcontest 坡头区雄鹰擂台赛", "已创建评议");
      const since = processes.api.model.checkpoint();
      processes.api.model.sendFile(chair, group, {
        fileName: "contest.sample.json",
        bytes: readFileSync("samples/contest.sample.json"),
        mimeType: "application/json",
        caption: "/import",
      });
      await processes.api.waitForCall("sendMessage", (c) => Number(c.params.chat_id) === group && String(c.params.text).includes("已导入"), {
        since,
        timeoutMs,
      });
    },
    async joinPanels(joins) {
      await say("/join", "加入");
      const join = processes.api.lastMessage(group)!;
      for (const { judge, panel } of joins) {
        processes.api.startUser(judge);
        const tapped = processes.api.tap(judge, group, join.messageId, panel);
        await processes.api.waitForCall("answerCallbackQuery", (c) => c.params.callback_query_id === tapped.callback_query?.id, { timeoutMs });
      }
    },
    async screenLink() {
      await say("/screen", "大屏链接已私聊发给你");
      const link = /(http:\/\/localhost:\d+\/screen\/[A-Za-z0-9_-]+)/.exec(processes.api.lastMessage(chair.id)?.text ?? "")?.[1];
      expect(link).toBeDefined();
      return link!;
    },
  };
}

// Code that runs in the page is written as strings: this project's TypeScript has no DOM types.
/** Polls a condition in the page (waitForFunction would need 'unsafe-eval', which the page's CSP refuses). */
export const waitForPage = async (page: Page, condition: string, timeoutMs: number, pollMs = 50) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(`!!(${condition})`))) {
    if (Date.now() > deadline) throw new Error(`page never showed: ${condition}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
};

/** Rows of the standings as the audience reads them: "rank name score ballots". */
export const rows = (page: Page): Promise<string[]> =>
  page.evaluate(
    `[...document.querySelectorAll(".row")].map((row) => [...row.children].map((c) => c.innerText.trim()).filter(Boolean).join(" "))`,
  );
