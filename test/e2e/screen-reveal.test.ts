// The reveal card (亮分) and the final view in a real browser: the built bot process serves the
// scoreboard, the chair runs the sample meeting (two panels, trimmed mean, prior blend) through the
// local Bot API server. The card's numbers are the ones the group is told (the closed
// announcement, the standings message, /detail); the page and its data name no judge; a reload
// keeps the card; then the standings come back with the unit's row highlighted; a /draw made while
// a card is up takes the screen, and so does opening the next round; after /finish the
// final table with prizes, bands and the formula line. Takes screenshot-reveal.png and
// screenshot-final.png (1280×720) into test-results/, or into docs/ with UPDATE_SCREENSHOTS=1: the
// browser's antialiasing of the faded marks varies by a few pixels from run to run, and a test run
// should not leave the checked-in pictures changed.
//
// Needs Chromium (Debian: apt-get install chromium fonts-noto-cjk; or CHROMIUM_PATH=...).
import { chromiumAvailable, screenshotPath } from "../support/chromium.js";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { TestUser } from "../support/bot-api-server.js";
import { rows, scoreboardMeeting, waitForPage } from "./scoreboard-meeting.js";

const hasChromium = chromiumAvailable("screen reveal e2e");

/** Where a screenshot goes (see above). */

const GROUP = -100_889;
const chair: TestUser = { id: 6_120_000_801, first_name: "周主任", username: "zhou_chair", language_code: "zh-hans" };
/** Telegram-sized ids, so that no number on the page can contain one by chance. */
const judges: Array<TestUser & { panel: string }> = [
  { id: 6_120_000_811, first_name: "李明", username: "liming_tg", panel: "区领导" },
  { id: 6_120_000_812, first_name: "王芳", username: "wangfang_tg", panel: "区领导" },
  { id: 6_120_000_813, first_name: "张伟", username: "zhangwei_tg", panel: "区领导" },
  { id: 6_120_000_814, first_name: "刘洋", username: "liuyang_tg", panel: "区领导" },
  { id: 6_120_000_815, first_name: "陈静", username: "chenjing_tg", panel: "两代表一委员" },
  { id: 6_120_000_816, first_name: "杨磊", username: "yanglei_tg", panel: "两代表一委员" },
  { id: 6_120_000_817, first_name: "赵敏", username: "zhaomin_tg", panel: "两代表一委员" },
];

/** Points per criterion (30/30/20/20) of each judge for each presenter. */
const BASE = [
  [26, 24, 17, 16],
  [27, 26, 18, 17],
  [23, 22, 16, 15],
  [27, 26, 17, 18],
];
const MAX = [30, 30, 20, 20];
const pointsOf = (presenter: number, judge: number) =>
  BASE[presenter]!.map((v, c) => Math.max(0, Math.min(MAX[c]!, v + ((judge * (c + 3) + presenter) % 5) - 2)));
/** A ballot's total: the criteria's maxima add up to 100, so the points' sum. */
const totalOf = (presenter: number, judge: number) => pointsOf(presenter, judge).reduce((a, b) => a + b, 0);

/** How the card should list a panel's totals: best first, the highest and lowest struck (trimmed mean, trim 1). */
const expectedMarks = (presenter: number, panel: string): string[] => {
  const totals = judges.flatMap((j, i) => (j.panel === panel ? [totalOf(presenter, i)] : [])).sort((a, b) => b - a);
  return totals.map((t, i) => `${t.toFixed(2)}${i === 0 || i === totals.length - 1 ? " struck" : ""}`);
};

