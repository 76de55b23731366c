// 100 judges press "submit" while the chair closes the round. Submit and close are atomic with
// respect to each other (Lua scripts), so every ballot is either in the posted ranking or refused
// with "round closed": none is accepted and then left out, none is lost.
import { afterEach, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { roundDigest, receiptOf } from "../../src/domain/receipt.js";
import { createHarness, GROUP, type Harness } from "../bot/harness.js";
import { ballotMessage, chair, judgesFrom, rankingRows, setUpContest } from "./meeting.js";

const JUDGES = 100;
/** A run where the close lands before every submit or after all of them proves nothing; retry. */
const MAX_ATTEMPTS = 5;

type RaceOutcome = { accepted: number; refused: number };

describe(`${JUDGES} judges submitting while the chair closes`, () => {
  const harnesses: Harness[] = [];
  afterEach(async () => {
    await Promise.all(harnesses.splice(0).map((h) => h.close()));
  });

  it("puts every accepted ballot in the ranking and refuses the rest with 'round closed'", async () => {
    const outcomes: RaceOutcome[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const h = await createHarness();
      harnesses.push(h);
      const outcome = await race(h);
      outcomes.push(outcome);
      if (outcome.accepted > 0 && outcome.refused > 0) break;
    }
    // The race really happened: in the last run some submits won and some lost against the close.
    const last = outcomes.at(-1)!;
    expect(last.accepted, `accepted submits in ${outcomes.length} run(s)`).toBeGreaterThan(0);
    expect(last.refused, `refused submits in ${outcomes.length} run(s)`).toBeGreaterThan(0);
  });
});

/** One race: every assertion about a single run; returns how many submits won and lost. */
const race = async (h: Harness): Promise<RaceOutcome> => {
  const judges = judgesFrom(1001, JUDGES);
  const contest = await setUpContest(h, judges);
  await h.say(chair, GROUP, "/open");
  // Every judge has scored all four criteria (86.00); only the submit is left.
  await Promise.all(judges.map(async (judge) => {
    for (const [criterion, value] of [25, 26, 18, 17].entries()) {
      expect((await h.store.ballots.tap(contest.id, 0, judge.id, criterion, value)).code).toBe("OK");
    }
  }));

  const submits: Update[] = judges.map((judge) => {
    const messageId = ballotMessage(h, judge).messageId;
    const id = `submit-${judge.id}`;
    // The model answers only presses it knows (like Telegram's callback query ids).
    h.model.callbacks.set(id, { id, userId: judge.id, chatId: judge.id, messageId, data: `s|${contest.id}|0`, answered: false });
    return h.model.enqueueUpdate({
      callback_query: {
        id: `submit-${judge.id}`,
        from: { id: judge.id, is_bot: false, first_name: judge.first_name },
        chat_instance: String(judge.id),
        data: `s|${contest.id}|0`,
        message: { message_id: messageId, date: 0, chat: { id: judge.id, type: "private", first_name: judge.first_name } },
      },
    });
  });
  const close = h.model.send(chair, GROUP, "/close");
  h.model.takeUpdates();

  // Submits arrive one per millisecond; the close goes in after the first 30. Everything runs
  // concurrently. We note which submits were answered before the close began, and which
  // arrived after it had finished.
  const runs: Promise<void>[] = [];
  let closeStarted = false;
  let closeDone = false;
  const doneBeforeClose = new Set<number>();
  const arrivedAfterClose = new Set<number>();
  for (const [i, update] of submits.entries()) {
    if (i === 30) {
      closeStarted = true;
      runs.push(h.bot.handleUpdate(close).then(() => void (closeDone = true)));
    }
    if (closeDone) arrivedAfterClose.add(i);
    runs.push(h.bot.handleUpdate(update).then(() => void (!closeStarted && doneBeforeClose.add(i))));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(runs);

  const answerCalls = h.model.callsTo("answerCallbackQuery");
  const answers = judges.map((judge) => {
    const calls = answerCalls.filter((c) => c.params.callback_query_id === `submit-${judge.id}`);
    expect(calls.map((c) => c.params.text), judge.first_name).toHaveLength(1);
    return String(calls[0]!.params.text ?? "");
  });
  const accepted = judges.filter((_, i) => answers[i]!.includes("已记录"));
  const refused = judges.filter((_, i) => answers[i]!.includes("本轮评分已结束"));
  expect(accepted.length + refused.length).toBe(JUDGES);
  for (const i of doneBeforeClose) expect(answers[i], `submit ${i} (before the close)`).toContain("已记录");
  for (const i of arrivedAfterClose) expect(answers[i], `submit ${i} (after the close)`).toContain("本轮评分已结束");

  // The closed announcement and the ranking count exactly the accepted ballots.
  const announcement = h.model.messages(GROUP).find((m) => m.text?.startsWith("🎤 第 1/2 位"))!.text!;
  expect(announcement).toContain(`🔒 评分已结束：共 ${accepted.length}/${JUDGES} 份`);
  const posted = (await h.standings(GROUP))!.text!;
  expect(rankingRows(posted)).toEqual(accepted.length > 0 ? [`1. 区交通运输局 — 86.00（${accepted.length} 份） ◀ 刚结束`] : ["–. 区交通运输局 — 无有效评分 ◀ 刚结束"]);
  // Stored ballots are exactly the accepted ones; so is the digest the counted judges are shown.
  const stored = await h.store.ballots.forPresenter(contest.id, 0);
  expect(stored.map((b) => b.judgeId)).toEqual(accepted.map((j) => j.id));
  const digest = `🔏 计票摘要（${accepted.length} 份）：${roundDigest(stored.map((b) => receiptOf(contest.id, b)))}`;
  const withDigest = judges.filter((judge) => h.model.messages(judge.id).some((m) => m.text?.includes(digest)));
  // (A submit answered in the same instant as the close may redraw its ballot after the close's redraw.)
  if (accepted.length > 0) expect(withDigest.length).toBeGreaterThan(0);
  for (const judge of withDigest) expect(accepted).toContain(judge);
  // Nothing was written for the refused ones, nor after the close.
  const audit = await h.store.audit.read(contest.id);
  const closedAt = audit.findIndex((e) => e.type === "round-closed");
  expect(audit.slice(closedAt + 1).filter((e) => e.type.startsWith("ballot-"))).toEqual([]);
  expect(audit.filter((e) => e.type === "ballot-submitted").map((e) => e.by).sort()).toEqual(accepted.map((j) => j.id));
  console.info(`[faults] close race: ${JUDGES} submits, ${accepted.length} accepted and in the ranking, ${refused.length} refused "round closed", 0 lost (${doneBeforeClose.size} answered before the close began, ${arrivedAfterClose.size} arrived after it ended)`);
  return { accepted: accepted.length, refused: refused.length };
};
