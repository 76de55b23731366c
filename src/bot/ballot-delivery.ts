// Sending a judge their ballot for a round in private, through the send queue (paced under
// Telegram's limits): when a round opens (meeting/actions.ts) and, headed by a reminder line, when
// the chair reminds the judges who have not submitted (reminders.ts). The message sent becomes the
// judge's ballot message of the round (the one a tap edits).
import type { Api } from "grammy";
import type { Contest } from "../domain/contest.js";
import { messageRole } from "../store/messages.js";
import { ballotAppUrl } from "./ballot-app-link.js";
import type { BotDeps } from "./deps.js";
import type { Translate } from "./i18n.js";
import { isForbidden } from "./telegram-errors.js";
import { ballotView, initialStep } from "./views/ballot.js";

/**
 * Sends the judge their ballot (their draft and ballot so far), below `heading` when given. True
 * when it was sent or is not due: no judge (any more), conflicted with the presenter, or the round
 * no longer open; false when the judge cannot be reached (a 403 fails this judge only).
 */
export const sendBallot = async (
  deps: Pick<BotDeps, "store" | "sendQueue" | "logger" | "ballotAppBase" | "ballotViews">,
  api: Api,
  contest: Contest,
  presenter: number,
  judgeId: number,
  t: Translate,
  heading?: string,
): Promise<boolean> => {
  const { store } = deps;
  const state = await store.ballots.state(contest.id, presenter, judgeId);
  if (!state?.judge || state.conflicted || state.round !== "open") return true;
  const input = {
    contest,
    presenter,
    draft: state.draft,
    ballot: state.ballot,
    roundOpen: true,
    appUrl: ballotAppUrl(deps.ballotAppBase, contest.id, presenter),
  };
  const view = ballotView(t, input, initialStep(input), deps.ballotViews);
  const text = heading === undefined ? view.text : [heading, "", view.text].join("\n");
  try {
    const message = await deps.sendQueue.enqueue(judgeId, () => api.sendMessage(judgeId, text, view.keyboard ? { reply_markup: view.keyboard } : {}));
    await store.messages.set(contest.id, messageRole.ballot(presenter, judgeId), message.message_id);
    return true;
  } catch (error) {
    if (!isForbidden(error)) deps.logger.warn({ err: error, judge: judgeId, reminder: heading !== undefined }, "ballot not delivered");
    return false;
  }
};
