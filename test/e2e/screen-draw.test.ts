// The draw (抽签) on the scoreboard in a real browser: the built bot serves the page, the chair
// scores one unit and sends /draw; the page shuffles the names, then settles into exactly the order
// the group's message states (the scored unit kept its place), shows the seed, and goes back to the
// board, whose "next" is the drawn first. Saves docs/screenshot-draw.png.
//
// Needs Chromium (Debian: apt-get install chromium fonts-noto-cjk; or CHROMIUM_PATH=...).
import { readFileSync } from "node:fs";
import { chromiumAvailable, launchChromium, screenshotPath } from "../support/chromium.js";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startBotApiServer, type BotApiServer, type TestUser } from "../support/bot-api-server.js";
import { testRedis, type TestRedis } from "../support/redis.js";
import { startBotProcess, type BotProcess } from "../support/run-bot.js";

const hasChromium = chromiumAvailable("screen draw e2e");

const GROUP = -100_889;
const chair: TestUser = { id: 901, first_name: "周主任", language_code: "zh-hans" };
const judges: Array<TestUser & { panel: string }> = [
  { id: 911, first_name: "李明", panel: "区领导" },
  { id: 912, first_name: "王芳", panel: "区领导" },
  { id: 913, first_name: "陈静", panel: "两代表一委员" },
];
const UNITS = ["坡头镇", "麻斜街道", "南调街道", "区发展和改革局", "区住房和城乡建设局", "区农业农村局"];

