// A round's close wins over every live-counter edit: a trailing (throttled) edit that fires after
// the close, and an edit another replica has in flight while the round closes, never turn the
// closed announcement back into the open one. The closed announcement no longer invites scoring.
import { afterEach, describe, expect, it } from "vitest";
import { pino } from "pino";
import type { Transformer } from "grammy";
import { createBot } from "../../src/bot/create-bot.js";
import { createStore } from "../../src/store/store.js";
import { captureTransformer } from "../support/bot-api-server.js";
import { createHarness, GROUP, type Harness } from "./harness.js";
import { chair, judges, setUpMeeting } from "./integrity-support.js";

const OPEN_LINE = "请评委在私聊中评分";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Taps every criterion of the judge's latest ballot message (the submit is left to the caller). */
const fillBallot = async (h: Harness, judge: (typeof judges)[number], scores: number[]) => {
  for (const score of scores) await h.tap(judge, judge.id, h.model.lastMessage(judge.id)!, String(score));
};

describe("the close of a round against live-counter edits", () => {
  let h: Harness;
  const stops: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await h.close();
  });

  it("a trailing counter edit that comes due after the close leaves the closed announcement as it is", async () => {
    h = await createHarness({ counterIntervalS: 1 });
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open");
    const announcement = h.model.lastMessage(GROUP)!;
    // The first submit edits the counter at once and holds the 1 s pause; the second, inside the
    // pause, leaves a trailing edit pending.
    await fillBallot(h, judges[0]!, [25, 26, 18, 17]);
    await h.tap(judges[0]!, judges[0]!.id, h.model.lastMessage(judges[0]!.id)!, /^✅/);
    await fillBallot(h, judges[1]!, [27, 28, 19, 18]);
    await h.tap(judges[1]!, judges[1]!.id, h.model.lastMessage(judges[1]!.id)!, /^✅/);
    const editsBeforeClose = h.model.callsTo("editMessageText").filter((c) => c.params.message_id === announcement.messageId).length;
    expect(h.model.message(GROUP, announcement.messageId)!.text).toContain("已提交：1/3");

    await h.closeRound(chair, GROUP);
    expect(h.model.message(GROUP, announcement.messageId)!.text).toContain("🔒 评分已结束：共 2/3 份");
    await sleep(1_400); // the pending edit's time has come and gone

    const text = h.model.message(GROUP, announcement.messageId)!.text!;
    expect(text).toContain("🔒 评分已结束：共 2/3 份");
    expect(text).not.toContain("📥 已提交");
    expect(text).not.toContain(OPEN_LINE);
    // The close edited it once; the trailing edit found the round closed and wrote nothing.
    const edits = h.model.callsTo("editMessageText").filter((c) => c.params.message_id === announcement.messageId);
    expect(edits.length - editsBeforeClose).toBe(1);
  });

  it("another replica's counter edit in flight during the close lands before the closed state", async () => {
    h = await createHarness();
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open");
    const announcement = h.model.lastMessage(GROUP)!;

    // Replica A: the same Redis prefix and Telegram, its group edits held until released.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inFlight = new Promise<void>((resolve) => (entered = resolve));
    const holdGroupEdits: Transformer = async (prev, method, payload, signal) => {
      if (method === "editMessageText" && (payload as { chat_id?: number }).chat_id === GROUP) {
        entered();
        await released;
      }
      return prev(method, payload, signal);
    };
    const replicaA = createBot({
      token: h.model.token,
      config: { DEFAULT_LOCALE: "zh-CN", COUNTER_EDIT_INTERVAL_S: 0, TELEGRAM_API_ROOT: "http://127.0.0.1:1" },
      store: createStore(h.redis.redis, h.redis.prefix),
      logger: pino({ level: "silent" }),
      botInfo: h.model.botInfo,
      transformers: [captureTransformer(h.model), holdGroupEdits],
      sendIntervalMs: 0,
      timerPollMs: 0,
    });
    stops.push(() => replicaA.stop());

    // A judge's submit reaches replica A, whose counter edit (open state, 1/3) is now in flight.
    await fillBallot(h, judges[0]!, [25, 26, 18, 17]);
    h.model.tap(judges[0]!, judges[0]!.id, h.model.lastMessage(judges[0]!.id)!.messageId, /^✅/);
    const [submit] = h.model.takeUpdates();
    const handledByA = replicaA.bot.handleUpdate(submit!);
    await inFlight;

    // Replica B (the harness's bot) closes the round meanwhile; A's edit arrives 300 ms later.
    setTimeout(release, 300);
    const closing = h.closeRound(chair, GROUP);
    await Promise.all([handledByA, closing]);

    const text = h.model.message(GROUP, announcement.messageId)!.text!;
    expect(text).toContain("🔒 评分已结束：共 1/3 份");
    expect(text).not.toContain(OPEN_LINE);
    // Both edits reached Telegram, the close's last.
    const edits = h.model.callsTo("editMessageText").filter((c) => c.params.message_id === announcement.messageId);
    expect(edits.at(-1)!.params.text).toContain("🔒 评分已结束");
    expect(edits.some((c) => String(c.params.text).includes("📥 已提交：1/3"))).toBe(true);
  });

  it("says in the closed announcement that scoring ended, with the count, and no longer invites scoring", async () => {
    h = await createHarness();
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open");
    const announcement = h.model.lastMessage(GROUP)!;
    expect(announcement.text).toContain(OPEN_LINE);
    await fillBallot(h, judges[0]!, [25, 26, 18, 17]);
    await h.tap(judges[0]!, judges[0]!.id, h.model.lastMessage(judges[0]!.id)!, /^✅/);
    await h.closeRound(chair, GROUP);
    const closed = h.model.message(GROUP, announcement.messageId)!;
    expect(closed.text).toContain("🎤 第 1/3 位：区交通运输局");
    expect(closed.text).toContain("🔒 评分已结束：共 1/3 份");
    expect(closed.text).not.toContain(OPEN_LINE);
    expect(closed.replyMarkup).toBeUndefined();
  });
});
