// Shared steps of the fault tests: a contest with judges, a round, taps and submits, driven as
// Telegram updates through the real bot (harness) against the Telegram model.
import type { Contest } from "../../src/domain/contest.js";
import type { TestUser } from "../support/bot-api-server.js";
import { GROUP, user, type Harness } from "../bot/harness.js";

export const CRITERIA = "/criteria\n实施性 30\n创新性 30\n持续性 20\n推广性 20";
export const chair = user(1, "主持人");

/** `count` judges with ids from `firstId`. */
export const judgesFrom = (firstId: number, count: number): TestUser[] =>
  Array.from({ length: count }, (_, i) => user(firstId + i, `评委${i + 1}`));

/** /newcontest, criteria, presenters and /join in `group`; every judge taps "join". */
export const setUpContest = async (
  h: Harness,
  judges: TestUser[],
  options: { group?: number; title?: string; presenters?: string[] } = {},
): Promise<Contest> => {
  const group = options.group ?? GROUP;
  h.model.setAdmins(group, [], chair.id);
  await h.say(chair, group, `/newcontest ${options.title ?? "季度述职评议"}`);
  await h.say(chair, group, CRITERIA);
  await h.say(chair, group, `/presenters\n${(options.presenters ?? ["区交通运输局", "区教育局"]).join("\n")}`);
  await h.say(chair, group, "/join");
  const join = h.model.lastMessage(group)!;
  for (const judge of judges) {
    h.model.startUser(judge);
    await h.tap(judge, group, join, /加入评委/);
  }
  const contest = await h.store.contests.activeForChat(group);
  if (!contest) throw new Error("contest not created");
  return contest;
};

/** The judge's ballot message of the round (the latest private message with score buttons). */
export const ballotMessage = (h: Harness, judge: TestUser) => {
  const message = h.model.findMessageWithButton(judge.id, (b) => "callback_data" in b && /^[vgsk]\|/.test(b.callback_data));
  if (!message) throw new Error(`no ballot message for ${judge.first_name}`);
  return message;
};

/** Taps one value per criterion on the judge's ballot. */
export const tapScores = async (h: Harness, judge: TestUser, scores: number[]): Promise<void> => {
  for (const score of scores) await h.tap(judge, judge.id, ballotMessage(h, judge), String(score));
};

/** Presses submit; resolves with the text the bot answered the button press with. */
export const submit = async (h: Harness, judge: TestUser): Promise<string> => {
  await h.tap(judge, judge.id, ballotMessage(h, judge), /^✅/);
  return String(h.lastCallbackAnswer()?.text ?? "");
};

/** The rows "1. name — score（n 份）" of the last ranking posted in the group. */
export const rankingRows = (text: string): string[] => text.split("\n").filter((line) => /^\d+\. /.test(line));

let pressCount = 0;

/**
 * Queues a button press with any callback data on a message (as a modified client could send),
 * registered with the model so that answering it works as for a real press. Returns the update.
 */
export const press = (h: Harness, from: TestUser, chatId: number, messageId: number, data: string) => {
  const id = `press-${++pressCount}`;
  h.model.callbacks.set(id, { id, userId: from.id, chatId, messageId, data, answered: false });
  const chat = chatId > 0 ? { id: chatId, type: "private" as const, first_name: from.first_name } : { id: chatId, type: "supergroup" as const, title: "group" };
  return h.model.enqueueUpdate({
    callback_query: {
      id,
      from: { id: from.id, is_bot: false, first_name: from.first_name },
      chat_instance: String(chatId),
      data,
      message: { message_id: messageId, date: 0, chat },
    },
  });
};

/** The answers the bot gave to one press (normally exactly one). */
export const answersTo = (h: Harness, callbackId: string) =>
  h.model.callsTo("answerCallbackQuery").filter((c) => c.params.callback_query_id === callbackId);
