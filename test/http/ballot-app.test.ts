// The Mini App ballot over HTTP with real Redis, the real bot and initData signed like Telegram's:
// who may ask, what is stored, what the judge's ballot message and the live counter show, and the
// same answers as the buttons for every refusal.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GROUP } from "../bot/harness.js";
import { chair, li, outsider, press, wang, zhang } from "../bot/integrity-support.js";
import { contestKeys } from "../../src/store/keys.js";
import type { Contest } from "../../src/domain/contest.js";
import { DRAW_METHOD, type DrawRecord } from "../../src/domain/draw.js";
import { createBallotAppHarness, type BallotAppHarness } from "./ballot-app-support.js";
import { signedInitData } from "../support/init-data.js";

type Json = { state?: Record<string, unknown> & { draft: Record<string, number>; ballot: { scores: number[]; version: number } | null }; error?: string; message?: string };
const json = async (response: Response) => (await response.json()) as Json;

describe("the Mini App ballot over HTTP", () => {
  let b: BallotAppHarness;
  let contest: Contest;
  beforeEach(async () => {
    b = await createBallotAppHarness();
    contest = await b.openRound();
  });
  afterEach(() => b.h.close());

  /** Everything a ballot step could have written for presenter 0, to show that nothing was. */
  const stored = async () => {
    const keys = contestKeys(b.h.redis.prefix, contest.id);
    const [ballots, drafts, audit] = await Promise.all([
      b.h.redis.redis.hgetall(keys.ballots(0)),
      b.h.redis.redis.hgetall(keys.drafts(0)),
      b.h.redis.redis.xlen(keys.audit),
    ]);
    return { ballots, drafts, audit };
  };

  it("serves a self-contained page under a strict CSP", async () => {
    const page = await b.request(zhang, "GET", "", { initData: null });
    expect(page.status).toBe(200);
    const csp = page.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toMatch(/default-src 'none'; .*script-src 'nonce-[A-Za-z0-9+/=]+'; connect-src 'self'/);
    const html = await page.text();
    // No script, style or image from anywhere else.
    expect(html).not.toMatch(/<script[^>]+src=|<link|<img|@import|url\(/i);
    expect(html.match(/<script nonce="([^"]+)">/)?.[1]).toBe(/'nonce-([^']+)'/.exec(csp)?.[1]);
    // Both languages' texts come from the Fluent files.
    expect(html).toContain("正在加载评分表…");
    expect(html).toContain("Loading your ballot…");
    expect((await b.request(zhang, "GET", "", { initData: null, contestId: "NOT-AN-ID" })).status).toBe(404);
  });

  it("gives the judge their ballot: criteria with rubric, draft, no ballot yet, open", async () => {
    const response = await b.request(zhang, "GET", "/state");
    expect(response.status).toBe(200);
    expect((await json(response)).state).toMatchObject({
      language: "zh-CN",
      title: "季度述职评议",
      presenter: { index: 0, total: 3, name: "区交通运输局" },
      criteria: [
        { name: "实施性", max: 30, step: 1 },
        { name: "创新性", max: 30, step: 1 },
        { name: "持续性", max: 20, step: 1 },
        { name: "推广性", max: 20, step: 1 },
      ],
      draft: {},
      ballot: null,
      open: true,
      round: "open",
    });
  });

  it("gives the drawn place of a unit a draw moved, and the page the text that shows it beside the unit's number", async () => {
    const html = await (await b.request(zhang, "GET", "", { initData: null })).text();
    expect(html).toContain('"presenterMoved":"第 {n}/{total} 位（{unit}号）：{name}"');
    expect(html).toContain('"presenterMoved":"{n}/{total} (unit #{unit}): {name}"');
    const store = b.h.store;
    const read = await store.draws.read(contest.id);
    const record: DrawRecord = { seed: "0123456789abcdef", at: 1, scope: "all", method: DRAW_METHOD, order: [0, 2, 1], drawn: [1, 2], names: ["区交通运输局", "区教育局", "区卫健局"] };
    expect((await store.draws.commit(contest.id, read, record, { by: chair.id, at: 1 })).code).toBe("OK");
    const moved = (await json(await b.request(zhang, "GET", "/state", { presenter: 2 }))).state;
    expect(moved?.presenter).toEqual({ index: 2, total: 3, name: "区卫健局", place: 2 });
    const kept = (await json(await b.request(zhang, "GET", "/state"))).state;
    expect(kept?.presenter).toEqual({ index: 0, total: 3, name: "区交通运输局" });
  });

  it.each([
    ["no initData", null, "UNAUTHORIZED"],
    ["initData without a hash", "auth_date=1&user=%7B%22id%22%3A11%7D", "UNAUTHORIZED"],
    ["a forged hash", () => signedInitData(zhang, b.h.model.token).replace(/hash=[0-9a-f]{8}/, "hash=00000000"), "UNAUTHORIZED"],
    ["initData signed with another bot's token", () => signedInitData(zhang, "123456:another-bot-token-abcdefghijkl"), "UNAUTHORIZED"],
    [
      "another user put into signed initData",
      () => signedInitData(zhang, b.h.model.token, { tamper: (f) => ({ ...f, user: JSON.stringify({ id: li.id, first_name: "李四" }) }) }),
      "UNAUTHORIZED",
    ],
    ["initData signed two hours ago", () => signedInitData(zhang, b.h.model.token, { authDate: Math.floor(Date.now() / 1000) - 7200 }), "EXPIRED"],
    ["initData dated tomorrow", () => signedInitData(zhang, b.h.model.token, { authDate: Math.floor(Date.now() / 1000) + 86_400 }), "UNAUTHORIZED"],
  ])("refuses %s with 401 and stores nothing", async (_, initData, code) => {
    const before = await stored();
    const raw = typeof initData === "function" ? initData() : initData;
    for (const [method, path, body] of [
      ["GET", "/state", undefined],
      ["PUT", "/draft", { criterion: 0, value: 25 }],
      ["POST", "/submit", { scores: [25, 25, 18, 18] }],
    ] as const) {
      const response = await b.request(zhang, method, path, { initData: raw, body });
      expect(response.status).toBe(401);
      const answer = await json(response);
      expect(answer.error).toBe(code);
      expect(answer.message).toContain(code === "EXPIRED" ? "登录信息已过期" : "无法确认你的身份");
    }
    expect(await stored()).toEqual(before);
  });

  it("refuses someone who is not a judge of the contest with 403, whatever they send", async () => {
    const before = await stored();
    for (const [method, path, body] of [
      ["GET", "/state", undefined],
      ["PUT", "/draft", { criterion: 0, value: 25 }],
      ["POST", "/submit", { scores: [25, 25, 18, 18] }],
    ] as const) {
      const response = await b.request(outsider, method, path, { body });
      expect(response.status).toBe(403);
      expect((await json(response)).message).toBe("你不是本次评议的评委。");
    }
    expect(await stored()).toEqual(before);
  });

  it.each([
    ["a body that is not JSON", "{scores:", 400],
    ["an unknown field (a judge id of someone else)", JSON.stringify({ scores: [25, 25, 18, 18], judgeId: li.id }), 400],
    ["scores that are not numbers", JSON.stringify({ scores: ["25", 25, 18, 18] }), 400],
    ["an oversized body", JSON.stringify({ scores: [25, 25, 18, 18], pad: "x".repeat(5000) }), 413],
  ])("refuses %s with a clear error and stores nothing", async (_, rawBody, status) => {
    const before = await stored();
    const response = await b.request(zhang, "POST", "/submit", { rawBody });
    expect(response.status).toBe(status);
    expect((await json(response)).message).toMatch(/未保存任何内容/);
    expect(await stored()).toEqual(before);
  });

  it("keeps the draft shared with the buttons, submits with one edit of the ballot message, and updates the counter", async () => {
    // Two criteria tapped with the buttons, two set in the Mini App.
    const ballotMessage = b.h.model.lastMessage(zhang.id)!;
    await b.h.tap(zhang, zhang.id, ballotMessage, "27");
    await b.h.tap(zhang, zhang.id, b.h.model.lastMessage(zhang.id)!, "26");
    expect((await b.request(zhang, "PUT", "/draft", { body: { criterion: 2, value: 18 } })).status).toBe(200);
    const loaded = await json(await b.request(zhang, "GET", "/state"));
    expect(loaded.state?.draft).toEqual({ "0": 27, "1": 26, "2": 18 });

    const counter = b.h.model.messages(GROUP).find((m) => m.text?.includes("已提交：0/3"))!;
    const since = b.h.model.checkpoint();
    const response = await b.request(zhang, "POST", "/submit", { body: { scores: [27, 26, 18, 17] } });
    expect(response.status).toBe(200);
    const answer = await json(response);
    expect(answer.message).toBe("✅ 已提交（第 1 版）。本轮结束前可以修改。");
    expect(answer.state?.ballot).toMatchObject({ scores: [27, 26, 18, 17], version: 1 });

    // Redis: the ballot, and the draft it was made from.
    expect((await b.h.store.ballots.forPresenter(contest.id, 0)).map((x) => x.scores)).toEqual([[27, 26, 18, 17]]);
    expect((await b.h.store.ballots.state(contest.id, 0, zhang.id))?.draft.scores).toEqual({ "0": 27, "1": 26, "2": 18, "3": 17 });
    // Telegram: one call for the judge (the edit of their ballot message to the submitted review),
    // and the group's live counter; whatever else follows a ballot (the chair's console) as after a button submit.
    const calls = b.h.model.calls.slice(since).map((c) => [c.method, Number(c.params.chat_id)]);
    expect(calls.filter(([, chat]) => chat === zhang.id)).toEqual([["editMessageText", zhang.id]]);
    expect(calls.filter(([, chat]) => chat === GROUP)).toEqual([["editMessageText", GROUP]]);
    expect(calls.filter(([method]) => method === "answerCallbackQuery")).toEqual([]);
    const review = b.h.model.message(zhang.id, ballotMessage.messageId)!;
    expect(review.text).toContain("合计：88.00");
    expect(review.text).toContain("已提交（第 1 版");
    expect(b.h.model.message(GROUP, counter.messageId)!.text).toContain("已提交：1/3");

    // A change: version 2, and the buttons see it.
    const changed = await json(await b.request(zhang, "POST", "/submit", { body: { scores: [28, 26, 18, 17] } }));
    expect(changed.state?.ballot).toMatchObject({ scores: [28, 26, 18, 17], version: 2 });
    expect(b.h.model.message(zhang.id, ballotMessage.messageId)!.text).toContain("第 2 版");
    expect(b.h.model.message(GROUP, counter.messageId)!.text).toContain("已提交：1/3");
  });

  it("shows the stored ballot read-only after the close", async () => {
    await b.request(zhang, "POST", "/submit", { body: { scores: [20, 20, 15, 15] } });
    await b.h.closeRound(chair, GROUP);
    const answer = await json(await b.request(zhang, "GET", "/state"));
    expect(answer.state).toMatchObject({ open: false, round: "closed", ballot: { scores: [20, 20, 15, 15], version: 1 } });
  });
});

describe("the Mini App and the buttons give the same answers", () => {
  let b: BallotAppHarness;
  let contest: Contest;
  beforeEach(async () => {
    b = await createBallotAppHarness();
    contest = await b.openRound();
  });
  afterEach(() => b.h.close());

  /** The button path's answer to a forged value press, and the Mini App's to the same value (draft and submit). */
  const bothAnswers = async (who: typeof zhang, criterion: number, value: number) => {
    // The ballot message (a removed judge's last message is the notice of their removal).
    const ballot = b.h.model.findMessageWithButton(who.id, /./) ?? b.h.model.lastMessage(who.id)!;
    const button = await press(b.h, who, who.id, ballot.messageId, `v|${contest.id}|0|${criterion}|${value}`);
    const scores = [20, 20, 15, 15];
    scores[criterion] = value;
    const draft = await b.request(who, "PUT", "/draft", { body: { criterion, value } });
    const submit = await b.request(who, "POST", "/submit", { body: { scores } });
    return { button: button?.text, draft: [draft.status, (await json(draft)).message], submit: [submit.status, (await json(submit)).message] };
  };

  const nothingStored = async () => {
    expect(await b.h.store.ballots.forPresenter(contest.id, 0)).toEqual([]);
    expect(await b.h.redis.redis.hlen(contestKeys(b.h.redis.prefix, contest.id).drafts(0))).toBe(0);
  };

  it("refuses a value over the max or off the step alike", async () => {
    for (const [criterion, value] of [
      [0, 31],
      [1, 20.5],
    ] as const) {
      const { button, draft, submit } = await bothAnswers(zhang, criterion, value);
      expect(button).toBe("这个分数不在允许范围内。");
      expect(draft).toEqual([422, button]);
      expect(submit).toEqual([422, button]);
    }
    await nothingStored();
  });

  it("refuses a judge conflicted with the presenter alike", async () => {
    await b.h.say(chair, GROUP, "/conflict 李四 1");
    const { button, draft, submit } = await bothAnswers(li, 0, 20);
    expect(button).toBe("你与这位汇报人有回避关系，无需为其评分。");
    expect(draft).toEqual([403, button]);
    expect(submit).toEqual([403, button]);
    await nothingStored();
  });

  it("refuses a judge who was removed alike", async () => {
    const confirm = await b.h.say(chair, GROUP, "/removejudge 王五");
    await b.h.tap(chair, GROUP, confirm!, "✅ 确定移除");
    const { button, draft, submit } = await bothAnswers(wang, 0, 20);
    expect(button).toBe("你不是本次评议的评委。");
    expect(draft).toEqual([403, button]);
    expect(submit).toEqual([403, button]);
    await nothingStored();
  });

  it("refuses everything after the close alike", async () => {
    await b.h.closeRound(chair, GROUP);
    const { button, draft, submit } = await bothAnswers(zhang, 0, 20);
    expect(button).toBe("⛔ 本轮评分已结束，不能再修改。");
    expect(draft).toEqual([409, button]);
    expect(submit).toEqual([409, button]);
    await nothingStored();
  });
});
