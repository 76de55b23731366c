// /remind, and timed rounds (/open <n> <minutes>): a reminder a minute before, an automatic close
// at the end. Time is injected (`now`) and the scheduler is driven by `timers.tick()`, so nothing
// sleeps; deadlines live in Redis, so another process (a restart, a second replica) sees them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, GROUP, type Harness } from "./harness.js";
import { chair, contestOf, li, outsider, scoresFor, setUpMeeting, vote, wang, zhang, refusedQuietly } from "./integrity-support.js";

const START = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const MINUTE = 60_000;

describe("/remind", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it("sends each judge who has not submitted their ballot again, and mentions in the group those the bot cannot reach", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/conflict 李四 1");
    await h.say(chair, GROUP, "/open 1");
    await vote(h, zhang, scoresFor(90));
    h.model.blockUser(wang);
    const sent = h.model.messages(li.id).length;

    await h.say(chair, GROUP, "/remind");
    // 李四 is conflicted: no reminder; 张三 has submitted: none either.
    expect(h.model.messages(li.id)).toHaveLength(sent);
    const mention = h.model.messages(GROUP).at(-2)!;
    expect(mention.text).toContain("⏰ 第 1 位「区交通运输局」的评分还在等待：王五");
    expect(mention.text).toContain("机器人无法私聊你们");
    expect(mention.parseMode).toBe("HTML");
    expect(mention.rawText).toContain(`<a href="tg://user?id=${wang.id}">王五</a>`);
    expect(JSON.stringify(mention.replyMarkup)).toContain("https://t.me/test_bot?start=ballot");
    expect(h.model.lastMessage(GROUP)!.text).toBe("⏰ 第 1 位「区交通运输局」：已私聊提醒 0 位评委；1 位无法私聊，已在群里提醒。");
  });

  it("reminds in private with the ballot itself, which the judge can use at once", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open");
    await vote(h, zhang, scoresFor(90));
    await vote(h, li, scoresFor(80));
    await h.say(chair, GROUP, "/remind");
    const reminder = h.model.lastMessage(wang.id)!;
    expect(reminder.text).toContain("⏰ 提醒：你还没有提交第 1 位「区交通运输局」的评分，请尽快评分。");
    expect(reminder.text).toContain("评分项 1/4：实施性（0–30）");
    expect(h.model.lastMessage(GROUP)!.text).toBe("⏰ 第 1 位「区交通运输局」：已私聊提醒 1 位评委。");
    await vote(h, wang, scoresFor(70));
    expect(h.model.lastMessage(wang.id)!.text).toContain("已提交（第 1 版");
    // The mention's link opens the ballot in private, for a judge who lost it.
    await h.say(wang, wang.id, "/start ballot");
    expect(h.model.lastMessage(wang.id)!.text).toContain("已提交（第 1 版");
  });

  it("has nobody to remind when every judge has submitted, and answers bad input", async () => {
    await setUpMeeting(h);
    expect((await h.say(chair, GROUP, "/remind"))!.text).toBe("当前没有进行中的评分。用 /open 开始。");
    await h.say(chair, GROUP, "/open");
    for (const [judge, total] of [[zhang, 90], [li, 80], [wang, 70]] as const) await vote(h, judge, scoresFor(total));
    expect((await h.say(chair, GROUP, "/remind"))!.text).toBe("第 1 位「区交通运输局」：所有评委都已提交，无需提醒。");
    expect((await h.say(chair, GROUP, "/remind 王五"))!.text).toContain("用法：/remind");
    expect(await refusedQuietly(h, outsider, "/remind")).toBeUndefined();
  });
});

