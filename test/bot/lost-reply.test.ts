// A submit whose Redis reply is lost (timeout) may still have been stored: the judge is told the
// truth either way — recorded when the ballot is there, NOT recorded when it is not.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, GROUP, user, type Harness } from "./harness.js";

const chair = user(1, "主持人");
const judge = user(11, "张三");

describe("a submit whose reply is lost", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    h.model.setAdmins(GROUP, [], chair.id);
    await h.say(chair, GROUP, "/newcontest 测试");
    await h.say(chair, GROUP, "/criteria\n实施性 10");
    await h.say(chair, GROUP, "/presenters\n甲");
    await h.say(chair, GROUP, "/join");
    h.model.startUser(judge);
    await h.tap(judge, GROUP, h.model.lastMessage(GROUP)!, /加入评委/);
    await h.say(chair, GROUP, "/open");
    await h.tap(judge, judge.id, h.model.lastMessage(judge.id)!, "8");
  });
  afterEach(() => h.close());

  it("says recorded when the ballot was stored before the reply was lost", async () => {
    const submit = h.store.ballots.submit;
    h.store.ballots.submit = async (...args) => {
      await submit(...args);
      throw new Error("Command timed out");
    };
    await h.tap(judge, judge.id, h.model.lastMessage(judge.id)!, /^✅/);
    expect(h.lastCallbackAnswer()).toMatchObject({ text: expect.stringContaining("已记录") });
    expect(h.model.lastMessage(judge.id)!.text).toContain("已提交（第 1 版");
  });

  it("tells the chairs that every ballot is in when the completing submit's reply was lost", async () => {
    // The script claimed the round's all-in notice with the ballot; the lost reply must not lose it.
    h.model.startUser(chair);
    const submit = h.store.ballots.submit;
    h.store.ballots.submit = async (...args) => {
      await submit(...args);
      throw new Error("Command timed out");
    };
    await h.tap(judge, judge.id, h.model.lastMessage(judge.id)!, /^✅/);
    expect(h.model.lastMessage(judge.id)!.text).toContain("已提交（第 1 版");
    const notice = "✅ 第 1 位「甲」：全部 1 份评分已收到，可以结束本轮。";
    expect(h.model.messages(chair.id).map((m) => m.text)).toContain(notice);
    expect(h.model.messages(chair.id).filter((m) => m.text === notice)).toHaveLength(1);
  });

  it("tells the chairs that every ballot is in when Telegram fails the completing judge's answer and edit", async () => {
    h.model.startUser(chair);
    h.model.failNext("answerCallbackQuery");
    h.model.failNext("editMessageText");
    await h.tap(judge, judge.id, h.model.lastMessage(judge.id)!, /^✅/);
    const contest = await h.store.contests.activeForChat(GROUP);
    expect(await h.store.ballots.forPresenter(contest!.id, 0)).toHaveLength(1);
    expect(h.model.messages(chair.id).map((m) => m.text)).toContain("✅ 第 1 位「甲」：全部 1 份评分已收到，可以结束本轮。");
  });

  it("says NOT recorded when the ballot is not there", async () => {
    h.store.ballots.submit = async () => {
      throw new Error("Connection is closed.");
    };
    await h.tap(judge, judge.id, h.model.lastMessage(judge.id)!, /^✅/);
    expect(h.lastCallbackAnswer()).toMatchObject({ text: expect.stringContaining("评分未记录"), show_alert: true });
    const contest = await h.store.contests.activeForChat(GROUP);
    expect(await h.store.ballots.forPresenter(contest!.id, 0)).toEqual([]);
  });
});
