// Telegram delivers an update again when the bot did not answer in time (webhook) or when a
// restarted poller had not confirmed it: every update is applied once (update_id claimed in Redis).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import type { Redis } from "ioredis";
import { createHarness, GROUP, type Harness } from "../bot/harness.js";
import { ballotMessage, chair, judgesFrom, setUpContest, tapScores } from "./meeting.js";
import { commandsSent } from "../support/redis.js";

describe("the same update delivered twice", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ bot: { dedupeUpdates: true } });
  });
  afterEach(() => h.close());

  const twice = async (update: Update, together: boolean) => {
    h.model.takeUpdates();
    if (together) await Promise.all([h.bot.handleUpdate(update), h.bot.handleUpdate(structuredClone(update))]);
    else {
      await h.bot.handleUpdate(update);
      await h.bot.handleUpdate(structuredClone(update));
    }
  };

  it("opens a round, records a tap and a submit once each", async () => {
    const judges = judgesFrom(11, 3);
    const contest = await setUpContest(h, judges);

    const open = h.model.send(chair, GROUP, "/open");
    await twice(open, false);
    expect(h.model.messages(GROUP).filter((m) => m.text?.includes("第 1/2 位"))).toHaveLength(1);
    for (const judge of judges) expect(h.model.messages(judge.id).filter((m) => m.text?.includes("评分项 1/4"))).toHaveLength(1);

    const judge = judges[0]!;
    const tap = h.model.tap(judge, judge.id, ballotMessage(h, judge).messageId, "25");
    await twice(tap, true);
    await tapScores(h, judge, [26, 18, 17]);
    const submit = h.model.tap(judge, judge.id, ballotMessage(h, judge).messageId, /^✅/);
    await twice(submit, true);

    const ballots = await h.store.ballots.forPresenter(contest.id, 0);
    expect(ballots).toHaveLength(1);
    expect(ballots[0]?.version).toBe(1);
    const audit = (await h.store.audit.read(contest.id)).map((e) => e.type);
    expect(audit.filter((t) => t === "round-opened")).toHaveLength(1);
    expect(audit.filter((t) => t === "ballot-drafted")).toHaveLength(4);
    expect(audit.filter((t) => t === "ballot-submitted")).toHaveLength(1);
    expect(audit).not.toContain("ballot-changed");
    // Each press is answered once (the repeated delivery is dropped before any work).
    expect(h.model.callsTo("answerCallbackQuery").filter((c) => c.params.callback_query_id === submit.callback_query!.id)).toHaveLength(1);
    expect(h.model.message(GROUP, h.model.messages(GROUP).find((m) => m.text?.includes("第 1/2 位"))!.messageId)?.text).toContain("已提交：1/3");
  });

  it("claims a ballot press inside its ballot script: one Redis command per press, applied once", async () => {
    const judges = judgesFrom(11, 1);
    const contest = await setUpContest(h, judges);
    await h.say(chair, GROUP, "/open");
    const judge = judges[0]!;
    const client = h.redis.redis as Redis;
    const { sent } = await commandsSent(client, () => twice(h.model.tap(judge, judge.id, ballotMessage(h, judge).messageId, "25"), false));
    // The first delivery: its one script call claimed the update; the second: the same call, refused.
    expect(sent).toEqual(["evalsha", "evalsha"]);
    const audit = (await h.store.audit.read(contest.id)).map((e) => e.type);
    expect(audit.filter((t) => t === "ballot-drafted")).toHaveLength(1);
  });

  it("closes once: a repeated /close does not answer 'no round is open' or post the ranking twice", async () => {
    const judges = judgesFrom(11, 2);
    await setUpContest(h, judges);
    await h.say(chair, GROUP, "/open");
    for (const judge of judges) {
      await tapScores(h, judge, [25, 26, 18, 17]);
      await h.tap(judge, judge.id, ballotMessage(h, judge), /^✅/);
    }
    const close = h.model.send(chair, GROUP, "/close");
    await twice(close, true);
    const after = h.model.messages(GROUP).filter((m) => m.text?.includes("当前排名") || m.text?.includes("当前没有进行中的评分"));
    expect(after.map((m) => m.text!.split("\n")[0])).toEqual(["📊 「季度述职评议」当前排名"]);
    expect(h.model.messages(GROUP).find((m) => m.text?.startsWith("🎤 第 1/2 位"))!.text).toContain("🔒 评分已结束：共 2/2 份");
  });
});
