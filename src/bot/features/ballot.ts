// The judge's ballot, by buttons in private: score each criterion, review, submit, change.
import type { MiddlewareFn } from "grammy";
import type { CallbackQuery, User } from "grammy/types";
import { decodeCallback, type CallbackData } from "../callback-data.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { type Translate } from "../i18n.js";
import type { LiveMessages } from "../live-messages.js";
import { ballotAppUrl } from "../ballot-app-link.js";
import { editIgnoringSame } from "../telegram-errors.js";
import { DuplicateUpdateError, type BallotState } from "../../store/ballots.js";
import type { SubmitBallot } from "../ballot-submit.js";
import { abstainConfirmView, ballotView, firstUnscored, refusalKey, type BallotStep, type BallotViewInput } from "../views/ballot.js";

type BallotCallback = Extract<CallbackData, { kind: "v" | "k" | "g" | "s" | "a" }>;

/** Button data of a judge's ballot (value, keypad page, grade band, submit, abstain). */
export const BALLOT_PRESS = /^[vkgsa]\|/;

const isBallotCallback = (data: CallbackData | undefined): data is BallotCallback =>
  !!data && (data.kind === "v" || data.kind === "k" || data.kind === "g" || data.kind === "s" || data.kind === "a");

const viewInput = (state: BallotState, presenter: number, appBase: string | undefined): BallotViewInput => ({
  contest: state.contest,
  presenter,
  draft: state.draft,
  ballot: state.ballot,
  roundOpen: state.round === "open" && state.contest.status === "running",
  appUrl: ballotAppUrl(appBase, state.contest.id, presenter),
});

/**
 * Whether a press will reach the ballot scripts (a ballot button pressed in the judge's own private
 * chat): then the scripts claim its update themselves (dedupe.ts leaves it to them).
 */
export const ballotPressReachesScript = (ctx: BotContext, decode: (data: string | undefined) => CallbackData | undefined): boolean => {
  const data = ctx.callbackQuery?.data;
  if (data === undefined || !BALLOT_PRESS.test(data) || !isBallotCallback(decode(data))) return false;
  return ctx.chat?.type === "private" && ctx.chat.id === ctx.from?.id;
};

