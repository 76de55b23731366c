// The whole meeting loop, driven by real updates through the real bot, Redis and the Bot API model.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, GROUP, user, type Harness } from "./harness.js";
import { chair, judges, outsider, refusedQuietly, setUpMeeting, statusOf, vote as voteIn } from "./integrity-support.js";

describe("a meeting with 3 judges and 3 presenters", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    h.model.setAdmins(GROUP, [], chair.id);
  });
  afterEach(() => h.close());

  const setUp = () => setUpMeeting(h);
  const vote = (judge: (typeof judges)[number], scores: number[]) => voteIn(h, judge, scores);

  it("runs set-up, rounds, ballots and rankings end to end", async () => {
    const join = await setUp();
    expect(h.model.message(GROUP, join.messageId)?.text).toContain("已加入评委：3 人");

    // Round 1
    await h.say(chair, GROUP, "/open");
    const announcement = h.model.messages(GROUP).at(-1)!;
    expect(announcement.text).toContain("第 1/3 位：区交通运输局");
    expect(announcement.text).toContain("已提交：0/3");
    for (const judge of judges) {
      const ballot = h.model.lastMessage(judge.id)!;
      expect(ballot.text).toContain("评分项 1/4：实施性（0–30）");
    }
    await vote(judges[0]!, [25, 26, 18, 17]); // 86
    await vote(judges[1]!, [27, 28, 19, 18]); // 92
    await vote(judges[2]!, [20, 22, 15, 15]); // 72
    expect(h.model.message(GROUP, announcement.messageId)?.text).toContain("已提交：3/3");
    const review = h.model.lastMessage(judges[0]!.id)!;
    expect(review.text).toContain("合计：86.00");
    expect(review.text).toContain("已提交（第 1 版");

    // A button pressed just after the close changes nothing; the close leaves the ballot without buttons.
    const lastBallot = h.model.lastMessage(judges[2]!.id)!;
    h.model.send(chair, GROUP, "/close");
    h.model.tap(judges[2]!, judges[2]!.id, lastBallot.messageId, "✏️ 实施性");
    await h.deliver();
    expect(h.lastCallbackAnswer()).toMatchObject({ text: expect.stringContaining("本轮评分已结束") });
    expect(h.model.message(judges[2]!.id, lastBallot.messageId)!.replyMarkup).toBeUndefined();
    const standings = (await h.standings(GROUP))!;
    const ranking1 = standings.text!;
    expect(ranking1).toContain("1. 区交通运输局 — 83.33（3 份） ◀ 刚结束");
    const closed1 = h.model.message(GROUP, announcement.messageId)!.text!;
    expect(closed1).toContain("🔒 评分已结束：共 3/3 份");
    expect(closed1).toContain("🏅 得分：83.33（3 份有效评分）");

    // Round 2, with a change of mind before the close.
    await h.say(chair, GROUP, "/open");
    await vote(judges[0]!, [28, 28, 19, 19]); // 94
    await vote(judges[1]!, [29, 28, 19, 18]); // 94
    await vote(judges[2]!, [20, 20, 10, 10]); // 60 ...
    await h.tap(judges[2]!, judges[2]!.id, h.model.lastMessage(judges[2]!.id)!, "✏️ 持续性");
    await h.tap(judges[2]!, judges[2]!.id, h.model.lastMessage(judges[2]!.id)!, "20"); // ... changed to 70
    const changed = h.model.lastMessage(judges[2]!.id)!;
    expect(changed.text).toContain("修改尚未提交");
    await h.tap(judges[2]!, judges[2]!.id, changed, /^✅/);
    expect(h.model.lastMessage(judges[2]!.id)!.text).toContain("第 2 版");
    // The standings message is edited in place, not posted again.
    const ranking2 = (await h.closeRound(chair, GROUP))!;
    expect(ranking2.messageId).toBe(standings.messageId);
    expect(ranking2.text).toContain("1. 区教育局 — 86.00（3 份） ◀ 刚结束");

    // Round 3: a tie with presenter 2 (86.00) shares rank 1.
    await h.say(chair, GROUP, "/open 3");
    await vote(judges[0]!, [26, 26, 17, 17]); // 86
    await vote(judges[1]!, [26, 26, 17, 17]); // 86
    await vote(judges[2]!, [26, 26, 17, 17]); // 86
    expect((await statusOf(h)).text).toContain("已提交 3/3");
    const ranking3 = (await h.closeRound(chair, GROUP))!.text!;
    expect(ranking3.split("\n").filter((l) => /^\d\./.test(l))).toEqual([
      "1. 区教育局 — 86.00（3 份）",
      "1. 区卫健局 — 86.00（3 份） ◀ 刚结束",
      "3. 区交通运输局 — 83.33（3 份）",
    ]);

    await h.say(outsider, GROUP, "/ranking");
    expect(h.model.lastMessage(GROUP)!.text).toContain("当前排名");
    expect((await h.standings(GROUP))!.messageId).toBe(h.model.lastMessage(GROUP)!.messageId);
    await h.say(chair, GROUP, "/finish");
    expect(h.model.lastMessage(GROUP)!.text).toContain("最终排名");
    await h.say(chair, GROUP, "/open");
    expect(h.model.lastMessage(GROUP)!.text).toContain("还没有进行中的评议");
  });

  it("refuses chair commands from other members in private, never in the group", async () => {
    await setUp();
    const commands = ["/open", "/close", "/status", "/finish", "/cancel", "/criteria\nx 1", "/join", "/console", "/remind", "/reopen 1"];
    // A member who never opened the bot's private chat: silence.
    for (const command of commands) expect(await refusedQuietly(h, outsider, command)).toBeUndefined();
    expect(await refusedQuietly(h, outsider, "/newcontest 另一个")).toBeUndefined();
    // One who did: a private note, in the contest's language.
    h.model.startUser(outsider);
    for (const command of commands) {
      const name = command.slice(1).split(/[\s]/)[0];
      expect(await refusedQuietly(h, outsider, command)).toBe(`🙏 /${name} 只有「季度述职评议」的主持人可以使用。`);
    }
    expect(await refusedQuietly(h, outsider, "/newcontest 另一个")).toContain("只有群管理员");
    expect(await h.store.contests.currentRound((await h.store.contests.activeForChat(GROUP))!.id)).toBeUndefined();
  });

  it("says to finish or cancel the first contest before a second", async () => {
    await h.say(chair, GROUP, "/newcontest 第一个");
    await h.say(chair, GROUP, "/newcontest 第二个");
    expect(h.model.lastMessage(GROUP)!.text).toContain("请先用 /finish 结束或 /cancel 取消");
    await h.say(chair, GROUP, "/cancel");
    await h.tap(chair, GROUP, h.model.lastMessage(GROUP)!, /确定取消/);
    expect(h.model.lastMessage(GROUP)!.text).toContain("已取消");
    await h.say(chair, GROUP, "/newcontest 第二个");
    expect(h.model.lastMessage(GROUP)!.text).toContain("已创建评议「第二个」");
  });

  it("names each bad line and stores nothing until all lines are valid", async () => {
    await h.say(chair, GROUP, "/newcontest 测试");
    await h.say(chair, GROUP, "/criteria\n实施性 30\n创新性\n持续性 abc");
    const reply = h.model.lastMessage(GROUP)!.text!;
    expect(reply).toContain("未保存");
    expect(reply).toContain("第 2 行");
    expect(reply).toContain("第 3 行");
    const contest = await h.store.contests.activeForChat(GROUP);
    expect(contest?.setup.criteria).toEqual([]);
  });

  it("answers a join tap from a member who never started the bot with a deep link, and enrols them on /start", async () => {
    await h.say(chair, GROUP, "/newcontest 测试");
    await h.say(chair, GROUP, "/join");
    const join = h.model.lastMessage(GROUP)!;
    const stranger = user(21, "新评委");
    await h.tap(stranger, GROUP, join, /加入评委/);
    const answer = h.lastCallbackAnswer() as { url?: string };
    expect(answer.url).toMatch(/^https:\/\/t\.me\/test_bot\?start=j_[a-z0-9]+_0$/);
    const payload = answer.url!.split("start=")[1]!;
    await h.say(stranger, stranger.id, `/start ${payload}`);
    expect(h.model.lastMessage(stranger.id)!.text).toContain("你已成为「测试」的评委");
    const contest = await h.store.contests.activeForChat(GROUP);
    expect(await h.store.judges.isJudge(contest!.id, stranger.id)).toBe(true);
  });

  it("rejects forged, stale and foreign button presses without changing anything", async () => {
    await setUp();
    await h.say(chair, GROUP, "/open");
    const contest = (await h.store.contests.activeForChat(GROUP))!;
    const judge = judges[0]!;
    const ballot = h.model.lastMessage(judge.id)!;
    const forged = [
      "v|zzzzzz|0|0|5",
      `v|${contest.id}|0|0|31`,
      `v|${contest.id}|0|0|2.5`,
      `v|${contest.id}|1|0|5`,
      `s|${contest.id}|0`,
      "garbage",
      `v|${contest.id}|0|9|1`,
    ];
    for (const data of forged) {
      h.model.enqueueUpdate({
        callback_query: { id: `f${data}`, from: { id: judge.id, is_bot: false, first_name: judge.first_name }, chat_instance: "1", data, message: { message_id: ballot.messageId, date: 0, chat: { id: judge.id, type: "private", first_name: judge.first_name } } },
      });
      await h.deliver();
    }
    // A press on another user's ballot (sent from a chat that is not the presser's own).
    h.model.enqueueUpdate({
      callback_query: { id: "foreign", from: { id: outsider.id, is_bot: false, first_name: "x" }, chat_instance: "1", data: `v|${contest.id}|0|0|5`, message: { message_id: ballot.messageId, date: 0, chat: { id: judge.id, type: "private", first_name: judge.first_name } } },
    });
    await h.deliver();
    const state = await h.store.ballots.state(contest.id, 0, judge.id);
    expect(state?.draft.scores).toEqual({});
    expect(await h.store.ballots.forPresenter(contest.id, 0)).toEqual([]);
    const answers = h.model.callsTo("answerCallbackQuery").slice(-8);
    expect(answers).toHaveLength(8);
  });
});
