// Closing a round. With fewer counted ballots than the quorum, or a ballot whose total lies far
// from the median, /close asks the chair to confirm (✅/✖, checked on press) instead of closing,
// so the ballot can be checked first. Outliers are named by number, never by name ("show name"
// tells only the chair who presses it, in an alert). A round closed by its time limit closes at
// once; the chairs get the same notes in private.
import { Composer, InlineKeyboard, type Api } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Contest } from "../domain/contest.js";
import { findOutliers, type Outlier } from "../domain/integrity.js";
import { formatHalfUp, type Rational } from "../domain/rational.js";
import { systemActor, type Actor } from "../store/audit.js";
import { callbackPattern, encodeCallback } from "./callback-data.js";
import type { BotContext } from "./context.js";
import type { BotDeps } from "./deps.js";
import { type Translate } from "./i18n.js";
import { chairButtonPress } from "./roles.js";
import type { Announcements } from "./announcements.js";
import { loadJudgeMap, scoredBallots } from "./standings.js";
import { editIgnoringSame } from "./telegram-errors.js";
import { presenterName } from "./views/round.js";
import type { ActionInput } from "./meeting/action-input.js";
import type { ChairMessenger } from "./meeting/chair-messages.js";

/** How long "show name" keeps working after the warning. */
const OUTLIER_REFS_TTL_S = 24 * 3600;

export type CloseCheck = {
  counted: number;
  quorum: number | undefined;
  /** Fewer counted ballots than the quorum. */
  short: boolean;
  median: Rational | undefined;
  outliers: Outlier[];
};

