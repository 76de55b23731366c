// /cancel with a round open: the round closes with the contest, and a judge's tap or submit that
// arrives afterwards is refused with a message saying the contest has ended (not "✅ 已记录").
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, GROUP, type Harness } from "./harness.js";
import { chair, judges, setUpMeeting } from "./integrity-support.js";
import { contestKeys } from "../../src/store/keys.js";

describe("ending a contest while a round is open", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it("/cancel closes the open round; the judges' taps and submits are refused with a clear message", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open");
    const announcement = h.model.lastMessage(GROUP)!;
    const contestId = (await h.store.contests.activeForChat(GROUP))!.id;
    const [zhang, li] = [judges[0]!, judges[1]!];
    // 张三 has a complete draft ready to submit, 李四 has tapped one score.
    for (const score of [25, 26, 18, 17]) await h.tap(zhang, zhang.id, h.model.lastMessage(zhang.id)!, String(score));
    await h.tap(li, li.id, h.model.lastMessage(li.id)!, "27");
    const zhangReview = h.model.lastMessage(zhang.id)!;
    const liBallot = h.model.lastMessage(li.id)!;

    await h.say(chair, GROUP, "/cancel");
    await h.tap(chair, GROUP, h.model.lastMessage(GROUP)!, /确定取消/);
    expect(h.model.lastMessage(GROUP)!.text).toContain("已取消");
    expect((await h.store.contests.rounds(contestId)).get(0)).toBe("closed");
    // The announcement stops inviting scores.
    const closed = h.model.message(GROUP, announcement.messageId)!;
    expect(closed.text).toContain("🔒 评分已结束：共 0/3 份");
    expect(closed.text).toContain("🚫 评议已取消。");
    expect(closed.text).not.toContain("请评委在私聊中评分");

    await h.tap(zhang, zhang.id, zhangReview, /^✅/);
    expect(h.lastCallbackAnswer()).toMatchObject({ text: "⛔ 本次评议已结束或已取消，不再接受评分。", show_alert: true });
    await h.tap(li, li.id, liBallot, "28");
    expect(h.lastCallbackAnswer()).toMatchObject({ text: "⛔ 本次评议已结束或已取消，不再接受评分。", show_alert: true });
    expect(await h.store.ballots.forPresenter(contestId, 0)).toEqual([]);
    // The ballot message is redrawn without its buttons.
    expect(h.model.message(li.id, liBallot.messageId)!.replyMarkup).toBeUndefined();
  });

  it("a contest that ended with its round still marked open (older data) accepts no ballot", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open");
    const contestId = (await h.store.contests.activeForChat(GROUP))!.id;
    await h.redis.redis.hset(contestKeys(h.redis.prefix, contestId).meta, "status", "cancelled");
    const zhang = judges[0]!;
    await h.tap(zhang, zhang.id, h.model.lastMessage(zhang.id)!, "25");
    expect(h.lastCallbackAnswer()).toMatchObject({ text: "⛔ 本次评议已结束或已取消，不再接受评分。", show_alert: true });
    expect((await h.store.ballots.state(contestId, 0, zhang.id))?.draft.scores).toEqual({});
  });
});
