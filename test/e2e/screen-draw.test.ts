// The draw (抽签) on the scoreboard in a real browser: the built bot serves the page, the chair
// scores one unit and sends /draw; the page shuffles the names, then settles into exactly the order
// the group's message states (the scored unit kept its place), shows the seed, and goes back to the
// board, whose "next" is the drawn first, at its drawn place with its unit number. Saves
// docs/screenshot-draw.png.
//
// Needs Chromium (Debian: apt-get install chromium fonts-noto-cjk; or CHROMIUM_PATH=...).
import { chromiumAvailable, screenshotPath } from "../support/chromium.js";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { TestUser } from "../support/bot-api-server.js";
import { scoreboardMeeting, waitForPage } from "./scoreboard-meeting.js";

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
  const meeting = scoreboardMeeting({ group: GROUP, chair, judges, timeoutMs: 20_000 });
  const { say } = meeting;

  const waitFor = (page: Page, condition: string, timeoutMs = 20_000) => waitForPage(page, condition, timeoutMs);
  /** The names on the draw card as the hall sees them, top to bottom (then column by column). */
  const shownOrder = (page: Page): Promise<string[]> =>
    page.evaluate(`[...document.querySelectorAll("#draw .draw-name")]
      .map((n) => ({ name: n.firstChild.textContent, box: n.getBoundingClientRect() }))
      .sort((a, b) => Math.round(a.box.left / 40) - Math.round(b.box.left / 40) || a.box.top - b.box.top)
      .map((x) => x.name)`);

  it("shuffles the names, settles into the order the group was told, then shows the drawn next", async () => {
    await meeting.startBot();
    await meeting.createContest();
    await meeting.joinPanels(judges.map((judge) => ({ judge, panel: new RegExp(judge.panel) })));
    const link = await meeting.screenLink();

    // The first unit is scored before the draw: it keeps its place (three judges are enough here).
    await say("/quorum 0", "");
    await meeting.open("/open", "第 1/6 位");
    for (const judge of judges) await meeting.submitBallot(judge.id, [26, 25, 17, 16]);
    await say("/close", "当前排名");

    const page = await meeting.browser.newPage({ viewport: { width: 1280, height: 720 } });
    expect((await page.goto(link))?.status()).toBe(200);
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

    // A few seconds later the card goes and the board's "next" is the drawn next, at its drawn
    // place, with its unit number beside it when the draw moved it (as the group is told at /open).
    await page.waitForSelector("#draw[hidden]", { state: "attached", timeout: 30_000 });
    await waitFor(page, `document.querySelector("#who")?.textContent?.startsWith(${JSON.stringify(told[1])})`);
    const n = UNITS.indexOf(told[1]!) + 1;
    const place = n === 2 ? "第 2/6 位" : `第 2/6 位（${n}号）`;
    expect(await page.locator("#kicker").innerText()).toBe(`即将汇报 · ${place}`);
    await say("/open", `${place}：${told[1]}`);
    await waitFor(page, `document.querySelector("#kicker")?.textContent === ${JSON.stringify(`正在评分 · ${place}`)}`);

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
