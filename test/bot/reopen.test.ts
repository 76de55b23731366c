// /reopen n: a closed round opens again; earlier ballots stay and can be changed; the ranking is
// posted again at the next close.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, GROUP, type Harness } from "./harness.js";
import { chair, contestOf, li, outsider, scoresFor, setUpMeeting, vote, wang, zhang, refusedQuietly } from "./integrity-support.js";

describe("reopening a round", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it("keeps the ballots cast before, lets judges change them and posts the ranking again", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open 1");
    await vote(h, zhang, scoresFor(90));
    await vote(h, li, scoresFor(80));
    await vote(h, wang, scoresFor(40));
    expect((await h.closeRound(chair, GROUP))!.text).toContain("1. 区交通运输局 — 70.00（3 份） ◀ 刚结束");

    const before = h.model.messages(GROUP).length;
    await h.say(chair, GROUP, "/reopen 1");
    const [notice, counter] = h.model.messages(GROUP).slice(before);
    expect(notice!.text).toBe("🔁 第 1 位「区交通运输局」的评分已重新开放：之前提交的评分保留，评委可以修改，结束后会重新公布排名。");
    expect(counter!.text).toContain("已提交：3/3");
    const ballot = h.model.lastMessage(wang.id)!;
    expect(ballot.text).toContain("已提交（第 1 版");
    expect(ballot.text).toContain("合计：40.00");

    await h.tap(wang, wang.id, ballot, "✏️ 持续性");
    await h.tap(wang, wang.id, ballot, "20");
    await h.tap(wang, wang.id, ballot, "✅ 提交修改");
    expect(h.model.message(wang.id, ballot.messageId)!.text).toContain("已提交（第 2 版");
    expect((await h.closeRound(chair, GROUP))!.text).toContain("1. 区交通运输局 — 76.67（3 份） ◀ 刚结束");
    expect(h.model.message(GROUP, counter!.messageId)!.text).toContain("🏅 得分：76.67（3 份有效评分）");
    const audit = await h.store.audit.read((await contestOf(h)).id);
    expect(audit.filter((e) => e.type === "round-reopened")).toHaveLength(1);
  });

  it("reopens with a time limit too", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open 1");
    await h.closeRound(chair, GROUP);
    await h.say(chair, GROUP, "/reopen 1 3");
    expect(h.model.messages(GROUP).some((m) => m.text?.startsWith("⏱ 本轮限时 3 分钟"))).toBe(true);
    expect(await h.store.timers.deadline((await contestOf(h)).id, 0)).toBeDefined();
  });

  it("explains what cannot be reopened", async () => {
    await setUpMeeting(h);
    expect((await h.say(chair, GROUP, "/reopen"))!.text).toBe("用法：/reopen 序号 [分钟]——重新开放已结束的一轮；之前的评分保留，评委可以修改。");
    expect((await h.say(chair, GROUP, "/reopen 2"))!.text).toBe(
      "第 2 位「区教育局」还没有结束评分，不能重新开放（尚未开始的请用 /open 2）。",
    );
    expect((await h.say(chair, GROUP, "/reopen 7"))!.text).toBe("没有第 7 位汇报人（共 3 位）。");
    await h.say(chair, GROUP, "/open 1");
    await h.closeRound(chair, GROUP);
    await h.say(chair, GROUP, "/open 2");
    expect((await h.say(chair, GROUP, "/reopen 1"))!.text).toBe("第 2 位「区教育局」的评分还没结束，请先 /close。");
    expect((await h.say(chair, GROUP, "/reopen 1 x"))!.text).toContain("用法：/reopen 序号");
    expect(await refusedQuietly(h, outsider, "/reopen 1")).toBeUndefined();
  });
});
