// Reminding judges who have not submitted: their ballot again in private (paced by the send
// queue), and for those the bot cannot write to, a mention in the group with a link that opens
// the private chat (where /start shows the open round's ballot).
import { InlineKeyboard, type Api } from "grammy";
import type { Contest, Judge } from "../domain/contest.js";
import type { BotDeps } from "./deps.js";
import type { Translate } from "./i18n.js";
import { sendBallot } from "./ballot-delivery.js";
import { presenterName } from "./views/round.js";

/** Deep-link payload of a reminder: any payload that is not a join link shows the open ballot. */
export const REMIND_PAYLOAD = "ballot";

export const escapeHtml = (text: string): string =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

export type RemindOutcome = {
  /** Judges still expected to submit (not conflicted, no ballot yet). */
  pending: Judge[];
  reminded: Judge[];
  /** Judges the bot could not write to; mentioned in the group. */
  unreachable: Judge[];
};

export const createReminders = (deps: BotDeps, botUsername: () => string) => {
  const { store } = deps;

  /** Judges of the round who have not submitted and are not conflicted (observers too: they vote). */
  const pendingJudges = async (contest: Contest, presenter: number): Promise<Judge[]> => {
    const [judges, ballots, conflicted] = await Promise.all([
      store.contests.judges(contest.id),
      store.ballots.forPresenter(contest.id, presenter),
      store.integrity.conflictedJudges(contest.id, presenter),
    ]);
    const submitted = new Set(ballots.map((b) => b.judgeId));
    return judges.filter((j) => !submitted.has(j.userId) && !conflicted.has(j.userId));
  };

  /** Sends one judge their ballot again, headed by `heading`; false when they cannot be reached. */
  const remindJudge = async (api: Api, contest: Contest, presenter: number, judge: Judge, t: Translate, heading: string): Promise<boolean> => {
    if (!(await store.judges.hasStarted(judge.userId))) return false;
    return sendBallot(deps, api, contest, presenter, judge.userId, t, heading);
  };

  /** The group message naming the judges the bot could not write to, with a link to its private chat. */
  const mentionUnreachable = async (api: Api, contest: Contest, presenter: number, judges: Judge[], t: Translate) => {
    const mentions = judges.map((j) => `<a href="tg://user?id=${j.userId}">${escapeHtml(j.name)}</a>`).join("、");
    const text = t("remind-group", { n: presenter + 1, name: escapeHtml(presenterName(contest, presenter)), names: mentions });
    const link = `https://t.me/${botUsername()}?start=${REMIND_PAYLOAD}`;
    await api.sendMessage(contest.chatId, text, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: new InlineKeyboard().url(t("remind-open-button"), link),
    });
  };

  /**
   * Reminds every judge who has not submitted, in private, with their ballot under `heading` (by
   * default the /remind line). The group hears about those the bot cannot reach, unless
   * `mentionUnreachable` is false (the caller tells the chairs instead).
   */
  const remind = async (
    api: Api,
    contest: Contest,
    presenter: number,
    t: Translate,
    options: { heading?: string; mentionUnreachable?: boolean } = {},
  ): Promise<RemindOutcome> => {
    const heading = options.heading ?? t("remind-private", { n: presenter + 1, name: presenterName(contest, presenter) });
    const pending = await pendingJudges(contest, presenter);
    const reached = await Promise.all(pending.map((judge) => remindJudge(api, contest, presenter, judge, t, heading)));
    const reminded = pending.filter((_, i) => reached[i]);
    const unreachable = pending.filter((_, i) => !reached[i]);
    if (unreachable.length > 0 && options.mentionUnreachable !== false) await mentionUnreachable(api, contest, presenter, unreachable, t);
    deps.logger.info(
      { contestId: contest.id, presenter, reminded: reminded.length, unreachable: unreachable.length },
      "judges reminded",
    );
    return { pending, reminded, unreachable };
  };

  return { pendingJudges, remind };
};
export type Reminders = ReturnType<typeof createReminders>;