describe("timed rounds", () => {
  let clock = START;
  let h: Harness;
  beforeEach(async () => {
    clock = START;
    h = await createHarness({ now: () => clock });
  });
  afterEach(() => h.close());

  it("warns the judges who have not submitted and the chair in private a minute before the end, and closes by itself at the end, once; the group sees only the close", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open 1 5");
    expect(h.model.lastMessage(GROUP)!.text).toBe(
      "⏱ 本轮限时 5 分钟，到时自动结束并公布排名；结束前 1 分钟会提醒未提交的评委。",
    );
    await vote(h, zhang, scoresFor(90));
    const groupAtOpen = h.model.messages(GROUP).length;
    const zhangAtWarning = h.model.messages(zhang.id).length;

    clock = START + 4 * MINUTE - 1;
    expect(await h.timers.tick()).toBe(0);
    clock = START + 4 * MINUTE;
    expect(await h.timers.tick()).toBe(1);
    // The group hears nothing; 李四 and 王五 get their ballot again under the warning, 张三 (submitted) nothing.
    expect(h.model.messages(GROUP)).toHaveLength(groupAtOpen);
    for (const judge of [li, wang]) {
      const warning = h.model.lastMessage(judge.id)!;
      expect(warning.text).toContain("⏰ 第 1 位「区交通运输局」的评分还剩 1 分钟，请尽快提交。");
      expect(warning.text).toContain("评分项 1/4：实施性（0–30）");
    }
    expect(h.model.messages(zhang.id)).toHaveLength(zhangAtWarning);
    expect(h.model.lastMessage(chair.id)!.text).toBe("⏰ 第 1 位「区交通运输局」的评分还剩 1 分钟：2 位评委未提交，已私聊提醒 2 位。");
    expect(await h.timers.tick()).toBe(0);

    // The warning is the judge's ballot: it can be used at once.
    await vote(h, li, scoresFor(80));
    expect(h.model.lastMessage(li.id)!.text).toContain("已提交（第 1 版");
    clock = START + 5 * MINUTE;
    const before = h.model.messages(GROUP).length;
    expect(await h.timers.tick()).toBe(1);
    // The group's one new message is the standings; the chair is told in private.
    const [ranking, ...more] = h.model.messages(GROUP).slice(before);
    expect(more).toEqual([]);
    expect(ranking!.messageId).toBe((await h.standings(GROUP))!.messageId);
    expect(ranking!.text).toContain("1. 区交通运输局 — 85.00（2 份） ◀ 刚结束");
    expect(h.model.messages(GROUP).some((m) => m.text?.includes("时间到"))).toBe(false);
    expect(h.model.messages(chair.id).filter((m) => m.text?.includes("时间到")).map((m) => m.text)).toEqual(["⏰ 时间到：第 1 位「区交通运输局」的评分已自动结束。"]);
    expect(h.model.messages(GROUP).find((m) => m.text?.startsWith("🎤 第 1/3 位"))!.text).toContain("🔒 评分已结束：共 2/3 份");
    expect(await h.store.contests.currentRound((await contestOf(h)).id)).toBeUndefined();

    clock = START + 60 * MINUTE;
    expect(await h.timers.tick()).toBe(0);
    expect(h.model.messages(GROUP)).toHaveLength(before + 1);
    const audit = await h.store.audit.read((await contestOf(h)).id);
    expect(audit.at(-1)).toMatchObject({ type: "round-closed", by: 0 });
  });

  it("tells the chair, not the group, who the warning cannot reach, and that every ballot is in when it is", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open 1 3");
    for (const [judge, total] of [[zhang, 90], [li, 80], [wang, 70]] as const) await vote(h, judge, scoresFor(total));
    const liBefore = h.model.messages(li.id).length;
    let groupBefore = h.model.messages(GROUP).length;
    clock = START + 2 * MINUTE;
    expect(await h.timers.tick()).toBe(1);
    expect(h.model.messages(GROUP)).toHaveLength(groupBefore);
    expect(h.model.messages(li.id)).toHaveLength(liBefore);
    expect(h.model.lastMessage(chair.id)!.text).toBe("⏰ 第 1 位「区交通运输局」的评分还剩 1 分钟，所有评委都已提交。");

    await h.say(chair, GROUP, "/close");
    await h.say(chair, GROUP, "/open 2 2");
    await vote(h, zhang, scoresFor(90));
    h.model.blockUser(wang);
    groupBefore = h.model.messages(GROUP).length;
    clock = START + 3 * MINUTE;
    expect(await h.timers.tick()).toBe(1);
    expect(h.model.messages(GROUP)).toHaveLength(groupBefore);
    expect(h.model.lastMessage(li.id)!.text).toContain("⏰ 第 2 位「区教育局」的评分还剩 1 分钟，请尽快提交。");
    expect(h.model.lastMessage(chair.id)!.text).toBe(
      "⏰ 第 2 位「区教育局」的评分还剩 1 分钟：2 位评委未提交，已私聊提醒 1 位；无法私聊：王五（请当面提醒）。",
    );
  });

  it("forgets the time limit when the chair closes the round first", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open 1 3");
    await h.say(chair, GROUP, "/close");
    const count = h.model.messages(GROUP).length;
    clock = START + 10 * MINUTE;
    expect(await h.timers.tick()).toBe(0);
    expect(h.model.messages(GROUP)).toHaveLength(count);
  });

  it("survives a restart and fires once across two bot processes sharing Redis", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open 2 2");
    const shared = { redis: h.redis.redis, prefix: h.redis.prefix, cleanup: async () => undefined };
    const replicaA = await createHarness({ now: () => clock, redis: shared });
    const replicaB = await createHarness({ now: () => clock, redis: shared });
    for (const replica of [replicaA, replicaB]) replica.model.startUser(chair);
    try {
      clock = START + 2 * MINUTE;
      const acted = await Promise.all([replicaA.timers.tick(), replicaB.timers.tick()]);
      // The warning (due at 1 minute) and the close (due now) each ran exactly once.
      expect(acted.reduce((a, b) => a + b, 0)).toBe(2);
      expect(await Promise.all([replicaA.timers.tick(), replicaB.timers.tick(), h.timers.tick()])).toEqual([0, 0, 0]);
      const texts = [...replicaA.model.messages(GROUP), ...replicaB.model.messages(GROUP)].map((m) => m.text ?? "");
      const chairTexts = [...replicaA.model.messages(chair.id), ...replicaB.model.messages(chair.id)].map((m) => m.text ?? "");
      expect(texts.filter((t) => t.includes("时间到") || t.includes("还剩 1 分钟"))).toEqual([]);
      expect(chairTexts.filter((t) => t.startsWith("⏰ 时间到"))).toHaveLength(1);
      expect(chairTexts.filter((t) => t.includes("还剩 1 分钟"))).toHaveLength(1);
      expect(await h.store.contests.currentRound((await contestOf(h)).id)).toBeUndefined();
    } finally {
      await replicaA.close();
      await replicaB.close();
    }
  });

  it("answers a bad time limit with the usage and opens nothing", async () => {
    await setUpMeeting(h);
    for (const command of ["/open 1 abc", "/open 1 0", "/open 1 241", "/open 1 5 6"])
      expect((await h.say(chair, GROUP, command))!.text).toBe(
        "用法：/open 序号 分钟（1–240），例如 /open 3 5：限时 5 分钟，结束前 1 分钟提醒，到时自动结束。",
      );
    expect(await h.store.contests.currentRound((await contestOf(h)).id)).toBeUndefined();
    expect((await h.say(chair, GROUP, "/open 1 1"))!.text).toBe("⏱ 本轮限时 1 分钟，到时自动结束并公布排名。");
  });
});
