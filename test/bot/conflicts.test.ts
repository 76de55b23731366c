// Conflicts of interest: a conflicted judge gets no ballot for that presenter, cannot score them
// (refused by the Redis scripts, whatever the client sends), and is not counted in "n/N".
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, GROUP, type Harness } from "./harness.js";
import { chair, contestOf, groupMessage, li, outsider, press, replyWith, scoresFor, setUpMeeting, vote, wang, zhang, statusOf, refusedQuietly } from "./integrity-support.js";

describe("conflicts of interest", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it("sends no ballot to a conflicted judge and counts only the others", async () => {
    await setUpMeeting(h);
    expect((await h.say(chair, GROUP, "/conflict 李四 2"))!.text).toBe("🚫 已登记回避：「李四」不为第 2 位「区教育局」评分。");
    const before = h.model.messages(li.id).length;

    await h.say(chair, GROUP, "/open 2");
    const counter = h.model.lastMessage(GROUP)!;
    expect(counter.text).toContain("已提交：0/2");
    expect(h.model.messages(li.id)).toHaveLength(before);
    expect(h.model.lastMessage(zhang.id)!.text).toContain("第 2/3 位：区教育局");

    const status = (await statusOf(h)).text!;
    expect(status).toContain("已提交 0/2");
    expect(status).toContain("⏳ 未提交：张三、王五");
    expect(status).toContain("🚫 回避（不计入）：李四");

    await vote(h, zhang, scoresFor(90));
    await vote(h, wang, scoresFor(80));
    expect(h.model.message(GROUP, counter.messageId)!.text).toContain("已提交：2/2");
    await h.closeRound(chair, GROUP);
    expect(h.model.lastMessage(GROUP)!.text).toContain("1. 区教育局 — 85.00（2 份） ◀ 刚结束");
  });

  it("refuses, on the server, every tap and submit of a conflicted judge", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open 1");
    const contest = await contestOf(h);
    // 李四 already has the ballot when the conflict is declared; its buttons no longer work.
    const ballot = h.model.lastMessage(li.id)!;
    await h.say(chair, GROUP, "/conflict 李四 1");
    await h.tap(li, li.id, ballot, "20");
    expect(h.lastCallbackAnswer()).toMatchObject({ text: "你与这位汇报人有回避关系，无需为其评分。", show_alert: true });
    // Nor does any data a modified client might send.
    for (const data of [`v|${contest.id}|0|0|20`, `g|${contest.id}|0|1`, `s|${contest.id}|0`, `a|${contest.id}|0|1`, `a|${contest.id}|0|0`]) {
      expect(await press(h, li, li.id, ballot.messageId, data)).toMatchObject({
        text: "你与这位汇报人有回避关系，无需为其评分。",
        show_alert: true,
      });
    }
    const state = await h.store.ballots.state(contest.id, 0, li.id);
    expect(state?.draft.scores).toEqual({});
    expect(await h.store.ballots.forPresenter(contest.id, 0)).toEqual([]);
    // /start in private does not hand them the ballot either.
    await h.say(li, li.id, "/start");
    expect(h.model.lastMessage(li.id)!.text).toContain("已就绪");
  });

  it("takes the judge by reply, discards a ballot already cast in the open round, and can be withdrawn", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open 1");
    const counter = h.model.lastMessage(GROUP)!;
    await vote(h, wang, scoresFor(70));
    const added = await replyWith(h, chair, groupMessage(h, wang, "我和交通局有业务往来"), "/conflict 1");
    expect(added.text).toBe("🚫 已登记回避：「王五」不为第 1 位「区交通运输局」评分。\nTA 在本轮已提交的评分已作废（已记入审计日志）。");
    expect(h.model.message(GROUP, counter.messageId)!.text).toContain("已提交：0/2");
    const contest = await contestOf(h);
    expect((await h.store.audit.read(contest.id)).at(-1)).toMatchObject({
      type: "ballot-removed",
      data: { presenter: 0, judgeId: wang.id, reason: "conflict" },
    });

    const list = (await h.say(chair, GROUP, "/conflict"))!.text!;
    expect(list).toContain("🚫 回避关系：\n• 王五 — 第 1 位「区交通运输局」");
    expect((await h.say(chair, GROUP, "/conflict remove 王五 1"))!.text).toBe("已撤销回避：「王五」可以为第 1 位「区交通运输局」评分。");
    expect((await h.say(chair, GROUP, "/conflict remove 王五 1"))!.text).toBe("「王五」与第 1 位「区交通运输局」没有登记回避关系。");
    expect((await h.say(chair, GROUP, "/conflict"))!.text).toContain("还没有登记回避关系。");
  });

  it("stops counting a ballot of a closed round once its judge is declared conflicted", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open 1");
    await vote(h, zhang, scoresFor(90));
    await vote(h, li, scoresFor(80));
    await vote(h, wang, scoresFor(40));
    await h.closeRound(chair, GROUP);
    const reply = (await h.say(chair, GROUP, "/conflict 王五 1"))!.text!;
    expect(reply).toContain("第 1 位的评分已经结束：TA 的评分不再计入排名。");
    expect((await h.say(outsider, GROUP, "/ranking"))!.text).toContain("1. 区交通运输局 — 85.00（2 份）");
  });

  it("applies a contest file's judge entry by Telegram user id, never by display name alone", async () => {
    await setUpMeeting(h, [zhang, li, wang], {
      judges: [
        { name: "张三", observer: false, conflicts: ["区教育局"] },
        { name: "另一个名字", userId: wang.id, observer: true, conflicts: ["区卫健局"] },
      ],
    });
    const contest = await contestOf(h);
    await h.say(chair, GROUP, "/open 2");
    // 张三 is only a name (anyone can call themselves that): no conflict; wang's user id: observer.
    expect(await h.store.integrity.conflicts(contest.id)).toEqual([{ judgeId: wang.id, presenter: 2 }]);
    expect((await h.store.contests.judges(contest.id)).find((j) => j.userId === wang.id)?.observer).toBe(true);
    expect(h.model.lastMessage(GROUP)!.text).toContain("已提交：0/2");
  });

  it("applies a contest file imported after the judges joined when the next round opens", async () => {
    await setUpMeeting(h);
    const contest = await contestOf(h);
    await h.store.contests.save({
      ...contest,
      setup: { ...contest.setup, judges: [{ name: "李四", userId: li.id, observer: false, conflicts: ["区交通运输局"] }] },
    });
    await h.say(chair, GROUP, "/open 1");
    expect(h.model.lastMessage(GROUP)!.text).toContain("已提交：0/2");
    expect(await h.store.integrity.conflicts(contest.id)).toEqual([{ judgeId: li.id, presenter: 0 }]);
  });

  it("answers wrong arguments with the usage and refuses members who are not chairs", async () => {
    await setUpMeeting(h);
    expect((await h.say(chair, GROUP, "/conflict 李四"))!.text).toContain("用法：/conflict 评委名 序号");
    expect((await h.say(chair, GROUP, "/conflict 李四 9"))!.text).toBe("没有第 9 位汇报人（共 3 位）。");
    expect((await h.say(chair, GROUP, "/conflict 赵六 1"))!.text).toContain("没有名为「赵六」的评委");
    expect(await refusedQuietly(h, outsider, "/conflict 李四 1")).toBeUndefined();
    expect(await h.store.integrity.conflicts((await contestOf(h)).id)).toEqual([]);
  });
});
