// Issue 9 item 6: tie-break rules, the prize scope and the chair's decision at /finish, through the
// real bot and a real Redis. Scores are chosen so that finals tie; every number is worked out by hand.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonsOf } from "../support/bot-api-server.js";
import { createHarness, GROUP, type Harness } from "./harness.js";
import { chair, contestOf, judges, li, outsider, press, setUpMeeting, vote, wang, zhang } from "./integrity-support.js";

/*
 * Points [实施性/30, 创新性/30, 持续性/20, 推广性/20] of 张三, 李四, 王五 (totals = sums; mean of 3):
 *   区交通运输局 89, 88, 87 → 88.00   创新性 (28 + 27 + 26) / 3 = 27.00
 *   区教育局     89, 88, 87 → 88.00   创新性 (26 + 25 + 26) / 3 = 77/3 = 25.67
 *   区卫健局     82, 82, 82 → 82.00
 */
const TIED: number[][][] = [
  [[27, 28, 17, 17], [26, 27, 18, 17], [27, 26, 17, 17]],
  [[28, 26, 18, 17], [28, 25, 18, 17], [27, 26, 17, 17]],
  [[25, 25, 16, 16], [25, 25, 16, 16], [25, 25, 16, 16]],
];

const rankingLines = (text: string) => text.split("\n").filter((l) => /^(\d+\.|【|并列|⚖️)/.test(l));

