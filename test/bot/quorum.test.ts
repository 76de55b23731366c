// The close flow: below the quorum the chair confirms (✅/✖, chair-checked on press); a total far
// from the median is pointed out by ballot number, and only a chair may see whose it is. The
// question goes to the chair in private; the group only reads "等待主持人确认".
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, GROUP, user, type Harness } from "./harness.js";
import type { StoredMessage, TestUser } from "../support/bot-api-server.js";
import { chair, contestOf, groupMessage, li, outsider, press, replyWith, scoresFor, setUpMeeting, vote, wang, zhang } from "./integrity-support.js";

const WAITING = "⏸ 第 1 位「区交通运输局」：等待主持人确认。";

/** `who` sends /close in the group: the group reads WAITING, the hold comes to `who` in private. */
const holdAfterClose = async (h: Harness, who: TestUser = chair): Promise<StoredMessage> => {
  const before = h.model.messages(GROUP).length;
  await h.say(who, GROUP, "/close");
  expect(h.model.messages(GROUP).slice(before).map((m) => m.text)).toEqual([WAITING]);
  return h.model.lastMessage(who.id)!;
};

/** A message of the group with a button, for forged presses (the join message). */
const groupButtonMessage = (h: Harness): number => h.model.findMessageWithButton(GROUP, /加入评委/)!.messageId;

describe("quorum at close", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it("asks the chair to confirm instead of closing, and keeps the round open on ✖", async () => {
    await setUpMeeting(h, undefined, { quorum: 3 });
    await h.say(chair, GROUP, "/open");
    await vote(h, zhang, scoresFor(90));
    await vote(h, li, scoresFor(80));
    const ask = await holdAfterClose(h);
    expect(ask.text).toBe(
      "⚠️ 结束第 1 位「区交通运输局」的评分前请确认：\n• 有效评分 2 份，少于法定人数 3 份。\n\n仍要结束本轮评分吗？",
    );
    const contest = await contestOf(h);
    expect(await h.store.contests.currentRound(contest.id)).toBe(0);

    // A member forging the ✅ (on a message of the group) changes nothing.
    expect(await press(h, outsider, GROUP, groupButtonMessage(h), `q|${contest.id}|0|1`)).toMatchObject({
      text: "🙏 抱歉，此命令只有本次评议的主持人可以使用。",
      show_alert: true,
    });
    expect(await h.store.contests.currentRound(contest.id)).toBe(0);

    await h.tap(chair, chair.id, ask, "✖ 暂不结束");
    expect(h.model.message(chair.id, ask.messageId)!.text).toContain("好的，本轮评分继续。");
    expect(await h.store.contests.currentRound(contest.id)).toBe(0);

    // Once the quorum is reached, /close closes at once.
    await vote(h, wang, scoresFor(85));
    await h.say(chair, GROUP, "/close");
    expect(h.model.lastMessage(GROUP)!.text).toContain("1. 区交通运输局 — 85.00（3 份） ◀ 刚结束");
  });

  it("closes on ✅ from the chair or a co-chair, posting the ranking as /close does", async () => {
    await setUpMeeting(h, undefined, { quorum: 3 });
    const deputy = user(2, "副主持");
    await replyWith(h, chair, groupMessage(h, deputy), "/cochair");
    h.model.startUser(deputy);
    await h.say(chair, GROUP, "/open");
    await vote(h, zhang, scoresFor(90));
    // The co-chair's /close: the question comes to the co-chair.
    const ask = await holdAfterClose(h, deputy);
    expect(ask.text).toContain("有效评分 1 份，少于法定人数 3 份。");
    await h.tap(deputy, deputy.id, ask, "✅ 结束评分");
    expect(h.model.message(deputy.id, ask.messageId)!.text).toContain("✅ 主持人已确认结束。");
    expect(JSON.stringify(h.model.message(deputy.id, ask.messageId)!.replyMarkup ?? {})).not.toContain("结束评分");
    expect((await h.standings(GROUP))!.text).toContain("1. 区交通运输局 — 90.00（1 份） ◀ 刚结束");
    expect(h.model.messages(GROUP).find((m) => m.text?.startsWith("🎤 第 1/3 位"))!.text).toContain("🔒 评分已结束：共 1/3 份");
  });

  it("does not count observers, abstentions or conflicted judges towards the quorum", async () => {
    await setUpMeeting(h, undefined, { quorum: 2 });
    await h.say(chair, GROUP, "/observer 王五");
    await h.say(chair, GROUP, "/open");
    await vote(h, zhang, scoresFor(90));
    await vote(h, wang, scoresFor(70));
    await h.tap(li, li.id, h.model.lastMessage(li.id)!, "🚫 弃权");
    await h.tap(li, li.id, h.model.lastMessage(li.id)!, "✅ 确定弃权");
    expect((await holdAfterClose(h)).text).toContain("有效评分 1 份，少于法定人数 2 份。");
  });
});

