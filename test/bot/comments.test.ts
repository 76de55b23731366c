// Comments (点评): after submitting, "💬 添加点评" and one private text; kept with the ballot,
// shown without names in /detail. The waiting state is in Redis with a TTL.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, GROUP, type Harness } from "./harness.js";
import { chair, contestOf, li, outsider, press, scoresFor, setUpMeeting, vote, wang, zhang } from "./integrity-support.js";
import { roundComments } from "../../src/bot/features/comments.js";

describe("comments", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it("keeps the judge's next private text with their ballot and shows it without names in /detail", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open 1");
    await vote(h, zhang, scoresFor(90));
    const ballot = h.model.lastMessage(zhang.id)!;
    await h.tap(zhang, zhang.id, ballot, "💬 添加点评");
    expect(h.model.lastMessage(zhang.id)!.text).toBe(
      "💬 请直接发送你对第 1 位「区交通运输局」的点评（一条文字消息，最多 500 字，10 分钟内有效）。点评会匿名显示在结果明细中。",
    );
    const ttl = await h.redis.redis.ttl(`${h.redis.prefix}:user:${zhang.id}:pending-comment`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(600);

    await h.say(zhang, zhang.id, "材料扎实，建议推广");
    expect(h.model.lastMessage(zhang.id)!.text).toBe("✅ 已保存你对第 1 位「区交通运输局」的点评。");
    const redrawn = h.model.message(zhang.id, ballot.messageId)!;
    expect(redrawn.text).toContain("💬 你的点评：材料扎实，建议推广");
    expect(JSON.stringify(redrawn.replyMarkup)).toContain("💬 修改点评");
    const contest = await contestOf(h);
    expect((await h.store.ballots.forPresenter(contest.id, 0))[0]).toMatchObject({ judgeId: zhang.id, comment: "材料扎实，建议推广" });
    expect((await h.store.audit.read(contest.id)).find((e) => e.type === "comment")).toMatchObject({ by: zhang.id });

    // The next private text is an ordinary message again.
    const count = h.model.messages(zhang.id).length;
    await h.say(zhang, zhang.id, "谢谢");
    expect(h.model.messages(zhang.id)).toHaveLength(count);

    await vote(h, li, scoresFor(80));
    await h.tap(li, li.id, h.model.lastMessage(li.id)!, "💬 添加点评");
    await h.say(li, li.id, "数据翔实");
    await vote(h, wang, scoresFor(70));
    expect(await roundComments(h.store, contest.id, 0)).toEqual(["材料扎实，建议推广", "数据翔实"].sort((a, b) => a.localeCompare(b, "zh-CN")));
    await h.say(chair, GROUP, "/close");
    const detail = (await h.say(outsider, GROUP, "/detail 1"))!.text!;
    expect(detail).toContain("材料扎实，建议推广");
    expect(detail).toContain("数据翔实");
    for (const name of ["张三", "李四", "王五"]) expect(detail).not.toContain(name);
  });

  it("keeps a comment through a later change of scores", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open 1");
    await vote(h, zhang, scoresFor(90));
    const ballot = h.model.lastMessage(zhang.id)!;
    await h.tap(zhang, zhang.id, ballot, "💬 添加点评");
    await h.say(zhang, zhang.id, "亮点突出");
    await h.tap(zhang, zhang.id, ballot, "✏️ 推广性");
    await h.tap(zhang, zhang.id, ballot, "15");
    await h.tap(zhang, zhang.id, ballot, "✅ 提交修改");
    const [stored] = await h.store.ballots.forPresenter((await contestOf(h)).id, 0);
    expect(stored).toMatchObject({ version: 2, comment: "亮点突出" });
  });

  it("refuses a comment before the ballot is submitted, after the round closes, or when too long", async () => {
    const join = await setUpMeeting(h);
    await h.say(chair, GROUP, "/open 1");
    const contest = await contestOf(h);
    const ballot = h.model.lastMessage(zhang.id)!;
    expect(await press(h, zhang, zhang.id, ballot.messageId, `m|${contest.id}|0`)).toMatchObject({
      text: "请先提交评分，再添加点评。",
      show_alert: true,
    });

    await vote(h, zhang, scoresFor(90));
    await h.tap(zhang, zhang.id, ballot, "💬 添加点评");
    await h.say(zhang, zhang.id, "长".repeat(501));
    expect(h.model.lastMessage(zhang.id)!.text).toBe("点评太长（501 字，最多 500 字），请精简后重新发送。");
    // Still waiting: the shorter text is taken.
    await h.say(zhang, zhang.id, "短评");
    expect(h.model.lastMessage(zhang.id)!.text).toContain("已保存");

    await h.tap(zhang, zhang.id, ballot, "💬 修改点评");
    await h.say(chair, GROUP, "/close");
    await h.say(zhang, zhang.id, "结束后才写");
    expect(h.model.lastMessage(zhang.id)!.text).toBe("本轮评分已结束，点评未保存。");
    expect((await h.store.ballots.forPresenter(contest.id, 0))[0]?.comment).toBe("短评");
    // A press the judge makes just as the round closes is refused.
    await h.say(chair, GROUP, "/reopen 1");
    h.model.send(chair, GROUP, "/close");
    h.model.tap(zhang, zhang.id, h.model.lastMessage(zhang.id)!.messageId, "💬 修改点评");
    await h.deliver();
    expect(h.lastCallbackAnswer()).toMatchObject({ text: "⛔ 本轮评分已结束，不能再修改。" });
    // Pressed from the group (not the judge's own chat), the button is refused.
    expect(await press(h, zhang, GROUP, join.messageId, `m|${contest.id}|0`)).toMatchObject({
      text: "这不是你的评分表。",
    });
  });
});