export const ballotFeature = (deps: BotDeps, live: LiveMessages, submitBallot: SubmitBallot) => {
  const { store } = deps;

  const render = (ctx: BotContext, t: Translate, state: BallotState, presenter: number, step: BallotStep) => {
    const view = ballotView(t, viewInput(state, presenter, deps.ballotAppBase), step, deps.ballotViews);
    return editIgnoringSame(() => ctx.editMessageText(view.text, view.keyboard ? { reply_markup: view.keyboard } : {}));
  };

  /** Refusals that leave the ballot as it is; the message is redrawn to show why. */
  const refuse = async (ctx: BotContext, t: Translate, state: BallotState, presenter: number, code: string) => {
    await ctx.answerCallbackQuery({ text: t(refusalKey(code)), show_alert: code !== "BAD_SCORE" });
    if (code === "ROUND_CLOSED" || code === "CONTEST_ENDED") await render(ctx, t, state, presenter, { review: true });
  };

  /**
   * Telegram calls made after a tap or submit was stored: their failure is logged, never reported
   * to the judge as "not recorded" (the catch below), because the score is recorded.
   */
  const afterStored = (ctx: BotContext, step: Promise<unknown>): Promise<unknown> =>
    step.catch((error: unknown) => deps.logger.warn({ err: error, user: ctx.from?.id }, "reply after a stored ballot step failed"));

  const handle = async (ctx: BotContext, data: BallotCallback) => {
    const [contestId, presenter] = data.args;
    const judgeId = ctx.from!.id;
    if (data.kind === "v") {
      const [, , criterion, value] = data.args;
      const result = await store.ballots.tap(contestId, presenter, judgeId, criterion, value, deps.now(), ctx.updateClaim);
      if (result.code === "NO_CONTEST") return ctx.answerCallbackQuery(deps.translateFor(ctx)("common-unknown-button"));
      const t = deps.translate(result.state.contest.language);
      if (result.code !== "OK") return refuse(ctx, t, result.state, presenter, result.code);
      await afterStored(ctx, ctx.answerCallbackQuery());
      const next = firstUnscored(result.state.contest.setup.criteria, result.state.draft, criterion);
      return afterStored(ctx, render(ctx, t, result.state, presenter, next === undefined ? { review: true } : { criterion: next }));
    }
    if (data.kind === "s") return submit(ctx, contestId, presenter, judgeId);
    if (data.kind === "a" && data.args[2] === "1") return submit(ctx, contestId, presenter, judgeId, true);
    const state = await store.ballots.state(contestId, presenter, judgeId, ctx.updateClaim);
    if (!state) return ctx.answerCallbackQuery(deps.translateFor(ctx)("common-unknown-button"));
    const t = deps.translate(state.contest.language);
    if (!state.judge) return refuse(ctx, t, state, presenter, "NOT_JUDGE");
    const ended = state.contest.status === "finished" || state.contest.status === "cancelled";
    if (ended) return refuse(ctx, t, state, presenter, "CONTEST_ENDED");
    if (state.round !== "open") return refuse(ctx, t, state, presenter, "ROUND_CLOSED");
    if (state.conflicted) return refuse(ctx, t, state, presenter, "CONFLICT");
    await ctx.answerCallbackQuery();
    if (data.kind === "a") {
      const view = abstainConfirmView(t, viewInput(state, presenter, deps.ballotAppBase));
      return editIgnoringSame(() => ctx.editMessageText(view.text, view.keyboard ? { reply_markup: view.keyboard } : {}));
    }
    const criterion = data.args[2];
    const step: BallotStep =
      data.kind === "k"
        ? { criterion, group: data.args[3] }
        : criterion >= state.contest.setup.criteria.length
          ? { review: true }
          : { criterion };
    return render(ctx, t, state, presenter, step);
  };

  const submit = async (ctx: BotContext, contestId: string, presenter: number, judgeId: number, abstain = false) => {
    const result = await submitBallot(contestId, presenter, judgeId, { abstain, ...(ctx.updateClaim ? { claim: ctx.updateClaim } : {}) });
    if (result.code === "OK") {
      const t = deps.translate(result.state.contest.language);
      deps.logger.info({ contestId, presenter, judge: judgeId, version: result.state.ballot.version, abstain }, "ballot submitted");
      await afterStored(ctx, ctx.answerCallbackQuery({ text: t(abstain ? "abstain-recorded" : "ballot-recorded") }));
      await afterStored(ctx, render(ctx, t, result.state, presenter, { review: true }));
      return live.refreshCounter(ctx.api, result.state.contest, presenter, result);
    }
    const state = await store.ballots.state(contestId, presenter, judgeId);
    if (!state || result.code === "NO_CONTEST") return ctx.answerCallbackQuery(deps.translateFor(ctx)("common-unknown-button"));
    const t = deps.translate(state.contest.language);
    if (result.code === "INCOMPLETE") return ctx.answerCallbackQuery({ text: t("ballot-incomplete"), show_alert: true });
    return refuse(ctx, t, state, presenter, result.code);
  };

  const press = async (ctx: BotContext & { callbackQuery: CallbackQuery; from: User }) => {
    const data = deps.decodeCallback(ctx.callbackQuery.data);
    if (!isBallotCallback(data)) return ctx.answerCallbackQuery(deps.translateFor(ctx)("common-unknown-button"));
    // A ballot lives in the judge's own private chat; a press from anywhere else is refused.
    if (ctx.chat?.type !== "private" || ctx.chat.id !== ctx.from.id)
      return ctx.answerCallbackQuery({ text: deps.translateFor(ctx)("common-not-your-ballot"), show_alert: true });
    try {
      return await handle(ctx, data);
    } catch (error) {
      // Delivered again (webhook retry, another replica): its first delivery did the work and replied.
      if (error instanceof DuplicateUpdateError) return ctx.updateClaim?.dropped();
      deps.logger.error({ err: error, data: ctx.callbackQuery.data, user: ctx.from.id }, "ballot step failed");
      return ctx.answerCallbackQuery({ text: deps.translateFor(ctx)("common-not-recorded"), show_alert: true }).catch(() => undefined);
    }
  };

  // A plain middleware, not composer.callbackQuery(): grammY's filters build a new Composer for every
  // update they let through, and this one sees most of the meeting's updates (npm run bench).
  const middleware: MiddlewareFn<BotContext> = async (ctx, next) => {
    const query = ctx.callbackQuery;
    if (query?.data === undefined || !BALLOT_PRESS.test(query.data)) return next();
    await press(ctx as BotContext & { callbackQuery: CallbackQuery; from: User });
  };
  return middleware;
};