describe("outliers at close", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it("names the far ballot by number and asks the chair before closing; shows the judge only to a chair who asks", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open");
    await vote(h, zhang, scoresFor(86));
    await vote(h, li, scoresFor(92));
    await vote(h, wang, scoresFor(45));
    const notice = await holdAfterClose(h);
    expect(notice.text).toBe(
      "⚠️ 结束第 1 位「区交通运输局」的评分前请确认：\n• 以下评分与中位数相差超过 20 分（不显示评委姓名）：\n评分 #3：45.00（中位数 86.00）\n\n仍要结束本轮评分吗？",
    );
    for (const judge of ["张三", "李四", "王五"]) expect(notice.text).not.toContain(judge);
    // The round is still open: the ballot can be checked (and changed) first.
    expect(await h.store.contests.currentRound((await contestOf(h)).id)).toBe(0);

    expect(await press(h, outsider, GROUP, groupButtonMessage(h), `o|${(await contestOf(h)).id}|0|3`)).toMatchObject({
      text: "🙏 抱歉，此命令只有本次评议的主持人可以使用。",
      show_alert: true,
    });
    await h.tap(chair, chair.id, notice, "👁 显示评分 #3 的评委");
    expect(h.lastCallbackAnswer()).toMatchObject({ text: "评分 #3 来自评委：王五", show_alert: true });
    // The name never reaches the group.
    expect(h.model.messages(GROUP).some((m) => m.text?.includes("来自评委"))).toBe(false);
    // Forged references are refused.
    expect(await press(h, chair, chair.id, notice.messageId, `o|${(await contestOf(h)).id}|0|1`)).toMatchObject({
      text: "这条提示已过期，不能再显示姓名。",
    });
    expect(await press(h, chair, chair.id, notice.messageId, "o|zz|0|3")).toMatchObject({ text: "这个按钮已失效。" });

    await h.tap(chair, chair.id, notice, "✅ 结束评分");
    expect(h.model.lastMessage(GROUP)!.text).toContain("1. 区交通运输局 — 74.33（3 份） ◀ 刚结束");
  });

  it("lists outliers in the quorum confirmation too, and follows the contest's threshold", async () => {
    await setUpMeeting(h, undefined, { quorum: 4, outlier: 40 });
    await h.say(chair, GROUP, "/open");
    await vote(h, zhang, scoresFor(86));
    await vote(h, li, scoresFor(92));
    await vote(h, wang, scoresFor(45));
    const ask = await holdAfterClose(h);
    expect(ask.text).toContain("以下评分与中位数相差超过 40 分");
    expect(ask.text).toContain("评分 #3：45.00（中位数 86.00）");
    await h.tap(chair, chair.id, ask, "✅ 结束评分");
    // "show name" stays on the confirmation after the close.
    await h.tap(chair, chair.id, ask, "👁 显示评分 #3 的评委");
    expect(h.lastCallbackAnswer()).toMatchObject({ text: "评分 #3 来自评委：王五" });
  });

  it("says nothing when every total is within the threshold", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open");
    await vote(h, zhang, scoresFor(86));
    await vote(h, li, scoresFor(92));
    await vote(h, wang, scoresFor(70));
    const before = h.model.messages(GROUP).length;
    await h.say(chair, GROUP, "/close");
    // The only new message is the standings message (posted at the first close).
    const after = h.model.messages(GROUP).slice(before);
    expect(after).toHaveLength(1);
    expect(after[0]!.messageId).toBe((await h.standings(GROUP))!.messageId);
    expect(after[0]!.text).toContain("1. 区交通运输局 — 82.67（3 份） ◀ 刚结束");
  });
});