describe.skipIf(!hasChromium)("scoreboard reveal and final view in a real browser (e2e)", () => {
  // Long enough for a slow machine to look at the card, reload and look again.
  const meeting = scoreboardMeeting({ group: GROUP, chair, judges, timeoutMs: 20_000, env: { SCREEN_REVEAL_S: "30" } });
  const { say, close } = meeting;

  const vote = async (presenter: number) => {
    for (const [j, judge] of judges.entries()) await meeting.submitBallot(judge.id, pointsOf(presenter, j));
  };

  const open = (presenter: number) => meeting.open(`/open ${presenter + 1}`, `第 ${presenter + 1}/6 位`);

  const setUp = async () => {
    await meeting.createContest();
    await meeting.joinPanels(judges.map((judge) => ({ judge, panel: new RegExp(judge.panel) })));
    return meeting.screenLink();
  };

  const waitFor = (page: Page, condition: string, timeoutMs = 30_000) => waitForPage(page, condition, timeoutMs);
  /** The card's marks per panel as the hall reads them: "90.00 struck", "85.00", … */
  const cardPanels = (page: Page): Promise<Array<{ head: string; marks: string[]; labels: string[]; sub: string }>> =>
    page.evaluate(`[...document.querySelectorAll("#rv-panels .rv-panel")].map((p) => ({
      head: p.querySelector("h3").textContent,
      marks: [...p.querySelectorAll(".rv-mk")].map((m) => m.querySelector(".v").textContent + (m.classList.contains("struck") ? " struck" : "")),
      labels: [...p.querySelectorAll(".rv-mk .j")].map((j) => j.textContent),
      sub: p.querySelector(".rv-sub").textContent,
    }))`);
  /** The card is up with every step shown and the score counted to its end. */
  const cardSettled = (page: Page, score: string) =>
    waitFor(page, `!document.querySelector("#rv").hidden && document.querySelector("#rv-note").classList.contains("on") && document.querySelector("#rv-score").textContent === ${JSON.stringify(score)}`);
  const cardGone = (page: Page) => waitFor(page, `document.querySelector("#rv").hidden`, 60_000);
  const noJudgeIn = (...texts: string[]) => {
    for (const text of texts) {
      for (const judge of judges) {
        expect(text).not.toContain(judge.first_name);
        expect(text).not.toContain(judge.username);
        expect(text).not.toContain(String(judge.id));
      }
    }
  };

  it("reveals a closed round with the group's numbers and no judge, keeps it across a reload, returns to the highlighted row, and ends on the final table", async () => {
    await meeting.startBot();
    const link = await setUp();
    const page = await meeting.browser.newPage({ viewport: { width: 1280, height: 720 } });
    expect((await page.goto(link))?.status()).toBe(200);
    await page.waitForSelector(".conn:not(.off)");

    // Round 1 closes: the announcement and the standings message say its score…
    await open(0);
    await vote(0);
    const since = meeting.api.model.checkpoint();
    const standings = await say("/close", "当前排名");
    const announced = await meeting.api.waitForCall("editMessageText", (c) => Number(c.params.chat_id) === GROUP && String(c.params.text).includes("🔒 评分已结束"), { since, timeoutMs: 20_000 });
    const posted = /1\. 坡头镇 — (\d+\.\d\d)（7 份）/.exec(standings)?.[1];
    expect(posted).toBeDefined();
    expect(String(announced.params.text)).toContain(`🏅 得分：${posted}（7 份有效评分）`);

    // …and the card counts up to exactly that, after each judge's total, best first, trimmed ones struck.
    await cardSettled(page, posted!);
    expect(await page.locator("#rv-unit").innerText()).toContain("坡头镇");
    const panels = await cardPanels(page);
    expect(panels.map((p) => p.head)).toEqual(["区领导 · 70%", "两代表一委员 · 30%"]);
    expect(panels.map((p) => p.marks)).toEqual([expectedMarks(0, "区领导"), expectedMarks(0, "两代表一委员")]);
    expect(panels.flatMap((p) => p.labels)).toEqual(judges.map((_, i) => `评委 ${i + 1}`));
    // Panel subtotals, live and prior: /detail's numbers.
    const detail = await say("/detail 1", "得分明细");
    for (const panel of panels) {
      const name = panel.head.split(" · ")[0]!;
      const score = new RegExp(`${name}：(\\d+\\.\\d\\d)`).exec(detail)?.[1];
      expect(score).toBeDefined();
      expect(panel.sub).toBe(`小计 ${score}`);
    }
    const live = /现场得分：(\d+\.\d\d)/.exec(detail)?.[1];
    expect(await page.locator("#rv-blend").innerText()).toBe(`现场 ${live} × 60% + 平时 88 × 40%`);
    expect(detail).toContain(`最终得分：${posted}`);
    expect(await page.locator("#rv-rank").innerText()).toBe("组内第 1 名");

    // Neither the page nor its data names a judge.
    const state = await (await fetch(`${link}/state.json`)).text();
    expect(JSON.parse(state).revealCard.final).toBe(posted);
    noJudgeIn(state, await page.content());
    // The picture once every fade has finished, and a moment more for the browser to paint the faded
    // marks as still ones, so that it is the same on every run.
    await waitFor(page, `document.getAnimations().every((a) => a.playState === "finished")`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await page.screenshot({ path: screenshotPath("screenshot-reveal.png") });

    // A reload within the card's time shows the card again, already counted.
    await page.reload();
    await cardSettled(page, posted!);
    expect((await cardPanels(page)).map((p) => p.marks)).toEqual(panels.map((p) => p.marks));
    noJudgeIn(await page.content());

    // When its time is up the standings come back, the unit's row flashing.
    await cardGone(page);
    await waitFor(page, `document.querySelector('.row[data-n="1"]')?.classList.contains("fresh")`);
    expect(await rows(page)).toEqual([`1 坡头镇 ${posted} 7`]);

    // Two more rounds, one per group, then the end. The chair moving on while a card is up ends it:
    // opening the next round gives the screen to its counter, /draw to the draw.
    await open(1);
    await vote(1);
    await close();
    await waitFor(page, `!document.querySelector("#rv").hidden && document.querySelectorAll(".row").length === 2`);
    await open(3);
    await waitFor(page, `document.querySelector("#rv").hidden && document.querySelector("#who").textContent.startsWith("区发展和改革局")`);
    await vote(3);
    await close();
    await waitFor(page, `!document.querySelector("#rv").hidden && document.querySelectorAll(".row").length === 3`);
    await say("/draw", "出场顺序抽签结果");
    await waitFor(page, `document.querySelector("#rv").hidden && !document.querySelector("#draw").hidden`);
    const final = await say("/finish", "最终排名");
    await waitFor(page, `document.querySelector(".board-head .final") && !document.querySelector("#finale").hidden`);
    await waitFor(page, `document.querySelector("#draw").hidden`);
    const table = await rows(page);
    expect(table).toHaveLength(3);
    for (const row of table) {
      // "1 麻斜街道 一等奖 黄 84.48 7" on the page; "1. 麻斜街道 — 84.48（7 份） · 一等奖 · 黄" posted.
      const [rank, name, ...rest] = row.split(/\s+/);
      const [score, ballots] = rest.slice(-2);
      const awards = rest.slice(0, -2);
      expect(final).toContain(`${rank}. ${name} — ${score}（${ballots} 份）${awards.map((a) => ` · ${a}`).join("")}`);
    }
    expect(table.some((row) => row.includes("一等奖"))).toBe(true);
    expect(await page.locator("#finale").innerText()).toBe("计分方法：去掉1个最高分和1个最低分后取平均，区领导70% + 两代表一委员30%，现场60% + 平时40%，结果实时公布");
    noJudgeIn(await (await fetch(`${link}/state.json`)).text(), await page.content());
    await waitFor(page, `document.getAnimations().every((a) => a.playState === "finished")`);
    await page.screenshot({ path: screenshotPath("screenshot-final.png") });
    await page.close();
  }, 300_000);
});
