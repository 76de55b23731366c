// The scoreboard in a real browser: the built bot process serves it, the chair runs the meeting
// through the local Bot API server, and the page follows without being reloaded — also across a
// restart of the bot while a round closes. Saves docs/screenshot-screen.png.
//
// Needs Chromium (Debian: apt-get install chromium fonts-noto-cjk; or CHROMIUM_PATH=...).
import { chromiumAvailable, screenshotPath } from "../support/chromium.js";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { buttonsOf, type TestUser } from "../support/bot-api-server.js";
import { freePort } from "../support/redis.js";
import { rows, scoreboardMeeting, waitForPage } from "./scoreboard-meeting.js";

const hasChromium = chromiumAvailable("screen e2e");

const GROUP = -100_888;
// Ids long enough that no timestamp (serverNow) in the state can contain one by chance.
const chair: TestUser = { id: 7700801, first_name: "周主任", language_code: "zh-hans" };
const judges: Array<TestUser & { panel: string }> = [
  { id: 7700811, first_name: "李明", panel: "区领导" },
  { id: 7700812, first_name: "王芳", panel: "区领导" },
  { id: 7700813, first_name: "张伟", panel: "区领导" },
  { id: 7700814, first_name: "刘洋", panel: "区领导" },
  { id: 7700815, first_name: "陈静", panel: "两代表一委员" },
  { id: 7700816, first_name: "杨磊", panel: "两代表一委员" },
  { id: 7700817, first_name: "赵敏", panel: "两代表一委员" },
];

/** Points per criterion (30/30/20/20) for each presenter; each judge varies them a little. */
const BASE = [
  [26, 24, 17, 16],
  [27, 26, 18, 17],
  [23, 22, 16, 15],
  [27, 26, 17, 18],
  [24, 25, 15, 15],
  [28, 27, 18, 18],
];
const MAX = [30, 30, 20, 20];
const pointsOf = (presenter: number, judge: number) =>
  BASE[presenter]!.map((v, c) => Math.max(0, Math.min(MAX[c]!, v + ((judge * (c + 3) + presenter) % 5) - 2)));