describe.skipIf(!hasChromium)("the draw on the scoreboard in a real browser (e2e)", () => {
  let browser: Browser;
  let api: BotApiServer;
  let redis: TestRedis;
  let bot: BotProcess | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    api = await startBotApiServer();
    redis = testRedis();
    api.setAdmins(GROUP, [], chair.id);
  });
  afterEach(async () => {
    await bot?.stop("SIGKILL");
    await api.close();
    await redis.cleanup();
  });

  /** The chair writes in the group; resolves with the bot's group message that contains `reply`. */
  const say = async (text: string, reply: string) => {
    const since = api.model.checkpoint();
    api.send(chair, GROUP, text);
    const call = await api.waitForCall("sendMessage", (c) => Number(c.params.chat_id) === GROUP && String(c.params.text).includes(reply), {
      since,
      timeoutMs: 20_000,
    });
    return String(call.params.text);
  };

  const tapBallot = async (judgeId: number, button: string | RegExp) => {
    const ballot = api.lastMessage(judgeId)!;
    const since = api.model.checkpoint();
    api.tap(judgeId, judgeId, ballot.messageId, button);
    await api.waitForCall(
      "editMessageText",
      (c) => Number(c.params.chat_id) === judgeId && Number(c.params.message_id) === ballot.messageId,
      { since, timeoutMs: 20_000 },
    );
  };

  // Code that runs in the page is written as strings: this project's TypeScript has no DOM types.
  const waitFor = async (page: Page, condition: string, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await page.evaluate(`!!(${condition})`))) {
      if (Date.now() > deadline) throw new Error(`page never showed: ${condition}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  /** The names on the draw card as the hall sees them, top to bottom (then column by column). */
  const shownOrder = (page: Page): Promise<string[]> =>
    page.evaluate(`[...document.querySelectorAll("#draw .draw-name")]
      .map((n) => ({ name: n.firstChild.textContent, box: n.getBoundingClientRect() }))
      .sort((a, b) => Math.round(a.box.left / 40) - Math.round(b.box.left / 40) || a.box.top - b.box.top)
      .map((x) => x.name)`);

  it("shuffles the names, settles into the order the group was told, then shows the drawn next", async () => {
    bot = await startBotProcess({
      ...api,
      redisUrl: redis.url,
      prefix: redis.prefix,
      env: { LOG_LEVEL: "warn", COUNTER_EDIT_INTERVAL_S: "0" },
    });
    api.send(chair, chair.id, "/start");
    await api.waitForMessage(chair.id);
    await say("/newcontest 坡头区雄鹰擂台赛", "已创建评议");
    const since = api.model.checkpoint();
    api.model.sendFile(chair, GROUP, {
      fileName: "contest.sample.json",
      bytes: readFileSync("samples/contest.sample.json"),
      mimeType: "application/json",
      caption: "/import",
    });
    await api.waitForCall("sendMessage", (c) => Number(c.params.chat_id) === GROUP && String(c.params.text).includes("已导入"), {
      since,
      timeoutMs: 20_000,
    });
    await say("/join", "加入");
    const join = api.lastMessage(GROUP)!;
    for (const judge of judges) {
      api.startUser(judge);
      const tapped = api.tap(judge, GROUP, join.messageId, new RegExp(judge.panel));
      await api.waitForCall("answerCallbackQuery", (c) => c.params.callback_query_id === tapped.callback_query?.id, { timeoutMs: 20_000 });
    }
    await say("/screen", "大屏链接已私聊发给你");
    const link = /(http:\/\/localhost:\d+\/screen\/[A-Za-z0-9_-]+)/.exec(api.lastMessage(chair.id)?.text ?? "")?.[1];
    expect(link).toBeDefined();

    // The first unit is scored before the draw: it keeps its place (three judges are enough here).
    await say("/quorum 0", "");
    const opened = api.model.checkpoint();
    await say("/open", "第 1/6 位");
    await api.waitFor(
      (m) => judges.every((j) => m.calls.some((c) => c.seq > opened && c.method === "sendMessage" && Number(c.params.chat_id) === j.id && c.response?.ok)),
      20_000,
      "ballots delivered",
    );
    for (const judge of judges) {
      for (const points of [26, 25, 17, 16]) await tapBallot(judge.id, String(points));
      await tapBallot(judge.id, /^✅/);
    }
    await say("/close", "当前排名");

    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    expect((await page.goto(link!))?.status()).toBe(200);
    await page.waitForSelector(".conn:not(.off)");
    expect(await page.locator("#draw").isHidden()).toBe(true);

    const message = await say("/draw", "出场顺序抽签结果");
    const seed = /种子：([0-9a-f]{32})/.exec(message)![1]!;
    const told = [...message.matchAll(/^\d+\. (.+?)（\d+号）/gm)].map((m) => m[1]!);
    expect([...told].sort()).toEqual([...UNITS].sort());
    expect(told[0]).toBe("坡头镇");

    // The card comes up and the names shuffle: the page went through several arrangements before
    // it settled (it counts them itself, so a slow machine cannot make the test miss them).
    await page.waitForSelector("#draw:not([hidden])", { timeout: 20_000 });
    await page.waitForSelector("#draw.settled", { timeout: 20_000 });
    expect(Number(await page.getAttribute("#draw", "data-arrangements"))).toBeGreaterThan(1);
    // Settled (and its moves finished): exactly the order of the group's message, with the seed.
    await waitFor(page, `document.getAnimations().every((a) => a.playState === "finished")`);
    expect(await shownOrder(page)).toEqual(told);
    expect(await page.locator("#draw-seed").innerText()).toBe(`种子：${seed}`);
    expect(await page.locator("#draw-phase").innerText()).toContain("抽签结果");
    const kept = await page.evaluate(`[...document.querySelectorAll("#draw .draw-name.kept")].map((n) => n.firstChild.textContent)`);
    expect(kept).toEqual(["坡头镇"]);
    expect(await page.locator("#draw .draw-slot").allInnerTexts()).toEqual(["1", "2", "3", "4", "5", "6"]);
    await page.screenshot({ path: screenshotPath("screenshot-draw.png") });

    // A few seconds later the card goes and the board's "next" is the drawn next.
    await page.waitForSelector("#draw[hidden]", { state: "attached", timeout: 30_000 });
    await waitFor(page, `document.querySelector("#who")?.textContent?.startsWith(${JSON.stringify(told[1])})`);
    const n = UNITS.indexOf(told[1]!) + 1;
    await say("/open", `第 ${n}/6 位：${told[1]}`);

    // Nothing on the page or in its state names a judge.
    const state = await (await fetch(`${link}/state.json`)).text();
    const html = await page.content();
    for (const judge of judges) {
      expect(state).not.toContain(judge.first_name);
      expect(html).not.toContain(judge.first_name);
    }
    await page.close();
  }, 240_000);
});
