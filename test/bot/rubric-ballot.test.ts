// The button ballot with rubrics: the description under the criterion, the grade band first and
// then a value inside it; the 📝 表单评分 (Mini App) button only with an https PUBLIC_URL.
import { afterEach, describe, expect, it } from "vitest";
import { buttonsOf } from "../support/bot-api-server.js";
import { createHarness, GROUP, type Harness } from "./harness.js";
import { chair, contestOf, press, zhang } from "./integrity-support.js";
import { decodeCallback } from "../../src/bot/callback-data.js";

const CRITERIA = [
  "/criteria",
  "实施性 30 | 对照实施方案看进度与成效 | 优 27-30, 良 24-26, 中 18-23, 差 0-17",
  "创新性 30 | 有无新思路新举措",
  "持续性 100 | | 优 90-100, 良 75-89, 合格 0-74",
].join("\n");

const setUp = async (h: Harness) => {
  h.model.setAdmins(GROUP, [], chair.id);
  await h.say(chair, GROUP, "/newcontest 季度述职评议");
  const saved = await h.say(chair, GROUP, CRITERIA);
  await h.say(chair, GROUP, "/presenters\n区交通运输局\n区教育局");
  await h.say(chair, GROUP, "/join");
  h.model.startUser(zhang);
  await h.tap(zhang, GROUP, h.model.lastMessage(GROUP)!, /加入评委/);
  await h.say(chair, GROUP, "/open");
  return saved;
};

const ballotOf = (h: Harness) => h.model.lastMessage(zhang.id)!;
const texts = (h: Harness) => buttonsOf(ballotOf(h)).map((b) => b.text);

describe("the button ballot with grade bands", () => {
  let h: Harness;
  afterEach(() => h.close());

  it("shows the rubric, asks for the band, then the values inside it, and stores what was chosen", async () => {
    h = await createHarness();
    const saved = await setUp(h);
    expect(saved?.text).toContain("1. 实施性 30\n   对照实施方案看进度与成效\n   优 27–30 / 良 24–26 / 中 18–23 / 差 0–17");

    const first = ballotOf(h);
    expect(first.text).toContain("评分项 1/3：实施性（0–30）\n📖 对照实施方案看进度与成效\n等级：优 27–30 / 良 24–26 / 中 18–23 / 差 0–17\n先选等级：");
    // Four large buttons in rows of two instead of 31 values.
    expect(first.replyMarkup && "inline_keyboard" in first.replyMarkup ? first.replyMarkup.inline_keyboard.slice(0, 2).map((r) => r.map((b) => b.text)) : []).toEqual([
      ["优 27–30", "良 24–26"],
      ["中 18–23", "差 0–17"],
    ]);

    await h.tap(zhang, zhang.id, first, "良 24–26");
    expect(ballotOf(h).text).toContain("等级 良 24–26，请选分数：");
    expect(texts(h).slice(0, 4)).toEqual(["24", "25", "26", "◀ 上一项"]);
    await h.tap(zhang, zhang.id, ballotOf(h), "25");

    // A criterion without bands keeps its plain keypad, with the description above it.
    expect(ballotOf(h).text).toContain("评分项 2/3：创新性（0–30）\n📖 有无新思路新举措");
    expect(texts(h)).toContain("30");
    await h.tap(zhang, zhang.id, ballotOf(h), "22");

    // A band of more than 40 values is split into pages, each named after the band.
    expect(texts(h).slice(0, 4)).toEqual(["优 90–100", "良 75–89", "合格 0–37", "合格 38–74"]);
    await h.tap(zhang, zhang.id, ballotOf(h), "合格 38–74");
    await h.tap(zhang, zhang.id, ballotOf(h), "70");
    expect(ballotOf(h).text).toContain("• 实施性：25 / 30（良）\n• 创新性：22 / 30\n• 持续性：70 / 100（合格）");
    await h.tap(zhang, zhang.id, ballotOf(h), /^✅/);

    const contest = await contestOf(h);
    expect((await h.store.ballots.forPresenter(contest.id, 0)).map((b) => b.scores)).toEqual([[25, 22, 70]]);

    // Going back to a banded criterion marks the band of the value chosen before.
    await h.tap(zhang, zhang.id, ballotOf(h), "✏️ 实施性");
    expect(texts(h).slice(0, 2)).toEqual(["优 27–30", "• 良 24–26 •"]);
  });

  it("keeps every button within 64 bytes and decodable, and checks a forged value in the script", async () => {
    h = await createHarness();
    await setUp(h);
    const contest = await contestOf(h);
    for (const button of buttonsOf(ballotOf(h))) {
      const data = "callback_data" in button ? button.callback_data : undefined;
      expect(Buffer.byteLength(data ?? "")).toBeLessThanOrEqual(64);
      expect(decodeCallback(data)).toBeDefined();
    }
    // Out of range for the criterion: refused with the same text as always, nothing in the draft.
    const answer = await press(h, zhang, zhang.id, ballotOf(h).messageId, `v|${contest.id}|0|0|31`);
    expect(answer?.text).toBe("这个分数不在允许范围内。");
    expect((await h.store.ballots.state(contest.id, 0, zhang.id))?.draft.scores).toEqual({});
    // A band that does not exist shows no values rather than failing.
    await press(h, zhang, zhang.id, ballotOf(h).messageId, `k|${contest.id}|0|0|9`);
    expect(h.lastCallbackAnswer()).toBeDefined();
  });

  it("adds the 📝 表单评分 web_app button only when PUBLIC_URL is https", async () => {
    h = await createHarness();
    await setUp(h);
    expect(buttonsOf(ballotOf(h)).some((b) => "web_app" in b)).toBe(false);
    await h.close();

    h = await createHarness({
      bot: { config: { DEFAULT_LOCALE: "zh-CN", COUNTER_EDIT_INTERVAL_S: 0, TELEGRAM_API_ROOT: "http://127.0.0.1:1", PUBLIC_URL: "https://score.example.org/" } },
    });
    await setUp(h);
    const contest = await contestOf(h);
    const app = buttonsOf(ballotOf(h)).find((b) => "web_app" in b);
    expect(app).toEqual({ text: "📝 表单评分", web_app: { url: `https://score.example.org/app/ballot/${contest.id}/0` } });
    // It stays on every screen of the open ballot.
    await h.tap(zhang, zhang.id, ballotOf(h), "优 27–30");
    expect(buttonsOf(ballotOf(h)).some((b) => "web_app" in b)).toBe(true);
  });
});