describe.skipIf(!hasChromium)("scoreboard in a real browser (e2e)", () => {
  // The live board itself: no reveal card over it (test/e2e/screen-reveal.test.ts has the card).
  const meeting = scoreboardMeeting({ group: GROUP, chair, judges, timeoutMs: 15_000, env: { SCREEN_REVEAL_S: "0" } });
  const { say, close } = meeting;
  const startBot = (port?: number) => meeting.startBot(port ? { PORT: String(port) } : {});

  const vote = async (presenter: number, judgeIndexes: number[]) => {
    for (const j of judgeIndexes) await meeting.submitBallot(judges[j]!.id, pointsOf(presenter, j));
  };

  const open = (presenter: number) => meeting.open("/open", `第 ${presenter + 1}/6 位`);

  const setUp = async () => {
    await meeting.createContest();
    await meeting.joinPanels(judges.map((judge) => ({ judge, panel: new RegExp(judge.panel) })));
    return meeting.screenLink();
  };

  const text = (page: Page, selector: string) => page.locator(selector).innerText();
  const waitFor = (page: Page, condition: string, timeoutMs = 15_000) => waitForPage(page, condition, timeoutMs);
  const waitForRow = (page: Page, name: string) =>
    waitFor(page, `[...document.querySelectorAll(".row .name")].some((el) => el.textContent === ${JSON.stringify(name)})`);
  const counterShows = (page: Page, counter: string) =>
    waitFor(page, `document.querySelector("#count-value")?.textContent === ${JSON.stringify(counter)}`);
  /** A mark on the page's window, which a reload would wipe out. */
  const mark = (page: Page): Promise<unknown> => page.evaluate("window.e2eMark");

  it("follows the meeting live, survives a bot restart, and never shows a judge", async () => {
    const first = await startBot();
    const link = await setUp();
    expect(link).toContain(`http://localhost:${first.port}/screen/`);

    const page = await meeting.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const response = await page.goto(link);
    expect(response?.status()).toBe(200);
    await page.waitForSelector(".conn:not(.off)");
    expect(await text(page, "#title")).toBe("坡头区雄鹰擂台赛");
    await page.evaluate("window.e2eMark = 42");

    // Round 1: the live counter, then the standings the moment the chair closes it.
    await open(0);
    await waitFor(page, `document.querySelector("#who")?.textContent?.startsWith("坡头镇")`);
    await vote(0, [0, 1, 2]);
    await counterShows(page, "3 / 7");
    expect(await rows(page)).toEqual([]); // no scores while the round is open
    await vote(0, [3, 4, 5, 6]);
    // The first close posts the standings message.
    await say("/close", "当前排名");
    const posted = /1\. 坡头镇 — (\d+\.\d\d)（7 份）/.exec(meeting.api.lastMessage(GROUP)!.text!)?.[1];
    expect(posted).toBeDefined();
    await waitForRow(page, "坡头镇");
    expect(await rows(page)).toEqual([`1 坡头镇 ${posted} 7`]);

    // Round 2 closes while the page is cut off: the bot that served it stops, another process
    // handles /close, and a third one comes back on the page's port.
    await open(1);
    await vote(1, [0, 1, 2, 3, 4, 5, 6]);
    const port = first.port;
    expect(await first.stop("SIGTERM")).toBe(0);
    await page.waitForSelector(".conn.off");
    const elsewhere = await startBot(await freePort());
    await close();
    expect(await elsewhere.stop("SIGTERM")).toBe(0);
    await startBot(port);
    await waitForRow(page, "麻斜街道");
    await page.waitForSelector(".conn:not(.off)");
    expect((await rows(page)).map((r) => r.split(" ").slice(0, 2).join(" "))).toEqual(["1 麻斜街道", "2 坡头镇"]);
    expect(await mark(page)).toBe(42);

    // Two more rounds, then one in progress: what the hall sees mid-meeting.
    for (const presenter of [2, 3]) {
      await open(presenter);
      await vote(presenter, [0, 1, 2, 3, 4, 5, 6]);
      await close();
    }
    await open(4);
    await vote(4, [0, 1, 2, 3, 4]);
    await counterShows(page, "5 / 7");
    await waitForRow(page, "区发展和改革局");
    expect(await mark(page)).toBe(42);
    // The picture once the progress bar and the "new row" highlight have settled.
    await waitFor(page, `document.getAnimations().every((a) => a.playState === "finished")`);
    await page.screenshot({ path: screenshotPath("screenshot-screen.png") });

    // Nothing on the page or in its state names a judge.
    const state = await (await fetch(`${link}/state.json`)).text();
    const html = await page.content();
    for (const judge of judges) {
      expect(state).not.toContain(judge.first_name);
      expect(html).not.toContain(judge.first_name);
      expect(state).not.toContain(String(judge.id));
    }
    await page.close();
  }, 180_000);

  it("shows a 404 page for a wrong link and tells an open page when its link is revoked", async () => {
    const bot = await startBot();
    const link = await setUp();
    const wrong = await meeting.browser.newPage();
    const missing = await wrong.goto(`http://localhost:${bot.port}/screen/${"A".repeat(24)}`);
    expect(missing?.status()).toBe(404);
    expect(await wrong.locator("body").innerText()).toContain("此大屏链接不存在或已被撤销");
    await wrong.close();

    const page = await meeting.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(link);
    await page.waitForSelector(".conn:not(.off)");
    await say("/screen revoke", "大屏链接已失效");
    await page.waitForSelector(".banner.show");
    expect(await text(page, "#banner")).toContain("此大屏链接已被主持人撤销");
    expect((await fetch(link)).status).toBe(404);
    expect(buttonsOf(meeting.api.lastMessage(GROUP))).toEqual([]);
    await page.close();
  }, 120_000);
});
