// Shared steps of the roles-and-integrity specs: a contest with 4 criteria (sum 100), 3 presenters
// and 3 judges, and a judge's whole ballot.
import { expect } from "vitest";
import { buttonsOf, type StoredMessage, type TestUser } from "../support/bot-api-server.js";
import { press as pressStale } from "../faults/meeting.js";
import { GROUP, user, type Harness } from "./harness.js";
import type { Contest, ContestSetup } from "../../src/domain/contest.js";

export const chair = user(1, "主持人");
export const outsider = user(99, "路人");
export const zhang = user(11, "张三");
export const li = user(12, "李四");
export const wang = user(13, "王五");
export const judges = [zhang, li, wang];

/** Creates the contest, sets it up and enrols `who` through the join button; returns the join message. */
export const setUpMeeting = async (
  h: Harness,
  who: TestUser[] = judges,
  setup: Partial<ContestSetup> = {},
): Promise<StoredMessage> => {
  h.model.setAdmins(GROUP, [], chair.id);
  // The chair has opened the bot's private chat: the console, /status and holds come there.
  h.model.startUser(chair);
  await h.say(chair, GROUP, "/newcontest 季度述职评议");
  await h.say(chair, GROUP, "/criteria\n实施性 30\n创新性 30\n持续性 20\n推广性 20");
  await h.say(chair, GROUP, "/presenters\n区交通运输局\n区教育局\n区卫健局");
  if (Object.keys(setup).length > 0) {
    const contest = await contestOf(h);
    await h.store.contests.save({ ...contest, setup: { ...contest.setup, ...setup } });
  }
  await h.say(chair, GROUP, "/join");
  const join = h.model.lastMessage(GROUP)!;
  for (const judge of who) {
    h.model.startUser(judge);
    await h.tap(judge, GROUP, join, /加入评委/);
  }
  return join;
};

export const contestOf = async (h: Harness): Promise<Contest> => (await h.store.contests.activeForChat(GROUP))!;

/** Taps a whole ballot in the judge's latest private message: one value per criterion, then ✅. */
export const vote = async (h: Harness, judge: TestUser, scores: number[]) => {
  for (const score of scores) await h.tap(judge, judge.id, h.model.lastMessage(judge.id)!, String(score));
  await h.tap(judge, judge.id, h.model.lastMessage(judge.id)!, /^✅/);
};

/** Scores summing to `total` over the 30/30/20/20 criteria. */
export const scoresFor = (total: number): number[] => {
  let left = total;
  return [30, 30, 20, 20].map((max) => {
    const take = Math.min(max, left);
    left -= take;
    return take;
  });
};

/** A member's plain message in the group (something the chair can reply to); returns its id. */
export const groupMessage = (h: Harness, who: TestUser, text = "我在"): number => {
  const update = h.model.send(who, GROUP, text);
  return update.message!.message_id;
};

/** The chair (or anyone) sends `text` in reply to message `replyTo`; returns the bot's last group message. */
export const replyWith = async (h: Harness, who: TestUser, replyTo: number, text: string) => {
  h.model.send(who, GROUP, text, { replyTo });
  await h.deliver();
  return h.model.lastMessage(GROUP)!;
};

/**
 * A press whose button data was forged (a modified client): a real button of the message is
 * pressed (so Telegram knows the query) but the data sent is `data`. A message without buttons
 * (e.g. a ballot the close redrew) gets a press from a client still showing its old keyboard.
 */
export const press = async (h: Harness, who: TestUser, chatId: number, messageId: number, data: string) => {
  const stored = h.model.message(chatId, messageId);
  if (stored && buttonsOf(stored).some((b) => "callback_data" in b)) {
    const update = h.model.tap(who, chatId, messageId, /./);
    (update.callback_query as { data?: string }).data = data;
  } else pressStale(h, who, chatId, messageId, data);
  await h.deliver();
  return h.lastCallbackAnswer() as { text?: string; show_alert?: boolean; url?: string } | undefined;
};

/**
 * `who` sends a chair command they may not use: the group sees nothing at all; `who` gets the
 * refusal in private when they have opened the bot's chat. Returns that private refusal, if any.
 */
export const refusedQuietly = async (h: Harness, who: TestUser, text: string): Promise<string | undefined> => {
  const groupBefore = h.model.messages(GROUP).length;
  const privateBefore = h.model.messages(who.id).length;
  h.model.send(who, GROUP, text);
  await h.deliver();
  expect(h.model.messages(GROUP).length).toBe(groupBefore);
  const answers = h.model.messages(who.id).slice(privateBefore);
  expect(answers.length).toBeLessThanOrEqual(1);
  return answers[0]?.text;
};

/** The chair's /status, which comes to them in private; returns it. */
export const statusOf = async (h: Harness, who: TestUser = chair): Promise<StoredMessage> => {
  const groupBefore = h.model.messages(GROUP).length;
  await h.say(who, GROUP, "/status");
  expect(h.model.messages(GROUP).length).toBe(groupBefore);
  return h.model.lastMessage(who.id)!;
};
