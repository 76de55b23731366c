// Abstaining (弃权): a button on the ballot, a confirmation, and a ballot that is not counted.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, GROUP, type Harness } from "./harness.js";
import { chair, contestOf, li, scoresFor, setUpMeeting, vote, wang, zhang, statusOf } from "./integrity-support.js";

describe("abstaining", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it("asks to confirm, records the abstention, and counts it as submitted but not in the score", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open");
    const counter = h.model.lastMessage(GROUP)!;
    const ballot = h.model.lastMessage(wang.id)!;
    await h.tap(wang, wang.id, ballot, "🚫 弃权");
    expect(h.model.message(wang.id, ballot.messageId)!.text).toContain(
      "确定对第 1 位「区交通运输局」弃权吗？弃权不计入该汇报人的得分；本轮结束前仍可改为评分。",
    );
    await h.tap(wang, wang.id, ballot, "✅ 确定弃权");
    expect(h.lastCallbackAnswer()).toMatchObject({ text: "已记录弃权" });
    expect(h.model.message(wang.id, ballot.messageId)!.text).toContain("🚫 你已弃权（第 1 版");
    expect(h.model.message(GROUP, counter.messageId)!.text).toContain("已提交：1/3");
    expect((await statusOf(h)).text).toContain("✅ 已提交：王五（弃权）");

    await vote(h, zhang, scoresFor(90));
    await vote(h, li, scoresFor(80));
    // The judge presses a button just after the close: refused, and the ballot shows it closed.
    h.model.send(chair, GROUP, "/close");
    h.model.tap(wang, wang.id, ballot.messageId, "✏️ 实施性");
    await h.deliver();
    expect((await h.standings(GROUP))!.text).toContain("1. 区交通运输局 — 85.00（2 份） ◀ 刚结束");
    expect(h.lastCallbackAnswer()).toMatchObject({ text: "⛔ 本轮评分已结束，不能再修改。" });
    expect(h.model.message(wang.id, ballot.messageId)!.text).toContain("🔒 本轮评分已结束。你已弃权。");
    const contest = await contestOf(h);
    expect((await h.store.ballots.forPresenter(contest.id, 0)).find((b) => b.judgeId === wang.id)).toMatchObject({ abstain: true, scores: [] });
  });

  it("goes back to the ballot without abstaining, and turns an abstention into scores later", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open");
    const ballot = h.model.lastMessage(zhang.id)!;
    await h.tap(zhang, zhang.id, ballot, "🚫 弃权");
    await h.tap(zhang, zhang.id, ballot, "◀ 上一项");
    expect(h.model.message(zhang.id, ballot.messageId)!.text).toContain("请核对你的评分");
    expect(await h.store.ballots.forPresenter((await contestOf(h)).id, 0)).toEqual([]);

    await h.tap(zhang, zhang.id, ballot, "🚫 弃权");
    await h.tap(zhang, zhang.id, ballot, "✅ 确定弃权");
    await h.tap(zhang, zhang.id, ballot, "✏️ 实施性");
    await vote(h, zhang, scoresFor(86));
    const after = h.model.message(zhang.id, ballot.messageId)!.text!;
    expect(after).toContain("合计：86.00");
    expect(after).toContain("已提交（第 2 版");
  });
});
