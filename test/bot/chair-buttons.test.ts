// Chair-only buttons not checked elsewhere (console, ties, judges view, approvals, 🗑 and the close
// holds have their own specs): /cancel's confirmation, the publish button of release policy
// `chair`, and the console's scoreboard switch. A member who is not a chair, pressing real or
// forged data, gets an alert only they see and nothing changes, in Redis or in the group.
import type { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonsOf, type TestUser } from "../support/bot-api-server.js";
import { changedKeys, contentOfKeys } from "../faults/snapshot.js";
import { createHarness, GROUP, type Harness } from "./harness.js";
import { chair, contestOf, li, outsider, press, scoresFor, setUpMeeting, vote, wang, zhang } from "./integrity-support.js";

const CHAIR_ONLY = { text: "🙏 抱歉，此命令只有本次评议的主持人可以使用。", show_alert: true };
const EXPIRED = { text: "这个按钮已失效。" };

describe("chair-only buttons pressed by someone else", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  /** Every Redis key's content, but for the per-update dedupe claims. */
  const snapshot = async () =>
    new Map([...(await contentOfKeys(h.redis.redis as Redis, h.redis.prefix))].filter(([key]) => !key.includes(":update:")));

  /** Presses `data` as each of `who` on a message of their own private chat (forged onto it); returns the answers. */
  const pressEach = async (who: TestUser[], data: string) => {
    const answers = [];
    for (const user of who) {
      await h.say(user, user.id, "/help");
      answers.push(await press(h, user, user.id, h.model.lastMessage(user.id)!.messageId, data));
    }
    return answers;
  };

  it("/cancel's confirmation: refused to a judge and a member in the group, expired in a chair's private chat; the contest goes on", async () => {
    await setUpMeeting(h);
    h.model.startUser(outsider);
    const contest = await contestOf(h);
    await h.say(chair, GROUP, "/cancel");
    const confirm = h.model.findMessageWithButton(GROUP, /确定取消/)!;
    await h.say(chair, chair.id, "/console");
    const consoleMessage = h.model.lastMessage(chair.id)!;
    const before = await snapshot();
    const groupBefore = h.model.messages(GROUP).length;

    for (const who of [zhang, outsider]) {
      h.model.tap(who, GROUP, confirm.messageId, /确定取消/);
      await h.deliver();
      expect(h.lastCallbackAnswer(), who.first_name).toMatchObject(CHAIR_ONLY);
    }
    // The confirmation counts in the group only: the same data pressed in private is someone else's message.
    expect(await press(h, chair, chair.id, consoleMessage.messageId, `x|${contest.id}|1`)).toMatchObject(EXPIRED);

    expect(changedKeys(before, await snapshot())).toEqual([]);
    expect(h.model.messages(GROUP)).toHaveLength(groupBefore);
    expect(h.model.message(GROUP, confirm.messageId)!.text).toBe(confirm.text);
    // The same button, pressed by the chair where it was posted, cancels.
    await h.tap(chair, GROUP, confirm, /确定取消/);
    expect((await h.store.contests.get(contest.id))!.status).toBe("cancelled");
  });

  it("the publish button (release policy chair): refused to a judge and a member; the results stay with the chair", async () => {
    await setUpMeeting(h, undefined, { reveal: "chair" });
    h.model.startUser(outsider);
    await h.say(chair, GROUP, "/open");
    for (const [i, judge] of [zhang, li, wang].entries()) await vote(h, judge, scoresFor([86, 92, 72][i]!));
    await h.closeRound(chair, GROUP);
    await h.say(chair, GROUP, "/finish");
    const privately = h.model.findMessageWithButton(chair.id, /在群里公布结果/)!;
    const contest = (await h.store.contests.latestForChat(GROUP))!;
    const data = buttonsOf(privately).map((b) => ("callback_data" in b ? b.callback_data : "")).find((d) => d.startsWith("rp|"))!;
    const before = await snapshot();
    const groupBefore = h.model.messages(GROUP).length;

    expect(await pressEach([zhang, outsider], data)).toEqual([expect.objectContaining(CHAIR_ONLY), expect.objectContaining(CHAIR_ONLY)]);

    expect(changedKeys(before, await snapshot())).toEqual([]);
    expect(h.model.messages(GROUP)).toHaveLength(groupBefore);
    expect((await h.store.contests.get(contest.id))!.published).toBeFalsy();
    await h.tap(chair, chair.id, privately, "📢 在群里公布结果");
    expect((await h.store.contests.get(contest.id))!.published).toBe(true);
  });

  it("the console's scoreboard switch: refused to a judge and a member; the scoreboard keeps its view", async () => {
    await setUpMeeting(h);
    h.model.startUser(outsider);
    const contest = await contestOf(h);
    const before = await snapshot();

    expect(await pressEach([zhang, outsider], `c|${contest.id}|v|1`)).toEqual([expect.objectContaining(CHAIR_ONLY), expect.objectContaining(CHAIR_ONLY)]);

    expect(changedKeys(before, await snapshot())).toEqual([]);
    expect(await h.store.screenControls.view(contest.id)).toBe("board");
    // From the chair's own console, the same data switches it.
    await h.say(chair, chair.id, "/console");
    await press(h, chair, chair.id, h.model.lastMessage(chair.id)!.messageId, `c|${contest.id}|v|1`);
    expect(await h.store.screenControls.view(contest.id)).toBe("join");
  });
});
