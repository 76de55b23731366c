// A quiet group: per presenter one new message (the round's announcement, edited live and then
// closed with the score), the set-up replies, and one standings message per contest, edited in
// place after each close, pinned when the bot may pin (the chair is told once when it may not).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, GROUP, type Harness } from "./harness.js";
import { chair, judges, li, outsider, scoresFor, vote, wang, zhang } from "./integrity-support.js";

const PRESENTERS = ["区交通运输局", "区教育局", "区卫健局", "区民政局", "区司法局", "区财政局"];
/** Each presenter's three totals (张三, 李四, 王五) and the mean the group is shown. */
const TOTALS: Array<[number[], string]> = [
  [[86, 92, 72], "83.33"],
  [[90, 80, 85], "85.00"],
  [[70, 75, 80], "75.00"],
  [[95, 90, 88], "91.00"],
  [[60, 66, 72], "66.00"],
  [[81, 82, 83], "82.00"],
];

describe("a quiet group", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    h.model.setAdmins(GROUP, [], chair.id);
  });
  afterEach(() => h.close());

  /** The set-up of a 6-unit meeting; returns how many messages the bot has sent the group so far. */
  const setUp = async () => {
    await h.say(chair, GROUP, "/newcontest 季度述职评议");
    await h.say(chair, GROUP, "/criteria\n实施性 30\n创新性 30\n持续性 20\n推广性 20");
    await h.say(chair, GROUP, `/presenters\n${PRESENTERS.join("\n")}`);
    await h.say(chair, GROUP, "/join");
    const join = h.model.lastMessage(GROUP)!;
    for (const judge of judges) {
      h.model.startUser(judge);
      await h.tap(judge, GROUP, join, /加入评委/);
    }
  };

  /** Messages the bot has sent to the group (deleted ones included). */
  const sentToGroup = () => h.model.callsTo("sendMessage").filter((c) => Number(c.params.chat_id) === GROUP && c.response?.ok);

  it("a 6-unit meeting: one message per presenter, the set-up replies and one standings message", async () => {
    h.model.setMemberStatus(GROUP, h.model.botInfo.id, "administrator");
    await setUp();
    const setUpReplies = sentToGroup().length;
    expect(setUpReplies).toBe(4); // /newcontest, /criteria, /presenters, /join

    const announcements: number[] = [];
    for (const [p, [totals, score]] of TOTALS.entries()) {
      const before = sentToGroup().length;
      await h.say(chair, GROUP, "/open");
      const announcement = h.model.lastMessage(GROUP)!;
      announcements.push(announcement.messageId);
      for (const [i, judge] of [zhang, li, wang].entries()) await vote(h, judge, scoresFor(totals[i]!));
      expect(h.model.message(GROUP, announcement.messageId)!.text).toContain("📥 已提交：3/3");
      const standings = await h.closeRound(chair, GROUP);
      // One new message for this presenter: its announcement (and the standings message at the first close).
      expect(sentToGroup().length - before).toBe(p === 0 ? 2 : 1);
      const closed = h.model.message(GROUP, announcement.messageId)!;
      expect(closed.text).toBe(
        [`🎤 第 ${p + 1}/6 位：${PRESENTERS[p]}`, "", "🔒 评分已结束：共 3/3 份", `🏅 得分：${score}（3 份有效评分）`].join("\n"),
      );
      expect(closed.replyMarkup).toBeUndefined();
      expect(standings!.text).toContain(`${PRESENTERS[p]} — ${score}（3 份） ◀ 刚结束`);
    }
    const standings = (await h.standings(GROUP))!;
    expect(standings.pinned).toBe(true);
    expect(standings.edits).toBe(5); // posted at the first close, edited at the five others
    expect(standings.text!.split("\n").filter((l) => /^\d\./.test(l))).toEqual([
      "1. 区民政局 — 91.00（3 份）",
      "2. 区教育局 — 85.00（3 份）",
      "3. 区交通运输局 — 83.33（3 份）",
      "4. 区财政局 — 82.00（3 份） ◀ 刚结束",
      "5. 区卫健局 — 75.00（3 份）",
      "6. 区司法局 — 66.00（3 份）",
    ]);
    // No digest, no /verify hint, no ranking post per round in the group.
    expect(h.model.messages(GROUP).some((m) => m.text?.includes("计票摘要") || m.text?.includes("/verify"))).toBe(false);
    expect(sentToGroup()).toHaveLength(setUpReplies + PRESENTERS.length + 1);

    // /finish: the final standings replace the standings message (the old one is removed).
    await h.say(chair, GROUP, "/finish");
    const final = (await h.standings(GROUP))!;
    expect(final.messageId).not.toBe(standings.messageId);
    expect(final.text).toContain("🏆 「季度述职评议」最终排名");
    expect(final.pinned).toBe(true);
    expect(h.model.message(GROUP, standings.messageId)!.deleted).toBe(true);
    expect(sentToGroup()).toHaveLength(setUpReplies + PRESENTERS.length + 2);
    expect(h.model.messages(GROUP).map((m) => m.messageId)).toEqual(
      expect.arrayContaining([...announcements, final.messageId]),
    );
    expect(h.model.messages(GROUP)).toHaveLength(setUpReplies + PRESENTERS.length + 1);
  });

  it("/ranking re-posts the standings: the new message is the standings message, pinned, and the old one is gone", async () => {
    h.model.setMemberStatus(GROUP, h.model.botInfo.id, "administrator");
    await setUp();
    await h.say(chair, GROUP, "/open");
    for (const [i, judge] of [zhang, li, wang].entries()) await vote(h, judge, scoresFor(TOTALS[0]![0][i]!));
    const first = (await h.closeRound(chair, GROUP))!;
    await h.say(outsider, GROUP, "/ranking");
    const reposted = (await h.standings(GROUP))!;
    expect(reposted.messageId).not.toBe(first.messageId);
    expect(reposted.messageId).toBe(h.model.lastMessage(GROUP)!.messageId);
    expect(reposted.text).toContain("1. 区交通运输局 — 83.33（3 份）");
    expect(reposted.pinned).toBe(true);
    expect(h.model.message(GROUP, first.messageId)!.deleted).toBe(true);
    // The next close edits the re-posted message.
    await h.say(chair, GROUP, "/open");
    for (const [i, judge] of [zhang, li, wang].entries()) await vote(h, judge, scoresFor(TOTALS[1]![0][i]!));
    expect((await h.closeRound(chair, GROUP))!.messageId).toBe(reposted.messageId);
    expect(h.model.message(GROUP, reposted.messageId)!.text).toContain("1. 区教育局 — 85.00（3 份） ◀ 刚结束");
  });

  it("tells the chair once, in private, when the bot may not pin the standings message", async () => {
    await setUp(); // the bot is a plain member
    h.model.startUser(chair);
    for (const p of [0, 1]) {
      await h.say(chair, GROUP, "/open");
      for (const [i, judge] of [zhang, li, wang].entries()) await vote(h, judge, scoresFor(TOTALS[p]![0][i]!));
      await h.closeRound(chair, GROUP);
    }
    expect((await h.standings(GROUP))!.pinned).toBe(false);
    expect(h.model.callsTo("pinChatMessage")).toEqual([]);
    const notices = h.model.messages(chair.id).filter((m) => m.text?.includes("排名消息没有置顶"));
    expect(notices.map((m) => m.text)).toEqual([
      "ℹ️ 「季度述职评议」的排名消息没有置顶：机器人不是群管理员，或没有“置顶消息”权限。把机器人设为管理员并允许置顶即可（本提示只发一次）。",
    ]);
    // The group heard nothing about it.
    expect(h.model.messages(GROUP).some((m) => m.text?.includes("置顶"))).toBe(false);
  });

  it("treats a refused pin like a bot that may not pin", async () => {
    h.model.setMemberStatus(GROUP, h.model.botInfo.id, "administrator");
    h.model.failNext("pinChatMessage", { ok: false, error_code: 400, description: "Bad Request: not enough rights to manage pinned messages in the chat" });
    await setUp();
    h.model.startUser(chair);
    await h.say(chair, GROUP, "/open");
    for (const [i, judge] of [zhang, li, wang].entries()) await vote(h, judge, scoresFor(TOTALS[0]![0][i]!));
    const standings = (await h.closeRound(chair, GROUP))!;
    expect(standings.text).toContain("1. 区交通运输局 — 83.33（3 份） ◀ 刚结束");
    expect(standings.pinned).toBe(false);
    expect(h.model.messages(chair.id).filter((m) => m.text?.includes("排名消息没有置顶"))).toHaveLength(1);
  });
});
