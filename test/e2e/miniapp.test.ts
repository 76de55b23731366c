// The judges' Mini App in a real browser: the page served by the bot's routes (real bot, real
// Redis), opened the way Telegram opens it (launch parameters with test-signed initData in the URL
// hash), filled with the stepper, the number field and a grade, submitted, changed; checked against
// the button path in Redis, on the judge's ballot message and on the live counter. Saves
// screenshot-miniapp.png for the README (see screenshotPath).
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chromiumAvailable, launchChromium, screenshotPath } from "../support/chromium.js";
import { buttonsOf, type TestUser } from "../support/bot-api-server.js";
import { signedInitData } from "../support/init-data.js";
import { GROUP } from "../bot/harness.js";
import { chair, li, zhang } from "../bot/integrity-support.js";
import { createBallotAppHarness, type BallotAppHarness } from "../http/ballot-app-support.js";
import { parseCriteriaLines } from "../../src/domain/setup-lines.js";
import type { Contest } from "../../src/domain/contest.js";

const hasChromium = chromiumAvailable("mini app e2e");

const criteria = parseCriteriaLines(
  [
    "实施性 30 | 对照实施方案，看工作进度与成效 | 优 27-30, 良 24-26, 中 18-23, 差 0-17",
    "创新性 30 | 有无新思路、新举措、新突破 | 优 27-30, 良 24-26, 中 18-23, 差 0-17",
    "持续性 20 | 机制是否长效，能否持续推进 | 优 18-20, 良 15-17, 中 12-14, 差 0-11",
    "推广性 20 0.5 | 经验做法能否复制推广",
  ].join("\n"),
);

// Telegram's light theme, as a client hands it over in tgWebAppThemeParams.
const THEME = {
  bg_color: "#ffffff",
  text_color: "#000000",
  hint_color: "#707579",
  link_color: "#3390ec",
  button_color: "#3390ec",
  button_text_color: "#ffffff",
  secondary_bg_color: "#f4f4f5",
  section_bg_color: "#ffffff",
  accent_text_color: "#3390ec",
  destructive_text_color: "#e53935",
};