describe("ties at /finish (real Redis)", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  const runRounds = async (ballots: number[][][]) => {
    for (const round of ballots) {
      await h.say(chair, GROUP, "/open");
      for (const [i, judge] of judges.entries()) await vote(h, judge, round[i]!);
      await h.closeRound(chair, GROUP);
    }
  };

  it("separates a tie by the first rule that can, and the final post names it", async () => {
    await setUpMeeting(h);
    const saved = await h.say(chair, GROUP, "/tiebreak 现场得分，创新性");
    expect(saved?.text).toBe("✅ 并列规则（最终得分相同时依次比较，高者在前）：\n1. 现场得分\n2. 「创新性」平均分");
    await h.say(chair, GROUP, "/settings");
    expect(h.model.lastMessage(GROUP)?.text).toContain("并列规则：现场得分 > 「创新性」平均分");
    await runRounds(TIED);
    await h.say(chair, GROUP, "/finish");
    const final = h.model.lastMessage(GROUP)!.text!;
    // Without a blend the live score equals the final, so it cannot separate; 创新性 does.
    expect(rankingLines(final)).toEqual([
      "1. 区交通运输局 — 88.00（3 份）",
      "2. 区教育局 — 88.00（3 份）",
      "3. 区卫健局 — 82.00（3 份）",
      "⚖️ 并列处理",
      "并列 88.00：按「创新性」平均分区分：区交通运输局 27.00 > 区教育局 25.67",
    ]);
    expect(final).toContain("计分方法：取评委总分的平均分，并列时依次比较现场得分 > 「创新性」平均分");
    expect((await h.store.contests.get((await h.store.contests.latestForChat(GROUP))!.id))?.status).toBe("finished");
  });

  it("keeps the shared rank (1, 1, 3) without tie-break rules", async () => {
    await setUpMeeting(h);
    await runRounds(TIED);
    await h.say(chair, GROUP, "/finish");
    const final = h.model.lastMessage(GROUP)!.text!;
    expect(rankingLines(final)).toEqual(["1. 区交通运输局 — 88.00（3 份）", "1. 区教育局 — 88.00（3 份）", "3. 区卫健局 — 82.00（3 份）"]);
  });

  it("refuses bad rules, naming each, and stores nothing", async () => {
    await setUpMeeting(h);
    const reply = await h.say(chair, GROUP, "/tiebreak 主持人，抽签，规范性平均分");
    expect(reply?.text).toBe(
      [
        "❌ 并列规则有误，未保存：",
        "• 主持人：“主持人裁定”必须放在最后",
        "• 抽签：不认识的规则（可用：现场得分、评分项名称、评委组、主持人）",
        "• 规范性平均分：没有评分项「规范性平均分」（现有：实施性、创新性、持续性、推广性）",
        "发送 /tiebreak 查看写法。",
      ].join("\n"),
    );
    expect((await contestOf(h)).setup.tiebreak).toBeUndefined();
    await h.say(zhang, GROUP, "/tiebreak 现场得分");
    expect(h.model.lastMessage(GROUP)?.text).not.toContain("✅");
    expect((await contestOf(h)).setup.tiebreak).toBeUndefined();
  });

  it("asks the chair in private, waits for the decision, ignores forged presses, then posts the final ranking", async () => {
    await setUpMeeting(h);
    h.model.startUser(chair);
    await h.say(chair, GROUP, "/tiebreak 创新性平均分，主持人");
    await h.say(chair, GROUP, "/prizes\n一等奖 1\n二等奖 1");
    // 区教育局 and 区卫健局 tie at 85.00 with 创新性 25.00 each; 区交通运输局 leads with 88.00.
    await runRounds([
      TIED[0]!,
      [[25, 25, 18, 17], [25, 25, 18, 17], [25, 25, 18, 17]],
      [[26, 25, 17, 17], [26, 25, 17, 17], [26, 25, 17, 17]],
    ]);
    await h.say(chair, GROUP, "/finish");
    expect(h.model.lastMessage(GROUP)?.text).toBe("⚖️ 有 1 处并列名次需要主持人裁定，已私聊主持人。裁定后公布最终排名。");
    const contest = await contestOf(h);
    expect(contest.status).toBe("running");
    const question = h.model.lastMessage(chair.id)!;
    expect(question.text).toBe(
      [
        "⚖️ 「季度述职评议」并列名次待裁定",
        "",
        "最终得分同为 85.00：区教育局、区卫健局",
        "已依次比较「创新性」平均分，仍无法区分。",
        "",
        "请点选第 1 位：",
      ].join("\n"),
    );
    expect(buttonsOf(question).map((b) => b.text)).toEqual(["区教育局", "区卫健局"]);
    const decisionKey = `${h.redis.prefix}:c:{${contest.id}}:tiebreaks`;
    const auditBefore = await h.store.audit.length(contest.id);

    // Forged and foreign presses change nothing: a judge pressing the chair's button, a unit outside
    // the tie, a step that is not the current one, a confirm before the order is complete.
    const judgeAnswer = await press(h, li, chair.id, question.messageId, `t|${contest.id}|1|0|1`);
    expect(judgeAnswer).toMatchObject({ text: "🙏 抱歉，此命令只有本次评议的主持人可以使用。", show_alert: true });
    await press(h, outsider, chair.id, question.messageId, `t|${contest.id}|1|0|2`);
    await press(h, chair, chair.id, question.messageId, `t|${contest.id}|1|0|0`);
    await press(h, chair, chair.id, question.messageId, `t|${contest.id}|1|3|1`);
    await press(h, chair, chair.id, question.messageId, `t|${contest.id}|1|0|c`);
    expect(h.lastCallbackAnswer()).toMatchObject({ text: "已是最新状态，请按当前按钮操作。" });
    expect(await h.redis.redis.exists(decisionKey)).toBe(0);
    expect(await h.store.audit.length(contest.id)).toBe(auditBefore);

    // The chair places 区卫健局 first by mistake, starts again, then places 区教育局 and confirms.
    await h.tap(chair, chair.id, question, "区卫健局");
    const placed = h.model.message(chair.id, question.messageId)!;
    expect(placed.text).toContain("排定顺序：1. 区卫健局  2. 区教育局\n确认后按此顺序排名，不能再改。");
    expect(buttonsOf(placed).map((b) => b.text)).toEqual(["✅ 确认", "↩ 重选"]);
    expect(h.model.lastMessage(GROUP)?.text).toContain("⚖️ 有 1 处并列名次需要主持人裁定");
    await h.tap(chair, chair.id, placed, "↩ 重选");
    // A press of this state, kept back to be delivered after the end.
    const late = h.model.tap(chair, chair.id, question.messageId, "区卫健局");
    expect(h.model.takeUpdates()).toEqual([late]);
    await h.tap(chair, chair.id, question, "区教育局");
    await h.tap(chair, chair.id, question, "✅ 确认");
    expect(h.model.message(chair.id, question.messageId)?.text).toContain("✅ 已裁定：1. 区教育局  2. 区卫健局");
    expect(buttonsOf(h.model.message(chair.id, question.messageId))).toEqual([]);
    expect(h.model.lastMessage(chair.id)?.text).toBe("🏆 最终排名已在群里公布。");

    const final = h.model.lastMessage(GROUP)!.text!;
    expect(rankingLines(final)).toEqual([
      "1. 区交通运输局 — 88.00（3 份） · 一等奖",
      "2. 区教育局 — 85.00（3 份） · 二等奖",
      "3. 区卫健局 — 85.00（3 份）",
      "⚖️ 并列处理",
      "并列 85.00：由主持人裁定：区教育局 > 区卫健局",
    ]);
    expect(final).toContain("并列时依次比较「创新性」平均分 > 主持人裁定");
    expect((await h.store.contests.get(contest.id))?.status).toBe("finished");
    const audit = await h.store.audit.read(contest.id);
    expect(audit.filter((e) => e.type === "tiebreak-decided")).toMatchObject([{ by: chair.id, data: { order: [1, 2] } }]);

    // A press of the question arriving after the end changes nothing.
    const stored = await h.redis.redis.hgetall(decisionKey);
    h.model.enqueueUpdate({ callback_query: late.callback_query! });
    await h.deliver();
    expect(h.lastCallbackAnswer()).toMatchObject({ text: "本次评议已结束。", show_alert: true });
    expect(await h.redis.redis.hgetall(decisionKey)).toEqual(stored);
  });

  it("asks about each tie left; the final post waits for the last confirmation", async () => {
    await setUpMeeting(h);
    h.model.startUser(chair);
    await h.say(chair, GROUP, "/presenters\n区交通运输局\n区教育局\n区卫健局\n区司法局");
    await h.say(chair, GROUP, "/tiebreak chair");
    const at85 = [[25, 25, 18, 17], [25, 25, 18, 17], [25, 25, 18, 17]];
    await runRounds([TIED[0]!, TIED[1]!, at85, at85]);
    await h.say(chair, GROUP, "/finish");
    expect(h.model.lastMessage(GROUP)?.text).toContain("⚖️ 有 2 处并列名次需要主持人裁定");
    const [first, second] = h.model.messages(chair.id).slice(-2);
    expect([first, second].map((m) => buttonsOf(m).map((b) => b.text))).toEqual([["区交通运输局", "区教育局"], ["区卫健局", "区司法局"]]);
    await h.tap(chair, chair.id, first!, "区教育局");
    const late = h.model.tap(chair, chair.id, first!.messageId, "✅ 确认");
    h.model.takeUpdates();
    await h.tap(chair, chair.id, first!, "✅ 确认");
    expect(h.model.lastMessage(chair.id)?.text).toBe("还有 1 处并列待裁定。");
    expect(h.model.lastMessage(GROUP)?.text).toContain("⚖️ 有 2 处并列名次需要主持人裁定");
    h.model.enqueueUpdate({ callback_query: late.callback_query! });
    await h.deliver();
    expect(h.lastCallbackAnswer()).toMatchObject({ text: "这处并列已经裁定。", show_alert: true });
    await h.tap(chair, chair.id, second!, "区司法局");
    await h.tap(chair, chair.id, second!, "✅ 确认");
    expect(rankingLines(h.model.lastMessage(GROUP)!.text!)).toEqual([
      "1. 区教育局 — 88.00（3 份）",
      "2. 区交通运输局 — 88.00（3 份）",
      "3. 区司法局 — 85.00（3 份）",
      "4. 区卫健局 — 85.00（3 份）",
      "⚖️ 并列处理",
      "并列 88.00：由主持人裁定：区教育局 > 区交通运输局",
      "并列 85.00：由主持人裁定：区司法局 > 区卫健局",
    ]);
  });

  it("tells the chair to open the private chat first when the bot cannot write to them", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/tiebreak chair");
    await runRounds(TIED);
    h.model.blockUser(chair);
    await h.say(chair, GROUP, "/finish");
    const reply = h.model.lastMessage(GROUP)!;
    expect(reply.text).toContain("机器人还不能私聊你");
    expect(buttonsOf(reply)[0]).toMatchObject({ text: "💬 打开私聊", url: `https://t.me/${h.model.botInfo.username}` });
    expect((await contestOf(h)).status).toBe("running");
    h.model.blocked.delete(chair.id);
    await h.say(chair, GROUP, "/finish");
    expect(buttonsOf(h.model.lastMessage(chair.id)).map((b) => b.text)).toEqual(["区交通运输局", "区教育局"]);
  });

  it("gives prizes over all groups with /prizes 全部, listing the overall ranking with each unit's group", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/presenters\n区交通运输局 | 部门组\n区教育局 | 部门组\n区卫健局 | 乡镇组");
    const saved = await h.say(chair, GROUP, "/prizes 全部\n一等奖 1\n二等奖 1");
    expect(saved?.text).toBe("✅ 奖项范围：全部单位统一排名颁发（不分组）。\n一等奖 × 1\n二等奖 × 1");
    await h.say(chair, GROUP, "/settings");
    expect(h.model.lastMessage(GROUP)?.text).toContain("奖项范围：全部单位统一排名颁发");
    // 区交通运输局 88.00, 区教育局 85.00, 区卫健局 90.00.
    await runRounds([TIED[0]!, [[25, 25, 18, 17], [25, 25, 18, 17], [25, 25, 18, 17]], [[27, 27, 18, 18], [27, 27, 18, 18], [27, 27, 18, 18]]]);
    await h.say(chair, GROUP, "/finish");
    const final = h.model.lastMessage(GROUP)!.text!;
    expect(rankingLines(final)).toEqual([
      "1. 区卫健局（乡镇组） — 90.00（3 份） · 一等奖",
      "2. 区交通运输局（部门组） — 88.00（3 份） · 二等奖",
      "3. 区教育局（部门组） — 85.00（3 份）",
    ]);
    expect(final).toContain("奖项按全部单位统一排名颁发");
  });

  it("switches back to prizes per group with /prizes 分组, keeping the prizes", async () => {
    await setUpMeeting(h, [zhang, li, wang]);
    await h.say(chair, GROUP, "/prizes overall\n一等奖 1");
    const back = await h.say(chair, GROUP, "/prizes 分组");
    expect(back?.text).toBe("✅ 奖项范围：各分组分别颁发。\n一等奖 × 1");
    expect((await contestOf(h)).setup).toMatchObject({ prizeScope: "group", prizes: [{ name: "一等奖", count: 1 }] });
  });
});
