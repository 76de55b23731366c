// One short meeting, driven through the Telegram model, for the operations tests (replicas,
// Redis Cluster): set-up, three judges, two rounds with a changed ballot, the final ranking.
// `deliver` hands the updates queued in the model to the bot(s) and resolves once they are handled.
import type { TelegramModel, TestUser } from "../support/bot-api-server.js";

export const MEETING_GROUP = -100_777;
export const chair: TestUser = { id: 1, first_name: "主持人", language_code: "zh-hans" };
export const judges: TestUser[] = [
  { id: 11, first_name: "张三", language_code: "zh-hans" },
  { id: 12, first_name: "李四", language_code: "zh-hans" },
  { id: 13, first_name: "王五", language_code: "zh-hans" },
];

/** Scores per round and judge (criteria maxima 30, 30, 20, 20). */
const SCORES = [
  [[25, 26, 18, 17], [27, 28, 19, 18], [20, 22, 15, 15]],
  [[28, 28, 19, 19], [29, 28, 19, 18], [20, 20, 10, 10]],
];

export type MeetingOutcome = { finalRanking: string; updates: number; callbackQueries: number };

export const runMeeting = async (model: TelegramModel, deliver: () => Promise<void>): Promise<MeetingOutcome> => {
  let updates = 0;
  let callbackQueries = 0;
  const step = async (queue: () => unknown, isCallback = false) => {
    queue();
    updates += 1;
    if (isCallback) callbackQueries += 1;
    await deliver();
  };
  const say = (user: TestUser, chatId: number, text: string) => step(() => model.send(user, chatId, text));
  const tap = (user: TestUser, chatId: number, button: string | RegExp) =>
    step(() => model.tap(user, chatId, model.lastMessage(chatId)!.messageId, button), true);

  model.setAdmins(MEETING_GROUP, [], chair.id);
  // The chair has opened the bot's private chat: the console and the close's question come there.
  model.startUser(chair);
  await say(chair, MEETING_GROUP, "/newcontest 季度述职评议");
  await say(chair, MEETING_GROUP, "/criteria\n实施性 30\n创新性 30\n持续性 20\n推广性 20");
  await say(chair, MEETING_GROUP, "/presenters\n区交通运输局\n区教育局");
  await say(chair, MEETING_GROUP, "/join");
  const join = model.lastMessage(MEETING_GROUP)!;
  for (const judge of judges) {
    model.startUser(judge);
    await step(() => model.tap(judge, MEETING_GROUP, join.messageId, /加入评委/), true);
  }
  for (const [round, scores] of SCORES.entries()) {
    await say(chair, MEETING_GROUP, "/open");
    for (const [j, judge] of judges.entries()) {
      for (const score of scores[j]!) await tap(judge, judge.id, String(score));
      await tap(judge, judge.id, /^✅/);
    }
    if (round === 1) {
      // The third judge changes one score and submits again (version 2).
      const third = judges[2]!;
      await tap(third, third.id, /持续性/);
      await tap(third, third.id, "20");
      await tap(third, third.id, /^✅/);
    }
    await say(chair, MEETING_GROUP, "/close");
    // A total far from the median (round 2: 70 against 94, 94) makes the bot ask the chair first,
    // in private.
    const asked = model.lastMessage(chair.id);
    if (asked?.text?.includes("仍要结束本轮评分吗")) await tap(chair, chair.id, "✅ 结束评分");
  }
  await say(chair, MEETING_GROUP, "/finish");
  return { finalRanking: model.lastMessage(MEETING_GROUP)!.text ?? "", updates, callbackQueries };
};
