// The scoreboard's clocks and join view in a real browser, served by the built bot process while
// the chair runs the meeting through the local Bot API server: a timed round's countdown (red in
// its last minute), the speaking timer (/timer), the join view (/screen join) whose QR codes,
// read back from the page's pixels, are the panels' join links and whose counts follow judges
// joining by them, and /screen board. Saves docs/screenshot-clocks.png and docs/screenshot-join.png.
//
// Needs Chromium (Debian: apt-get install chromium fonts-noto-cjk; or CHROMIUM_PATH=...).
import jsQRModule from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { chromiumAvailable, screenshotPath } from "../support/chromium.js";
import type { TestUser } from "../support/bot-api-server.js";
import { scoreboardMeeting, waitForPage } from "./scoreboard-meeting.js";

type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR: Decode = (jsQRModule as unknown as { default?: Decode }).default ?? (jsQRModule as unknown as Decode);

const hasChromium = chromiumAvailable("screen clocks e2e");

const GROUP = -100_889;
const chair: TestUser = { id: 901, first_name: "周主任", language_code: "zh-hans" };
const judges: TestUser[] = [
  { id: 911, first_name: "李明" },
  { id: 912, first_name: "王芳" },
  { id: 913, first_name: "陈静" },
];

describe.skipIf(!hasChromium)("scoreboard clocks and join view in a real browser (e2e)", () => {
  const meeting = scoreboardMeeting({ group: GROUP, chair, judges, timeoutMs: 20_000 });
  const { startBot, close } = meeting;
  /** The chair writes in the group; resolves once the bot's message in `chat` contains `reply`. */
  const say = (text: string, reply: string, chat = GROUP) => meeting.say(text, reply, { chat });

  /** A contest from the sample file (two panels), no quorum; resolves with the scoreboard's link. */
  const setUp = async () => {
    await meeting.createContest();
    await say("/quorum 0", "");
    return meeting.screenLink();
  };

  const waitFor = (page: Page, condition: string, timeoutMs = 20_000) => waitForPage(page, condition, timeoutMs, 100);
  const textOf = (page: Page, selector: string): Promise<string> => page.evaluate(`document.querySelector(${JSON.stringify(selector)})?.textContent ?? ""`);
  const visible = (selector: string) => `(() => { const e = document.querySelector(${JSON.stringify(selector)}); return !!e && !e.hidden && e.getClientRects().length > 0; })()`;
  /** Seconds a "m:ss" clock shows. */
  const seconds = (clock: string): number => {
    const match = /^(\d+):(\d\d)$/.exec(clock);
    if (!match) throw new Error(`not a clock: ${clock}`);
    return Number(match[1]) * 60 + Number(match[2]);
  };
  /** Font size (px) of an element as drawn. */
  const fontPx = (page: Page, selector: string): Promise<number> =>
    page.evaluate(`parseFloat(getComputedStyle(document.querySelector(${JSON.stringify(selector)})).fontSize)`);
  const settled = (page: Page) => waitFor(page, `document.getAnimations().every((a) => a.playState === "finished" || a.effect?.getTiming().iterations === Infinity)`);

  it("shows a timed round's countdown, red in its last minute, and the chair's speaking timer large", async () => {
    await startBot();
    const link = await setUp();
    // One judge, by the group's button.
    await meeting.joinPanels([{ judge: judges[0]!, panel: /区领导/ }]);
    const page = await meeting.browser.newPage({ viewport: { width: 1280, height: 720 } });
    expect((await page.goto(link))?.status()).toBe(200);
    await page.waitForSelector(".conn:not(.off)");
    expect(await page.evaluate(visible("#round-clock"))).toBe(false);

    // A 3-minute round: the countdown runs, white while more than a minute is left.
    await say("/open 1 3", "第 1/6 位");
    await waitFor(page, visible("#round-clock"));
    const first = seconds(await textOf(page, "#round-clock-value"));
    expect(first).toBeGreaterThan(150);
    expect(first).toBeLessThanOrEqual(180);
    expect(await page.evaluate(`document.querySelector("#round-clock").classList.contains("last")`)).toBe(false);
    // It ticks in the page, without a new state from the server.
    await waitFor(page, `(() => { const [m, s] = document.querySelector("#round-clock-value").textContent.split(":"); return Number(m) * 60 + Number(s) < ${first}; })()`);

    // /timer 5: the speaking timer, large, for the presenter of the open round; the group hears nothing.
    const groupBefore = meeting.api.model.callsTo("sendMessage").filter((c) => Number(c.params.chat_id) === GROUP).length;
    await say("/timer 5", "发言计时 5 分钟", chair.id);
    await waitFor(page, visible("#speaking"));
    expect(await textOf(page, "#speaking-name")).toBe("第 1 位 · 坡头镇");
    expect(seconds(await textOf(page, "#speaking-digits"))).toBeGreaterThan(280);
    expect(await fontPx(page, "#speaking-digits")).toBeGreaterThan(150); // a quarter of a 720-pixel screen
    expect(meeting.api.model.callsTo("sendMessage").filter((c) => Number(c.params.chat_id) === GROUP).length).toBe(groupBefore);
    // Bad input is answered with the usage, in private.
    await say("/timer 500", "用法：/timer 分钟", chair.id);
    await say("/timer stop", "发言计时已停止", chair.id);
    await waitFor(page, `!(${visible("#speaking")})`);

    // The next round has one minute: the countdown is red from the start.
    await close();
    await waitFor(page, `!(${visible("#round-clock")})`);
    await say("/open 2 1", "第 2/6 位");
    await waitFor(page, `${visible("#round-clock")} && document.querySelector("#round-clock").classList.contains("last")`);
    expect(seconds(await textOf(page, "#round-clock-value"))).toBeLessThanOrEqual(60);
    expect(await page.evaluate(`getComputedStyle(document.querySelector("#round-clock-value")).color`)).toBe("rgb(255, 77, 79)");
    await say("/timer 3", "发言计时 3 分钟", chair.id);
    await waitFor(page, `${visible("#speaking")} && document.querySelector("#speaking-name").textContent === "第 2 位 · 麻斜街道"`);
    await settled(page);
    await page.screenshot({ path: screenshotPath("screenshot-clocks.png") });

    // A half-minute timer runs out on the page: red, and "time is up".
    await say("/timer 0.5", "发言计时 0.5 分钟", chair.id);
    await waitFor(page, `document.querySelector("#speaking").classList.contains("last")`);
    await waitFor(page, `document.querySelector("#speaking").classList.contains("over")`, 60_000);
    expect(await textOf(page, "#speaking-digits")).toBe("0:00");
    expect(await textOf(page, "#speaking-up")).toBe("时间到");
    await page.close();
  }, 240_000);

  it("shows each panel's join QR code with the judges joined, live, and switches back to the board", async () => {
    await startBot();
    const link = await setUp();
    const page = await meeting.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(link);
    await page.waitForSelector(".conn:not(.off)");

    await say("/screen join", "大屏已显示扫码加入", chair.id);
    await waitFor(page, `${visible("#join-view")} && document.querySelectorAll(".join-card img").length === 2`);
    expect(await page.evaluate(`[...document.querySelectorAll(".join-card .jname")].map((e) => e.textContent)`)).toEqual(["区领导", "两代表一委员"]);
    // Every QR code is an image drawn by the server (a data: URL), never fetched from elsewhere.
    expect(await page.evaluate(`[...document.querySelectorAll(".join-card img")].every((img) => img.src.startsWith("data:image/svg+xml;base64,"))`)).toBe(true);

    // The codes as the hall's phones see them: decoded from the page's pixels.
    const decoded: string[] = [];
    for (const img of await page.locator(".join-card img").all()) {
      const png = PNG.sync.read(await img.screenshot());
      decoded.push(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? "");
    }
    expect(decoded).toHaveLength(2);
    for (const url of decoded) expect(url).toMatch(/^https:\/\/t\.me\/[A-Za-z0-9_]+\?start=[A-Za-z0-9_-]+$/);
    expect(new Set(decoded).size).toBe(2);

    // Judges scan: two with the first panel's code, one with the second's; the counts follow live.
    const scan = async (judge: TestUser, url: string) => {
      const { api } = meeting;
      api.startUser(judge);
      const since = api.model.checkpoint();
      api.send(judge, judge.id, `/start ${new URL(url).searchParams.get("start")}`);
      await api.waitForCall("sendMessage", (c) => Number(c.params.chat_id) === judge.id, { since, timeoutMs: 20_000 });
    };
    const counts = () => page.evaluate(`[...document.querySelectorAll(".join-card .jcount")].map((e) => e.textContent).join(" | ")`);
    await scan(judges[0]!, decoded[0]!);
    await waitFor(page, `document.querySelector("#join-total").textContent === "已加入 1 位评委"`);
    await scan(judges[1]!, decoded[0]!);
    await scan(judges[2]!, decoded[1]!);
    await waitFor(page, `document.querySelector("#join-total").textContent === "已加入 3 位评委"`);
    expect(await counts()).toBe("已加入 2 人 | 已加入 1 人");
    // They sit in the panels whose codes they scanned.
    await settled(page);
    await page.screenshot({ path: screenshotPath("screenshot-join.png") });

    // Nothing on the page or in its state names a judge.
    const state = await (await fetch(`${link}/state.json`)).text();
    const html = await page.content();
    for (const judge of judges) {
      expect(state).not.toContain(judge.first_name);
      expect(html).not.toContain(judge.first_name);
    }

    // /screen board: the board again.
    await say("/screen board", "大屏已切回排名", chair.id);
    await waitFor(page, `!(${visible("#join-view")})`);
    expect(await page.evaluate(visible("#groups"))).toBe(true);
    await page.close();
  }, 180_000);
});
