// Removing a judge (by reply, by name, or 🗑 in /status), always after a confirmation; and
// closing / reopening enrolment.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, GROUP, user, type Harness } from "./harness.js";
import { chair, contestOf, groupMessage, judges, li, outsider, press, replyWith, scoresFor, setUpMeeting, vote, wang, zhang, statusOf, refusedQuietly } from "./integrity-support.js";

describe("removing a judge", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it("discards the removed judge's ballot in the open round, notes it in the audit log and updates the counter", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open");
    const counter = h.model.lastMessage(GROUP)!;
    await vote(h, zhang, scoresFor(86));
    expect(h.model.message(GROUP, counter.messageId)!.text).toContain("已提交：1/3");

    const confirm = await replyWith(h, chair, groupMessage(h, zhang, "我先离开一下"), "/removejudge");
    expect(confirm.text).toBe("确定移除评委「张三」吗？TA 在当前一轮已提交的评分和未提交的草稿将作废；已结束各轮的评分保留。");
    await h.tap(chair, GROUP, confirm, "✅ 确定移除");
    expect(h.model.message(GROUP, confirm.messageId)!.text).toBe(
      "🗑 已移除评委「张三」。\nTA 对第 1 位「区交通运输局」的评分已作废（已记入审计日志）。",
    );
    expect(h.model.message(GROUP, counter.messageId)!.text).toContain("已提交：0/2");

    const contest = await contestOf(h);
    expect(await h.store.ballots.forPresenter(contest.id, 0)).toEqual([]);
    const audit = await h.store.audit.read(contest.id);
    expect(audit.at(-1)).toMatchObject({ type: "ballot-removed", by: chair.id, data: { presenter: 0, judgeId: zhang.id, reason: "judge-removed" } });

    // The removed judge is told in private, and their old ballot no longer takes taps.
    expect(h.model.lastMessage(zhang.id)!.text).toBe("你已被主持人从「季度述职评议」的评委中移除，之后不会再收到评分表。已结束各轮的评分不受影响。");
    const ballot = h.model.findMessageWithButton(zhang.id, (b) => b.text.startsWith("✏️ 实施性"))!;
    await h.tap(zhang, zhang.id, ballot, /✏️ 实施性/);
    expect(h.lastCallbackAnswer()).toMatchObject({ text: "你不是本次评议的评委。" });
  });

  it("offers 🗑 per judge in /status, asks before removing, and can keep the judge", async () => {
    await setUpMeeting(h);
    // /status and its 🗑 buttons are the chair's, in private; the group sees none of it.
    const groupBefore = h.model.messages(GROUP).length;
    const status = await statusOf(h);
    await h.tap(chair, chair.id, status, "🗑 李四");
    const confirm = h.model.lastMessage(chair.id)!;
    expect(confirm.text).toContain("确定移除评委「李四」吗？");
    await h.tap(chair, chair.id, confirm, "✖ 取消");
    expect(h.model.message(chair.id, confirm.messageId)!.text).toBe("好的，保留评委「李四」。");
    expect(await h.store.judges.isJudge((await contestOf(h)).id, li.id)).toBe(true);

    await h.tap(chair, chair.id, status, "🗑 李四");
    await h.tap(chair, chair.id, h.model.lastMessage(chair.id)!, "✅ 确定移除");
    expect(h.model.lastMessage(chair.id)!.text).toBe("🗑 已移除评委「李四」。");
    expect((await statusOf(h)).text).toContain("评委（2）：张三、王五");
    expect(h.model.messages(GROUP).length).toBe(groupBefore);
  });

  it("checks the chair on every press: a member's 🗑 or ✅ changes nothing", async () => {
    await setUpMeeting(h);
    // The 🗑 of the chair's private /status, forged by a member on a message of the group.
    const contestId = (await contestOf(h)).id;
    const join = h.model.lastMessage(GROUP)!;
    expect(await press(h, outsider, GROUP, join.messageId, `r|${contestId}|${wang.id}|a`)).toMatchObject({
      text: "🙏 抱歉，此命令只有本次评议的主持人可以使用。",
      show_alert: true,
    });
    await h.say(chair, GROUP, "/removejudge 王五");
    const confirm = h.model.lastMessage(GROUP)!;
    await h.tap(outsider, GROUP, confirm, "✅ 确定移除");
    expect(h.lastCallbackAnswer()).toMatchObject({ show_alert: true });
    const contest = await contestOf(h);
    expect(await h.store.judges.isJudge(contest.id, wang.id)).toBe(true);
    // Forged data is refused before anything is looked up.
    for (const data of [`r|${contest.id}|abc|1`, `r|${contest.id}|13|2`, "r|x|13|1"]) {
      expect(await press(h, chair, GROUP, confirm.messageId, data)).toMatchObject({ text: "这个按钮已失效。" });
    }
    expect(await h.store.judges.isJudge(contest.id, wang.id)).toBe(true);
  });

  it("keeps the ballots of rounds that closed before the removal", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open");
    await vote(h, zhang, scoresFor(90));
    await vote(h, li, scoresFor(80));
    await vote(h, wang, scoresFor(70));
    await h.say(chair, GROUP, "/close");
    await h.say(chair, GROUP, "/removejudge 张三");
    await h.tap(chair, GROUP, h.model.lastMessage(GROUP)!, "✅ 确定移除");
    expect(h.model.lastMessage(GROUP)!.text).toBe("🗑 已移除评委「张三」。");
    expect((await h.say(outsider, GROUP, "/ranking"))!.text).toContain("1. 区交通运输局 — 80.00（3 份）");
  });

  it("answers a missing or unknown judge with usage and a clear message", async () => {
    await setUpMeeting(h);
    expect((await h.say(chair, GROUP, "/removejudge"))!.text).toContain("用法：回复评委的消息并发送 /removejudge");
    expect((await h.say(chair, GROUP, "/removejudge 赵六"))!.text).toContain("没有名为「赵六」的评委");
    expect((await replyWith(h, chair, groupMessage(h, outsider), "/removejudge")).text).toBe("「路人」不是本次评议的评委。");
    expect(await refusedQuietly(h, outsider, "/removejudge 张三")).toBeUndefined();
  });
});