export const createClosing = (deps: BotDeps, announcements: Announcements, chairs: ChairMessenger) => {
  const { store } = deps;

  /** Counted ballots against the quorum, and totals far from the median. */
  const check = async (contest: Contest, presenter: number): Promise<CloseCheck> => {
    const [ballots, judges, conflicted] = await Promise.all([
      store.ballots.forPresenter(contest.id, presenter),
      loadJudgeMap(store, contest.id),
      store.integrity.conflictedJudges(contest.id, presenter),
    ]);
    const countedIds = new Set(scoredBallots(ballots, judges, conflicted).filter((b) => b.counted).map((b) => b.judgeId));
    const counted = ballots.filter((b) => countedIds.has(b.judgeId) && b.scores.length === contest.setup.criteria.length);
    const quorum = contest.setup.quorum;
    const report =
      contest.setup.criteria.length > 0
        ? findOutliers(contest.setup.criteria, counted, contest.setup.outlier)
        : { median: undefined, outliers: [] };
    return { counted: counted.length, quorum, short: quorum !== undefined && counted.length < quorum, ...report };
  };

  const warningLines = (t: Translate, contest: Contest, c: CloseCheck): string[] => {
    const lines: string[] = [];
    if (c.short) lines.push(t("quorum-short", { counted: c.counted, quorum: c.quorum ?? 0 }));
    if (c.outliers.length > 0) {
      lines.push(t("outlier-title", { limit: String(contest.setup.outlier) }));
      const median = c.median ? formatHalfUp(c.median) : "—";
      for (const o of c.outliers) lines.push(t("outlier-line", { ref: o.ref, total: formatHalfUp(o.total), median }));
    }
    return lines;
  };

  const revealButtons = (t: Translate, contest: Contest, presenter: number, c: CloseCheck) =>
    c.outliers.map((o) => [InlineKeyboard.text(t("outlier-show-name", { ref: o.ref }), encodeCallback("o", contest.id, presenter, o.ref))]);

  const rememberOutliers = (contest: Contest, presenter: number, c: CloseCheck) =>
    store.integrity.saveOutlierRefs(contest.id, presenter, new Map(c.outliers.map((o) => [o.ref, o.judgeId])), OUTLIER_REFS_TTL_S);

  /**
   * Closes the round; the group sees its announcement closed and the standings message updated
   * (as the release policy allows), the judges the round's digest under their ballots (see
   * announcements.ts). False when the round was not open any more.
   */
  const closeNow = async (api: Api, contest: Contest, presenter: number, actor: Actor, closed?: () => Promise<void>): Promise<boolean> => {
    if (!(await store.rounds.close(contest.id, presenter, actor))) return false;
    await store.timers.cancel(contest.id, presenter);
    deps.logger.info({ contestId: contest.id, presenter, by: actor.by }, "round closed");
    // Said once the round is closed for good, before the announcements (which may fail on Telegram).
    await closed?.();
    await announcements.roundClosed(api, contest, presenter);
    return true;
  };

  /** Closes the open round, or first asks the chair to confirm when something looks wrong. */
  const request = async ({ api, contest, t, actor, reply }: ActionInput) => {
    const current = await store.contests.currentRound(contest.id);
    if (current === undefined) return reply(t("round-none-open"));
    const c = await check(contest, current);
    await rememberOutliers(contest, current, c);
    if (!c.short && c.outliers.length === 0) {
      if (!(await closeNow(api, contest, current, actor))) return reply(t("round-none-open"));
      return;
    }
    const text = [
      t("quorum-confirm-title", { n: current + 1, name: presenterName(contest, current) }),
      ...warningLines(t, contest, c),
      "",
      t("quorum-confirm-question"),
    ].join("\n");
    const keyboard = InlineKeyboard.from([
      [
        InlineKeyboard.text(t("quorum-close-button"), encodeCallback("q", contest.id, current, "1")),
        InlineKeyboard.text(t("quorum-keep-button"), encodeCallback("q", contest.id, current, "0")),
      ],
      ...revealButtons(t, contest, current, c),
    ]);
    deps.logger.info({ contestId: contest.id, presenter: current, counted: c.counted, outliers: c.outliers.length }, "close needs confirmation");
    // The hold names totals (and, on request, judges): it goes to the chair in private only.
    const vars = { n: current + 1, name: presenterName(contest, current) };
    if (await chairs.sendPrivate(api, actor.by, text, { reply_markup: keyboard })) return reply(t("console-hold-waiting", vars));
    return chairs.askToStart(api, contest, t, [actor.by], false, t("console-hold-start", vars));
  };

  /** The note shown with a close: ballots short of the quorum, totals far from the median. */
  const noticeText = (t: Translate, contest: Contest, presenter: number, c: CloseCheck): string =>
    [t("quorum-notice-title", { n: presenter + 1, name: presenterName(contest, presenter) }), ...warningLines(t, contest, c)].join("\n");

  /**
   * The time limit ran out: close at once (no confirmation). The group sees the close itself and
   * nothing more; the chairs are told in private, with the notes /close would have shown
   * (totals far from the median are for their eyes only).
   */
  const autoClose = async (api: Api, contest: Contest, presenter: number): Promise<boolean> => {
    const t = deps.translate(contest.language);
    const round = (await store.contests.rounds(contest.id)).get(presenter);
    if (round !== "open") return false;
    const c = await check(contest, presenter);
    await rememberOutliers(contest, presenter, c);
    const up = t("timer-up-chair", { n: presenter + 1, name: presenterName(contest, presenter) });
    const notes = c.short || c.outliers.length > 0;
    const buttons = notes ? revealButtons(t, contest, presenter, c) : [];
    const text = notes ? [up, "", noticeText(t, contest, presenter, c)].join("\n") : up;
    return closeNow(api, contest, presenter, systemActor(deps.now()), () =>
      chairs.toChairs(api, contest, t, text, buttons.length ? { reply_markup: InlineKeyboard.from(buttons) } : {}),
    );
  };

  /** The message's keyboard without the confirm row (the "show name" buttons stay). */
  const withoutConfirm = (markup: InlineKeyboardMarkup | undefined): InlineKeyboard =>
    InlineKeyboard.from(
      (markup?.inline_keyboard ?? [])
        .map((row) => row.filter((button) => !("callback_data" in button && button.callback_data?.startsWith("q|"))))
        .filter((row) => row.length > 0),
    );

  const composer = new Composer<BotContext>();

  // Holds are sent to the chair in private, so a press counts there (or in the contest's group,
  // for holds posted before).
  composer.callbackQuery(callbackPattern("q"), async (ctx) => {
    const pressed = await chairButtonPress(deps, ctx, "q", "group-or-private");
    if (!pressed) return;
    const { args, contest, t } = pressed;
    const [, presenter, choice] = args;
    const text = ctx.callbackQuery.message?.text ?? "";
    const keyboard = withoutConfirm(ctx.callbackQuery.message?.reply_markup);
    if (choice === "0") {
      await ctx.answerCallbackQuery();
      return editIgnoringSame(() => ctx.editMessageText(`${text}\n\n${t("quorum-kept")}`, { reply_markup: keyboard }));
    }
    const current = await store.contests.currentRound(contest.id);
    if (current !== presenter) {
      await ctx.answerCallbackQuery({ text: t("round-none-open"), show_alert: true });
      return editIgnoringSame(() => ctx.editMessageText(text, { reply_markup: keyboard }));
    }
    await ctx.answerCallbackQuery();
    await editIgnoringSame(() => ctx.editMessageText(`${text}\n\n${t("quorum-confirmed")}`, { reply_markup: keyboard }));
    if (!(await closeNow(ctx.api, contest, presenter, { by: ctx.from.id, at: deps.now() }))) return ctx.reply(t("round-none-open"));
  });

  composer.callbackQuery(callbackPattern("o"), async (ctx) => {
    const pressed = await chairButtonPress(deps, ctx, "o", "group-or-private");
    if (!pressed) return;
    const { args, contest, t } = pressed;
    const [, presenter, ref] = args;
    const judgeId = await store.integrity.outlierJudge(contest.id, presenter, ref);
    if (judgeId === undefined) return ctx.answerCallbackQuery({ text: t("outlier-expired"), show_alert: true });
    const judge = (await loadJudgeMap(store, contest.id)).get(judgeId);
    deps.logger.info({ contestId: contest.id, presenter, ref, chair: ctx.from.id }, "outlier name shown to chair");
    // An alert is shown to the presser only: the group never sees the name.
    return ctx.answerCallbackQuery({ text: t("outlier-name", { ref, name: judge?.name ?? String(judgeId) }), show_alert: true });
  });

  return { check, request, closeNow, autoClose, composer };
};
export type Closing = ReturnType<typeof createClosing>;
