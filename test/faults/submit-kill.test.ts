// The bot process is SIGKILLed while a judge's submit sits between its Redis write and its reply,
// then started again; Telegram (which had not learned the update's offset) delivers the submit
// again. Submitting is applied once: the ballot is stored once (version 1, one audit entry), the
// judge sees it as submitted, and the ranking counts it once.
//
// Polling mode's choice (README "Trust"): every ballot step is idempotent in its Lua script (a tap
// sets a value; a submit of an unchanged ballot changes nothing), so a redelivered update is
// harmless. Without that, the redelivered submit becomes "version 2" and "ballot-changed".
import { describe, expect, it } from "vitest";
import { createStore } from "../../src/store/store.js";
import type { TestUser } from "../support/bot-api-server.js";
import { botProcessMeeting, TIMEOUT } from "./bot-process.js";

const GROUP = -100_889;
const chair: TestUser = { id: 901, first_name: "主持人", language_code: "zh-hans" };
const [a, b] = [911, 912].map((id, i): TestUser => ({ id, first_name: `评委${i + 1}`, language_code: "zh-hans" })) as [TestUser, TestUser];

describe("the bot killed between a submit's Redis write and its reply", () => {
  const meeting = botProcessMeeting(GROUP, chair);
  const { start, groupMessage, say, tap, scoreAll } = meeting;
  const answerTo = (callbackId: string) =>
    meeting.api.waitForCall("answerCallbackQuery", (call) => call.params.callback_query_id === callbackId && call.response !== undefined, { timeoutMs: TIMEOUT });

  it("stores the ballot once, shows it to the judge and counts it once", async () => {
    const { api, redis } = meeting;
    const first = await start();
    await meeting.setUp([a, b]);
    await say("/open", "第 1/2 位：区交通运输局");
    await scoreAll(b, [20, 22, 15, 15]);
    await tap(b, "请核对你的评分", /^✅/);
    await scoreAll(a, [25, 26, 18, 17]);

    // Telegram holds the reply to A's submit: the bot has written the ballot and waits on the answer.
    const isSubmitOfA = (id: unknown) => {
      const press = api.model.callbacks.get(String(id));
      return press?.userId === a.id && press.data.startsWith("s|");
    };
    const held = api.model.hold((call) => call.method === "answerCallbackQuery" && isSubmitOfA(call.params.callback_query_id));
    const submit = await tap(a, "请核对你的评分", /^✅/);
    const reply = await held.arrived;
    expect(reply.params.callback_query_id).toBe(submit.callback_query!.id);

    const prefix = redis.prefix.replace(/:+$/, "");
    const store = createStore(redis.redis, prefix);
    const contestId = (await store.contests.activeForChat(GROUP))!.id;
    const written = await store.ballots.forPresenter(contestId, 0);
    expect(written.find((x) => x.judgeId === a.id)).toMatchObject({ version: 1, scores: [25, 26, 18, 17] });

    await first.stop("SIGKILL");
    // The kill hit mid-step: the ballot was written, its reply never answered.
    expect(first.proc.signalCode).toBe("SIGKILL");
    expect(reply.response).toBeUndefined();
    held.release();

    // Telegram did not learn the offset: the same update (same update_id and query id) comes again.
    const { update_id: _, ...again } = submit;
    api.model.enqueueUpdate({ ...again, update_id: submit.update_id });
    await start();
    const answered = await answerTo(submit.callback_query!.id);
    expect(String(answered.params.text)).toContain("已记录");
    await api.waitFor((m) => m.lastMessage(a.id)?.text?.includes("已提交（第 1 版"), TIMEOUT, "A's ballot shown as submitted, version 1");

    const stored = (await store.ballots.forPresenter(contestId, 0)).filter((x) => x.judgeId === a.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ version: 1, scores: [25, 26, 18, 17] });
    const audit = await store.audit.read(contestId);
    const byA = audit.filter((e) => e.by === a.id && (e.type === "ballot-submitted" || e.type === "ballot-changed"));
    expect(byA.map((e) => e.type)).toEqual(["ballot-submitted"]);

    api.send(chair, GROUP, "/close");
    // (86 + 72) / 2 = 79.00 from two ballots: A's counted once.
    const ranking = await groupMessage("◀ 刚结束");
    expect(ranking.text).toContain("1. 区交通运输局 — 79.00（2 份） ◀ 刚结束");
    console.info("[faults] bot SIGKILL between a submit's Redis write and its reply, update delivered again: stored once (version 1), 1 audit entry, counted once");
  });
});
