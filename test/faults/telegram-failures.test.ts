// Telegram refuses or limits calls: 429 is waited out and retried (a bounded number of times), "message is
// not modified" is ignored, a judge who blocked the bot is skipped without stopping the broadcast, and
// a group that removed the bot ends nothing else.
import { afterEach, describe, expect, it } from "vitest";
import type { Transformer } from "grammy";
import { GrammyError } from "grammy";
import { apiError } from "../support/bot-api-server.js";
import { createHarness, GROUP, type Harness } from "../bot/harness.js";
import { answersTo, ballotMessage, chair, judgesFrom, press, rankingRows, setUpContest, submit, tapScores } from "./meeting.js";

describe("Telegram failures", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("waits out 429 Too Many Requests during the /open broadcast and reaches every judge", async () => {
    h = await createHarness({ apiVia: "fetch" }); // through grammY's fetch, so autoRetry runs
    const judges = judgesFrom(11, 6);
    await setUpContest(h, judges);
    h.model.setRateLimit({ global: 3, windowMs: 1000, retryAfter: 1, methods: ["sendMessage"] });
    const started = Date.now();
    await h.say(chair, GROUP, "/open");
    const rejected = h.model.rateLimited;
    h.model.setRateLimit(undefined);
    expect(rejected).toBeGreaterThan(0);
    for (const judge of judges) expect(h.model.messages(judge.id).some((m) => m.text?.includes("评分项 1/4")), judge.first_name).toBe(true);
    expect(h.model.messages(GROUP).some((m) => m.text?.includes("收不到评分表"))).toBe(false);
    console.info(`[faults] 429: ${rejected} calls answered 429 (retry_after 1), all ${judges.length} ballots delivered in ${Date.now() - started} ms`);
  });

  it("retries a 429 at most 3 times, and not at all when Telegram asks for a wait over 30 s", async () => {
    h = await createHarness({ apiVia: "fetch" });
    h.model.startUser(judgesFrom(11, 1)[0]!);
    const calls = () => h!.model.callsTo("sendMessage").length;
    h.model.failNext("sendMessage", apiError(429, "Too Many Requests: retry after 120", { retry_after: 120 }), 1);
    const started = Date.now();
    await expect(h.bot.api.sendMessage(11, "x")).rejects.toMatchObject({ error_code: 429 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(calls()).toBe(1);
    // Five 429s in a row: the first try and 3 retries fail, then it gives up (a 6th call would succeed).
    h.model.failNext("sendMessage", apiError(429, "Too Many Requests: retry after 0", { retry_after: 0 }), 5);
    await expect(h.bot.api.sendMessage(11, "x")).rejects.toBeInstanceOf(GrammyError);
    expect(calls()).toBe(1 + 4);
  });

  it("ignores 'message is not modified' when a press would redraw the same ballot", async () => {
    h = await createHarness();
    const judges = judgesFrom(11, 1);
    const contest = await setUpContest(h, judges);
    await h.say(chair, GROUP, "/open");
    const judge = judges[0]!;
    await tapScores(h, judge, [25]);
    // The ballot shows criterion 2; "go to criterion 2" draws exactly the same message.
    const update = press(h, judge, judge.id, ballotMessage(h, judge).messageId, `g|${contest.id}|0|1`);
    await h.deliver();
    const edit = h.model.callsTo("editMessageText").at(-1)!;
    expect(edit.response).toMatchObject({ ok: false, error_code: 400, description: expect.stringContaining("message is not modified") });
    expect(answersTo(h, update.callback_query!.id).map((c) => c.params.text)).toEqual([undefined]);
    expect(h.model.callsTo("answerCallbackQuery").some((c) => String(c.params.text ?? "").includes("出错了"))).toBe(false);
    await tapScores(h, judge, [26, 18, 17]);
    expect(await submit(h, judge)).toContain("已记录");
  });

  it("skips a judge who blocked the bot (403) and still sends every other ballot", async () => {
    h = await createHarness();
    const judges = judgesFrom(11, 5);
    await setUpContest(h, judges);
    h.model.blockUser(judges[1]!);
    h.model.blockUser(judges[3]!);
    await h.say(chair, GROUP, "/open");
    const delivered = judges.filter((j) => h!.model.messages(j.id).some((m) => m.text?.includes("评分项 1/4")));
    expect(delivered.map((j) => j.id)).toEqual([11, 13, 15]);
    expect(h.model.lastMessage(GROUP)!.text).toContain("⚠️ 有 2 位评委收不到评分表");
    expect(h.model.lastMessage(GROUP)!.text).toContain("评委2、评委4");
    for (const judge of delivered) {
      await tapScores(h, judge, [25, 26, 18, 17]);
      expect(await submit(h, judge)).toContain("已记录");
    }
    await h.say(chair, GROUP, "/close");
    expect(rankingRows(h.model.lastMessage(GROUP)!.text!)).toEqual(["1. 区交通运输局 — 86.00（3 份） ◀ 刚结束"]);
  });

  it("keeps a stored ballot when answering the press fails, and never tells the judge it was not recorded", async () => {
    h = await createHarness();
    const judges = judgesFrom(11, 1);
    const contest = await setUpContest(h, judges);
    await h.say(chair, GROUP, "/open");
    const judge = judges[0]!;
    await tapScores(h, judge, [25, 26, 18, 17]);
    h.model.failNext("answerCallbackQuery", apiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid"));
    const update = h.model.tap(judge, judge.id, ballotMessage(h, judge).messageId, /^✅/);
    await h.deliver();
    expect(answersTo(h, update.callback_query!.id).map((c) => c.params.text)).toEqual(["✅ 已记录"]);
    expect(h.model.message(judge.id, ballotMessage(h, judge).messageId)!.text).toContain("✅ 已提交（第 1 版");
    expect((await h.store.ballots.forPresenter(contest.id, 0)).map((b) => b.version)).toEqual([1]);
  });

  it("goes on in every other group when one group removed the bot (403 on its messages)", async () => {
    const GROUP_A = -100_601;
    const GROUP_B = -100_602;
    const removedFrom = new Set<number>();
    // Outside autoRetry and the model: calls to a group that removed the bot fail as on Telegram.
    const kicked: Transformer = (prev, method, payload, signal) => {
      const chatId = (payload as { chat_id?: number } | undefined)?.chat_id;
      if (chatId !== undefined && removedFrom.has(Number(chatId)))
        return Promise.resolve(apiError(403, "Forbidden: bot was kicked from the supergroup chat")) as ReturnType<typeof prev>;
      return prev(method, payload, signal);
    };
    h = await createHarness({ apiVia: "fetch", bot: { transformers: [kicked] } });
    const [judgesA, judgesB] = [judgesFrom(11, 2), judgesFrom(21, 2)];
    const contestA = await setUpContest(h, judgesA, { group: GROUP_A, title: "甲群评议" });
    await setUpContest(h, judgesB, { group: GROUP_B, title: "乙群评议" });
    await h.say(chair, GROUP_A, "/open");
    await h.say(chair, GROUP_B, "/open");

    removedFrom.add(GROUP_A);
    // In A, judges still score in private; the group counter cannot be edited, which changes nothing.
    for (const judge of judgesA) {
      await tapScores(h, judge, [25, 26, 18, 17]);
      expect(await submit(h, judge)).toContain("已记录");
    }
    // A command that still reaches the bot from A closes the round; its reply fails quietly.
    await h.say(chair, GROUP_A, "/close");
    expect((await h.store.contests.rounds(contestA.id)).get(0)).toBe("closed");
    expect(h.model.messages(GROUP_A).some((m) => m.text?.includes("评分结束"))).toBe(false);

    // B carries on as if nothing happened.
    for (const judge of judgesB) {
      await tapScores(h, judge, [27, 28, 19, 18]);
      expect(await submit(h, judge)).toContain("已记录");
    }
    await h.say(chair, GROUP_B, "/close");
    expect(rankingRows(h.model.lastMessage(GROUP_B)!.text!)).toEqual(["1. 区交通运输局 — 92.00（2 份） ◀ 刚结束"]);
    await h.say(chair, GROUP_B, "/open");
    expect(h.model.lastMessage(GROUP_B)!.text).toContain("第 2/2 位：区教育局");
    expect(h.model.messages(GROUP_B).some((m) => m.text?.includes("出错了"))).toBe(false);
  });
});
