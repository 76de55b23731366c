// A close wins over every console edit that was asked for before it: a paced edit still pending
// when the round closes shows the close when it fires, and an edit already on its way to Telegram
// (here on another replica) is followed at once by one that shows the close.
import { pino } from "pino";
import type { Transformer } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/create-bot.js";
import { captureTransformer, type TestUser } from "../support/bot-api-server.js";
import type { ApiCall } from "../support/telegram-model.js";
import { createHarness, GROUP, type Harness } from "./harness.js";
import { chair, contestOf, li, scoresFor, setUpMeeting, vote, wang, zhang } from "./integrity-support.js";

const OPEN_LINE = "🎤 第 1/3 位：区交通运输局";
const CLOSED_LINE = "⏸ 当前没有进行中的评分。下一位：第 2/3 位 区教育局";

/** Every edit of the chair's console the bot attempted, in order. */
const consoleEdits = async (h: Harness): Promise<ApiCall[]> => {
  const id = await h.store.consoles.get((await contestOf(h)).id, chair.id);
  return h.model.callsTo("editMessageText").filter((c) => c.params.chat_id === chair.id && c.params.message_id === id);
};
const textOf = (call: ApiCall): string => String(call.params.text);

/** Taps a whole ballot but its ✅, and returns the queued (not yet handled) submit. */
const ballotUpToSubmit = async (h: Harness, judge: TestUser, scores: number[]) => {
  for (const score of scores) await h.tap(judge, judge.id, h.model.lastMessage(judge.id)!, String(score));
  h.model.tap(judge, judge.id, h.model.lastMessage(judge.id)!.messageId, /^✅/);
  const [submit] = h.model.takeUpdates();
  return submit!;
};

describe("the console and a close", () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("shows the close when a paced edit asked for before it fires after it", async () => {
    const h = await createHarness({ counterIntervalS: 1 });
    cleanups.push(() => h.close());
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open");
    await vote(h, zhang, scoresFor(90)); // edits the console and starts its 1 s pause
    const beforeSecond = (await consoleEdits(h)).length;
    await vote(h, li, scoresFor(80)); // within the pause: the edit waits for its end
    expect((await consoleEdits(h)).length).toBe(beforeSecond);

    await h.say(chair, GROUP, "/close");
    const closedAt = (await consoleEdits(h)).length;
    expect(textOf((await consoleEdits(h)).at(-1)!)).toContain(CLOSED_LINE);

    // The pending edit fires at the end of the pause, after the close.
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    const afterClose = (await consoleEdits(h)).slice(closedAt);
    expect(afterClose.length).toBeGreaterThan(0);
    for (const edit of afterClose) {
      expect(textOf(edit)).toContain(CLOSED_LINE);
      expect(textOf(edit)).not.toContain(OPEN_LINE);
    }
    expect(h.model.message(chair.id, Number(afterClose[0]!.params.message_id))!.text).toContain(CLOSED_LINE);
  });

  it("writes the close again when another replica's edit of the open round lands after it", async () => {
    const h = await createHarness();
    cleanups.push(() => h.close());
    // Replica A: the same Redis prefix and Telegram; its console edits can be held on their way.
    let hold: { arrived: () => void; release: Promise<void> } | undefined;
    const gate = (async (prev, method, payload, signal) => {
      const params = payload as { chat_id?: number };
      if (hold && method === "editMessageText" && params.chat_id === chair.id) {
        const held = hold;
        hold = undefined;
        held.arrived();
        await held.release;
      }
      return prev(method, payload, signal);
    }) as Transformer;
    const replicaA = createBot({
      token: h.model.token,
      config: { DEFAULT_LOCALE: "zh-CN", COUNTER_EDIT_INTERVAL_S: 0, TELEGRAM_API_ROOT: "http://127.0.0.1:1" },
      store: h.store,
      logger: pino({ level: "silent" }),
      botInfo: h.model.botInfo,
      transformers: [captureTransformer(h.model), gate],
      sendIntervalMs: 0,
      timerPollMs: 0,
    });
    cleanups.push(() => replicaA.stop());

    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open");
    await vote(h, zhang, scoresFor(90));
    await vote(h, li, scoresFor(80));

    // Replica A handles the last ballot; its console edit (3/3, round open) is held in flight.
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => {
      hold = { arrived: resolve, release: new Promise<void>((r) => (release = r)) };
    });
    const submit = await ballotUpToSubmit(h, wang, scoresFor(70));
    const handledByA = replicaA.bot.handleUpdate(submit);
    await arrived;

    // Replica B (the harness's bot) closes meanwhile and shows the close.
    await h.say(chair, GROUP, "/close");
    const contest = await contestOf(h);
    expect(await h.store.contests.currentRound(contest.id)).toBeUndefined();
    const closedEdits = (await consoleEdits(h)).length;
    expect(textOf((await consoleEdits(h)).at(-1)!)).toContain(CLOSED_LINE);

    // A's stale edit lands after the close...
    release();
    await handledByA;
    const after = (await consoleEdits(h)).slice(closedEdits);
    expect(textOf(after[0]!)).toContain(OPEN_LINE);
    expect(textOf(after[0]!)).toContain("📥 已提交 3/3");
    expect(after[0]!.response?.ok).toBe(true);
    // ...and A, reading the meeting again once Telegram took it, writes the close back.
    expect(after.length).toBeGreaterThan(1);
    expect(textOf(after.at(-1)!)).toContain(CLOSED_LINE);
    const shown = h.model.message(chair.id, (await h.store.consoles.get(contest.id, chair.id))!)!;
    expect(shown.text).toContain(CLOSED_LINE);
    expect(shown.text).not.toContain(OPEN_LINE);
  });
});