describe.skipIf(!hasChromium)("the Mini App in a real browser (e2e)", () => {
  let browser: Browser;
  let b: BallotAppHarness;
  let server: ServerType;
  let base: string;
  let contest: Contest;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!criteria.ok) throw new Error("criteria do not parse");
    b = await createBallotAppHarness();
    contest = await b.openRound({ criteria: criteria.value });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: b.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await b.h.close();
  });

  /** Opens the page as Telegram does: the launch parameters in the hash. */
  const open = async (user: TestUser, initData = signedInitData(user, b.h.model.token)): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 400, height: 860 }, deviceScaleFactor: 2 });
    const launch = new URLSearchParams({ tgWebAppData: initData, tgWebAppVersion: "8.0", tgWebAppPlatform: "android", tgWebAppThemeParams: JSON.stringify(THEME) });
    await page.goto(`${base}/app/ballot/${contest.id}/0#${launch.toString()}`);
    return page;
  };

  const card = (page: Page, i: number) => page.locator(`[data-criterion="${i}"]`);

  /** The button path: a grade first when the criterion has grades, then the value. */
  const tapValue = async (judge: TestUser, value: number) => {
    const message = b.h.model.lastMessage(judge.id)!;
    const labels = buttonsOf(message).map((x) => x.text);
    if (!labels.includes(String(value))) {
      const band = labels.find((label) => {
        const m = /(\d+(?:\.\d+)?)–(\d+(?:\.\d+)?)$/.exec(label);
        return !!m && value >= Number(m[1]) && value <= Number(m[2]);
      });
      await b.h.tap(judge, judge.id, message, band!);
    }
    await b.h.tap(judge, judge.id, b.h.model.lastMessage(judge.id)!, String(value));
  };

  /** The ballot message without what differs between two judges (time, receipt). */
  const comparable = (text: string | undefined) =>
    (text ?? "").replace(/\d{1,2}:\d{2}:\d{2}/g, "T").replace(/^🧾.*$/m, "");

  it("scores, submits and changes a ballot like the buttons do; read-only after the close", async () => {
    const page = await open(zhang);
    await expect.poll(() => card(page, 3).isVisible()).toBe(true);
    expect(await page.locator("#presenter").textContent()).toBe("第 1/3 位：区交通运输局");
    expect(await card(page, 0).locator(".desc").textContent()).toBe("对照实施方案，看工作进度与成效");
    // Telegram's theme colours are applied.
    expect(await page.evaluate("getComputedStyle(document.getElementById('submit')).backgroundColor")).toBe("rgb(51, 144, 236)");

    // A grade sets its top value; the stepper goes down from there.
    await card(page, 0).getByRole("button", { name: "优 27–30" }).click();
    for (let i = 0; i < 3; i++) await card(page, 0).getByRole("button", { name: "减少" }).click();
    await card(page, 1).locator("input").fill("26");
    // A value off the step or over the max is shown as wrong and cannot be submitted.
    await card(page, 2).locator("input").fill("21");
    expect(await card(page, 2).locator(".now").textContent()).toBe("分数应在 0–20 之间，且是 1 的整数倍");
    expect(await page.locator("#submit").isDisabled()).toBe(true);
    await card(page, 2).locator("input").fill("18");
    await card(page, 3).locator("input").fill("17.5");
    expect(await card(page, 0).locator(".now").textContent()).toBe("等级：优");
    expect(await page.locator("#total").textContent()).toBe("合计：88.50");

    expect(await page.locator("#submit").textContent()).toBe("提交评分");
    await page.evaluate("window.scrollTo(0, 0)");
    await page.screenshot({ path: screenshotPath("screenshot-miniapp.png") });
    const since = b.h.model.checkpoint();
    await page.locator("#submit").click();
    await expect.poll(() => page.locator("#status").textContent()).toMatch(/^✅ 已提交（第 1 版，\d\d:\d\d:\d\d）。本轮结束前可以修改。$/);

    // The same ballot by the buttons.
    for (const value of [27, 26, 18, 17.5]) await tapValue(li, value);
    await b.h.tap(li, li.id, b.h.model.lastMessage(li.id)!, /^✅/);

    // Redis: the same scores, by either path.
    const ballots = await b.h.store.ballots.forPresenter(contest.id, 0);
    expect(ballots.map((x) => [x.judgeId, x.scores, x.version])).toEqual([
      [zhang.id, [27, 26, 18, 17.5], 1],
      [li.id, [27, 26, 18, 17.5], 1],
    ]);
    // The judge's ballot message: the same submitted review (one edit for the Mini App's submit,
    // besides the draft saves that only touch Redis).
    const appMessage = b.h.model.lastMessage(zhang.id)!;
    const buttonMessage = b.h.model.lastMessage(li.id)!;
    expect(appMessage.text).toContain("合计：88.50");
    expect(comparable(appMessage.text)).toBe(comparable(buttonMessage.text));
    expect(buttonsOf(appMessage).map((x) => x.text)).toEqual(buttonsOf(buttonMessage).map((x) => x.text));
    const zhangEdits = b.h.model.calls.slice(since).filter((c) => c.method === "editMessageText" && Number(c.params.chat_id) === zhang.id);
    expect(zhangEdits).toHaveLength(1);
    // The live counter counts both.
    expect(b.h.model.messages(GROUP).some((m) => m.text?.includes("已提交：2/3"))).toBe(true);

    // A change: one more point for 创新性, submitted as version 2.
    await card(page, 1).getByRole("button", { name: "增加" }).click();
    expect(await page.locator("#status").textContent()).toContain("⚠️ 修改尚未提交。");
    expect(await page.locator("#submit").textContent()).toBe("提交修改");
    await page.locator("#submit").click();
    await expect.poll(() => page.locator("#status").textContent()).toMatch(/^✅ 已提交（第 2 版，/);
    expect((await b.h.store.ballots.forPresenter(contest.id, 0)).find((x) => x.judgeId === zhang.id)).toMatchObject({
      scores: [27, 27, 18, 17.5],
      version: 2,
    });
    expect(b.h.model.message(zhang.id, appMessage.messageId)!.text).toContain("第 2 版");

    // After the close the page shows the stored ballot and allows no change.
    await b.h.closeRound(chair, GROUP);
    await page.reload();
    await expect.poll(() => page.locator("#status").textContent()).toBe("🔒 本轮评分已结束。你的评分：");
    expect(await card(page, 1).locator("input").inputValue()).toBe("27");
    expect(await card(page, 1).locator("input").isDisabled()).toBe(true);
    expect(await page.locator("#submit").isHidden()).toBe(true);
    await page.close();
  });

  it("refuses expired and forged initData in the page, with nothing stored", async () => {
    const expired = await open(zhang, signedInitData(zhang, b.h.model.token, { authDate: Math.floor(Date.now() / 1000) - 7200 }));
    await expect.poll(() => expired.locator("#banner").textContent()).toContain("登录信息已过期");
    const forged = await open(zhang, signedInitData(zhang, b.h.model.token, { tamper: (f) => ({ ...f, user: JSON.stringify({ id: li.id }) }) }));
    await expect.poll(() => forged.locator("#banner").textContent()).toContain("无法确认你的身份");
    expect(await forged.locator("[data-criterion]").count()).toBe(0);
    expect(await b.h.store.ballots.forPresenter(contest.id, 0)).toEqual([]);
    await expired.close();
    await forged.close();
  });
});
