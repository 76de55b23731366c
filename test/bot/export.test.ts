// Sealed ballots and exports, through the real bot: receipts under each ballot, the round's digest
// under each counted ballot once the round closes (and in the export), /receipt and /verify in
// private, /export for the chair and /export public.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { receiptOf, roundDigest, shortReceipt } from "../../src/domain/receipt.js";
import type { TestUser } from "../support/bot-api-server.js";
import { createHarness, GROUP, user, type Harness } from "./harness.js";
import { refusedQuietly } from "./integrity-support.js";
import { parseCsv } from "../domain/csv.js";

const chair = user(1, "主持人");
const judges = [user(11, "张三"), user(12, "李四"), user(13, "王五")];
const outsider = user(99, "路人");

describe("receipts, digests, /verify and /export", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    h.model.setAdmins(GROUP, [], chair.id);
  });
  afterEach(() => h.close());

  const setUp = async () => {
    await h.say(chair, GROUP, "/newcontest 季度述职评议");
    await h.say(chair, GROUP, "/criteria\n实施性 30\n创新性 30\n持续性 20\n推广性 20");
    await h.say(chair, GROUP, "/presenters\n区交通运输局\n区教育局");
    await h.say(chair, GROUP, "/join");
    const join = h.model.lastMessage(GROUP)!;
    for (const judge of judges) {
      h.model.startUser(judge);
      await h.tap(judge, GROUP, join, /加入评委/);
    }
    return (await h.store.contests.activeForChat(GROUP))!;
  };

  const vote = async (judge: TestUser, scores: number[]) => {
    for (const score of scores) await h.tap(judge, judge.id, h.model.lastMessage(judge.id)!, String(score));
    await h.tap(judge, judge.id, h.model.lastMessage(judge.id)!, /^✅/);
  };

  const runRound = async (votes: number[][]) => {
    await h.say(chair, GROUP, "/open");
    for (const [i, scores] of votes.entries()) await vote(judges[i]!, scores);
    await h.say(chair, GROUP, "/close");
    return (await h.standings(GROUP))!.text!;
  };

  it("shows each judge a receipt and, once the round closes, the digest of the counted ones; verifies them", async () => {
    const contest = await setUp();
    await runRound([[25, 26, 18, 17], [27, 28, 19, 18], [20, 22, 15, 15]]);
    const ballots = await h.store.ballots.forPresenter(contest.id, 0);
    const receipts = ballots.map((b) => receiptOf(contest.id, b));
    // The digest goes to the judges under their own receipts, not to the group.
    expect(h.model.messages(GROUP).some((m) => m.text?.includes("计票摘要"))).toBe(false);
    for (const judge of judges) {
      const closed = h.model.lastMessage(judge.id)!.text!;
      expect(closed).toContain(`🔏 计票摘要（3 份）：${roundDigest(receipts)}`);
      expect(closed).toContain("发送 /verify <回执> 可随时核对");
    }

    const ballot = ballots.find((b) => b.judgeId === judges[0]!.id)!;
    const receipt = receiptOf(contest.id, ballot);
    // The ballot message (now closed) keeps the receipt's first 12 digits.
    expect(h.model.lastMessage(judges[0]!.id)!.text).toContain(`🧾 回执：${shortReceipt(receipt)}…`);

    const full = await h.say(judges[0]!, judges[0]!.id, "/receipt");
    expect(full!.text).toContain(receipt);
    expect(full!.text).not.toContain(receipts[1]!);

    const counted = await h.say(judges[0]!, judges[0]!.id, `/verify ${shortReceipt(receipt)}`);
    expect(counted!.text).toContain(`✅ 回执 ${shortReceipt(receipt)}… 已计入第 1 位「区交通运输局」的计票（共 3 份）`);
    expect(counted!.text).toContain(roundDigest(receipts));
    // Any judge may check any receipt they hold, in full too.
    expect((await h.say(judges[1]!, judges[1]!.id, `/verify ${receipt.toUpperCase()}`))!.text).toContain("✅");

    const unknown = await h.say(judges[0]!, judges[0]!.id, `/verify ${"0".repeat(12)}`);
    expect(unknown!.text).toContain("❌ 在「季度述职评议」中没有找到回执 000000000000…");
    expect((await h.say(judges[0]!, judges[0]!.id, "/verify 123"))!.text).toContain("用法：/verify <回执>");
    h.model.startUser(outsider);
    expect((await h.say(outsider, outsider.id, `/verify ${receipt}`))!.text).toContain("你还不是任何评议的评委");
    expect((await h.say(judges[0]!, GROUP, `/verify ${receipt}`))!.text).toContain("请私聊机器人");
  });

  it("tells a judge a receipt of the open round is not in a digest yet, and an old version's receipt is gone", async () => {
    const contest = await setUp();
    await h.say(chair, GROUP, "/open");
    await vote(judges[0]!, [25, 26, 18, 17]);
    const first = receiptOf(contest.id, (await h.store.ballots.forPresenter(contest.id, 0))[0]!);
    expect((await h.say(judges[0]!, judges[0]!.id, `/verify ${first}`))!.text).toContain("⏳");
    const ballotMessage = h.model.findMessageWithButton(judges[0]!.id, "✏️ 实施性")!;
    await h.tap(judges[0]!, judges[0]!.id, ballotMessage, "✏️ 实施性");
    await h.tap(judges[0]!, judges[0]!.id, ballotMessage, "26");
    await h.tap(judges[0]!, judges[0]!.id, ballotMessage, /^✅/);
    const second = receiptOf(contest.id, (await h.store.ballots.forPresenter(contest.id, 0))[0]!);
    expect(second).not.toBe(first);
    expect(h.model.message(judges[0]!.id, ballotMessage.messageId)!.text).toContain(shortReceipt(second));
    await h.say(chair, GROUP, "/close");
    expect((await h.say(judges[0]!, judges[0]!.id, `/verify ${first}`))!.text).toContain("❌");
    expect((await h.say(judges[0]!, judges[0]!.id, `/verify ${second}`))!.text).toContain("✅");
  });

  it("sends the chair ballots, standings and the audit log as CSV in private, also after /finish", async () => {
    const contest = await setUp();
    await runRound([[25, 26, 18, 17], [27, 28, 19, 18], [20, 22, 15, 15]]);
    h.model.startUser(chair);
    await h.say(chair, GROUP, "/finish");
    const reply = await h.say(chair, GROUP, "/export");
    expect(reply!.text).toContain("已私聊发给你");
    const files = h.model.messages(chair.id).filter((m) => m.document);
    expect(files.map((m) => m.document!.file_name)).toEqual([
      "季度述职评议-评分明细.csv",
      "季度述职评议-排名.csv",
      "季度述职评议-审计日志.csv",
      "季度述职评议-评分汇总.xlsx",
    ]);
    const bytes = files.slice(0, 3).map((m) => m.document!.bytes!);
    for (const b of bytes) expect([...b.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [ballotRows, standingRows, auditRows] = bytes.map((b) => parseCsv(b.toString("utf8").slice(1)));

    expect(ballotRows![0]).toEqual(["序号", "汇报人", "分组", "评委", "评委ID", "评审组", "实施性", "创新性", "持续性", "推广性", "合计（百分制）", "计分情况", "点评", "版本", "提交时间（UTC）", "回执"]);
    expect(ballotRows!.slice(1).map((r) => [r[1], r[3], ...r.slice(6, 12)])).toEqual([
      ["区交通运输局", "张三", "25", "26", "18", "17", "86.00", "计入"],
      ["区交通运输局", "李四", "27", "28", "19", "18", "92.00", "计入"],
      ["区交通运输局", "王五", "20", "22", "15", "15", "72.00", "计入"],
    ]);
    const stored = await h.store.ballots.forPresenter(contest.id, 0);
    expect(ballotRows!.slice(1).map((r) => r[15])).toEqual(stored.map((b) => receiptOf(contest.id, b)));

    expect(standingRows![0]!.at(-1)).toBe("计票摘要");
    expect(standingRows![1]).toEqual([
      "", "1", "1", "区交通运输局", "83.33", "83.33", "", "3", "", "", "24.00", "25.33", "17.33", "16.67",
      roundDigest(stored.map((b) => receiptOf(contest.id, b))),
    ]);

    const events = auditRows!.slice(1).map((r) => r[3]);
    expect(events[0]).toBe("创建评议");
    expect(events.filter((e) => e === "打分")).toHaveLength(12);
    expect(events.filter((e) => e === "提交评分")).toHaveLength(3);
    expect(events).toContain("结束评分");
    expect(events.at(-1)).toBe("结束评议");
  });

  it("posts only the standings and criterion averages with /export public, without judges", async () => {
    await setUp();
    await runRound([[25, 26, 18, 17], [27, 28, 19, 18], [20, 22, 15, 15]]);
    await h.say(chair, GROUP, "/export public");
    const posted = h.model.lastMessage(GROUP)!;
    expect(posted.document?.file_name).toBe("季度述职评议-排名.csv");
    expect(posted.text).toContain("不含评委信息");
    const text = posted.document!.bytes!.toString("utf8");
    for (const judge of judges) expect(text).not.toContain(judge.first_name);
    expect(text).toContain("平均：实施性");
  });

  it("answers in the group with a link to start the bot when the chair never did, and refuses others", async () => {
    await setUp();
    await runRound([[25, 26, 18, 17], [27, 28, 19, 18], [20, 22, 15, 15]]);
    const reply = await h.say(chair, GROUP, "/export");
    expect(reply!.text).toContain("我还不能私聊你");
    const button = (reply!.replyMarkup as { inline_keyboard: { url?: string }[][] }).inline_keyboard[0]![0]!;
    expect(button.url).toBe("https://t.me/test_bot?start");
    expect(h.model.messages(chair.id)).toEqual([]);

    expect(await refusedQuietly(h, judges[0]!, "/export")).toBe("🙏 /export 只有「季度述职评议」的主持人可以使用。");
    await h.say(chair, GROUP, "/export everything");
    expect(h.model.lastMessage(GROUP)!.text).toContain("/export public");
  });

  it("says there is nothing to export before a round has closed", async () => {
    await setUp();
    expect((await h.say(chair, GROUP, "/export"))!.text).toContain("暂无可导出的内容");
  });
});