describe("closing and reopening enrolment", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it("refuses new judges while locked and takes them again once unlocked", async () => {
    const join = await setUpMeeting(h, judges.slice(0, 2));
    expect((await h.say(chair, GROUP, "/lockjudges"))!.text).toBe("🔒 评委名单已锁定（共 2 人），不能再加入。/unlockjudges 可重新开放。");
    expect((await h.say(chair, GROUP, "/lockjudges"))!.text).toBe("评委名单已经锁定（共 2 人）。");
    const late = user(21, "迟到评委");
    h.model.startUser(late);
    await h.tap(late, GROUP, join, /加入评委/);
    expect(h.lastCallbackAnswer()).toMatchObject({ text: "评委名单已锁定，不能再加入。", show_alert: true });
    // A judge already enrolled pressing again is still told they are in.
    await h.tap(zhang, GROUP, join, /加入评委/);
    expect(h.lastCallbackAnswer()).toMatchObject({ text: "你已经是评委了。" });

    expect((await h.say(chair, GROUP, "/unlockjudges"))!.text).toBe("🔓 评委名单已重新开放（目前 2 人），可以继续加入。");
    await h.tap(late, GROUP, join, /加入评委/);
    expect(h.lastCallbackAnswer()).toMatchObject({ text: "已加入 ✅" });
    expect((await h.say(chair, GROUP, "/lockjudges now"))!.text).toContain("用法：/lockjudges");
    expect(await refusedQuietly(h, outsider, "/unlockjudges")).toBeUndefined();
  });
});
