// The bot process is killed (SIGKILL) in the middle of a round and started again on the same Redis
// prefix: the open round, the judges' half-filled ballots and the live counter carry on, and a tap
// sent while no bot was running (Telegram keeps it) is applied by the new process.
import { describe, expect, it } from "vitest";
import type { TestUser } from "../support/bot-api-server.js";
import { botProcessMeeting, TIMEOUT } from "./bot-process.js";

const GROUP = -100_888;
const chair: TestUser = { id: 701, first_name: "主持人", language_code: "zh-hans" };
const [a, b, c] = [711, 712, 713].map((id, i): TestUser => ({ id, first_name: `评委${i + 1}`, language_code: "zh-hans" })) as [TestUser, TestUser, TestUser];

describe("the bot process killed (SIGKILL) mid-round and started again", () => {
  const meeting = botProcessMeeting(GROUP, chair);
  const { start, groupMessage, say, tap, scoreAll } = meeting;
  const recorded = (judge: TestUser) =>
    meeting.api.waitForCall("answerCallbackQuery", (call) => String(call.params.text ?? "").includes("已记录") && judgesCallback(call.params.callback_query_id, judge), { timeoutMs: TIMEOUT });
  const judgesCallback = (id: unknown, judge: TestUser) => meeting.api.model.callbacks.get(String(id))?.userId === judge.id;
  /** Waits until the bot has confirmed (getUpdates offset past) every update queued so far. */
  const confirmed = (lastUpdateId: number) =>
    meeting.api.waitFor((m) => m.calls.some((call) => call.method === "getUpdates" && Number(call.params.offset) > lastUpdateId), TIMEOUT, "updates confirmed");

  it("continues the open round, the drafts and the live counter", async () => {
    const { api } = meeting;
    const first = await start();
    await meeting.setUp([a, b, c]);
    const counter = await say("/open", "第 1/2 位：区交通运输局");
    // The broadcast is paced (~28 messages/s): every judge has the ballot before the kill.
    for (const judge of [a, b, c]) await api.waitForMessage(judge.id, (m) => (m.text ?? "").includes("评分项 1/4"), TIMEOUT);

    // Judge A submits; judge B scores two of four criteria; judge C has not started.
    await scoreAll(a, [25, 26, 18, 17]);
    await tap(a, "请核对你的评分", /^✅/);
    await recorded(a);
    await tap(b, "评分项 1/4", "27");
    const last = await tap(b, "评分项 2/4", "28");
    await api.waitFor((m) => m.lastMessage(b.id)?.text?.includes("评分项 3/4"), TIMEOUT, "B's draft of two scores");
    await api.waitFor((m) => m.message(GROUP, counter.messageId)?.text?.includes("已提交：1/3"), TIMEOUT, "counter 1/3");
    await confirmed(last.update_id);

    await first.stop("SIGKILL");
    expect(first.proc.signalCode).toBe("SIGKILL");

    // While no bot runs, B taps the third score: Telegram keeps the update for the next poller.
    const pending = await tap(b, "评分项 3/4", "19");
    await start();
    await api.waitFor((m) => m.calls.some((call) => call.method === "answerCallbackQuery" && call.params.callback_query_id === pending.callback_query!.id), TIMEOUT, "the kept tap answered");

    await tap(b, "评分项 4/4", "18");
    await tap(b, "请核对你的评分", /^✅/);
    await recorded(b);
    await scoreAll(c, [20, 22, 15, 15]);
    await tap(c, "请核对你的评分", /^✅/);
    await recorded(c);
    // The new process edits the counter message the first one posted.
    await api.waitFor((m) => m.message(GROUP, counter.messageId)?.text?.includes("已提交：3/3"), TIMEOUT, "counter 3/3");

    api.send(chair, GROUP, "/close");
    const ranking = await groupMessage("◀ 刚结束");
    // (86 + 92 + 72) / 3 = 83.33: B's ballot holds the two scores tapped before the kill.
    expect(ranking.text).toContain("1. 区交通运输局 — 83.33（3 份） ◀ 刚结束");
    console.info("[faults] bot SIGKILL mid-round: round still open, 2 of 2 draft scores kept, 1 tap sent while down applied, counter went on to 3/3, ballots lost 0 of 3");
  });
});
