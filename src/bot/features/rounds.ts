// The chair runs the meeting: /open, /close, /status, /finish; anyone may ask for /ranking.
import { Composer, type Api } from "grammy";
import type { Contest, Judge } from "../../domain/contest.js";
import { messageRole } from "../../store/messages.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { commandBody, contestCommand } from "../group-contest.js";
import type { Translate } from "../i18n.js";
import type { LiveMessages } from "../live-messages.js";
import { loadStandings } from "../standings.js";
import { isForbidden } from "../telegram-errors.js";
import { ballotView, initialStep } from "../views/ballot.js";
import { rankingText } from "../views/results.js";
import { formulaText } from "../views/formula.js";
import { presenterName, roundCounterView } from "../views/round.js";
import { statusKeyboard, statusText } from "../views/status.js";
import { createClosing, type Closing } from "../closing.js";
import { syncJudgeEntries } from "../judge-entries.js";

/** Longest time limit of `/open <n> <minutes>`. */
export const MAX_ROUND_MINUTES = 240;
/** The warning before a time limit runs out. */
export const ROUND_WARNING_MS = 60_000;

export const roundsFeature = (
  deps: BotDeps,
  live: LiveMessages,
  botUsername: () => string,
  closing: Closing = createClosing(deps, live),
) => {
  const composer = new Composer<BotContext>();
  const { store } = deps;

  /**
   * Sends every judge their ballot for the round through the send queue (paced under Telegram's
   * limits; a 403 fails one judge only); returns the judges who could not be reached, in order.
   */
  const sendBallots = async (api: Api, contest: Contest, presenter: number, judges: Judge[], t: Translate) => {
    const reached = await Promise.all(
      judges.map(async (judge) => {
        const state = await store.ballots.state(contest.id, presenter, judge.userId);
        // A judge conflicted with the presenter gets no ballot for them.
        if (!state || state.conflicted) return true;
        const input = { contest, presenter, draft: state.draft, ballot: state.ballot, roundOpen: true };
        const view = ballotView(t, input, initialStep(input));
        try {
          const message = await deps.sendQueue.enqueue(judge.userId, () =>
            api.sendMessage(judge.userId, view.text, { reply_markup: view.keyboard }),
          );
          await store.messages.set(contest.id, messageRole.ballot(presenter, judge.userId), message.message_id);
          return true;
        } catch (error) {
          if (!isForbidden(error)) deps.logger.warn({ err: error, judge: judge.userId }, "ballot not delivered");
          return false;
        }
      }),
    );
    return judges.filter((_, i) => !reached[i]);
  };

  /** The presenter named by `/open n`, or the first one whose round has not run yet. */
  const chooseNext = async (contest: Contest, arg: string): Promise<number | { error: string; vars?: Record<string, string | number> }> => {
    const count = contest.setup.presenters.length;
    if (arg) {
      const n = Number(arg);
      if (!Number.isInteger(n) || n < 1 || n > count) return { error: "round-bad-number", vars: { n: arg, count } };
      return n - 1;
    }
    const rounds = await store.contests.rounds(contest.id);
    for (let p = 0; p < count; p++) if (!rounds.has(p)) return p;
    return { error: "round-all-done" };
  };

  /** /open [n] [minutes], and /reopen n [minutes] for a round that has closed. */
  const open = (reopen: boolean) => async (ctx: BotContext, contest: Contest, t: Translate) => {
    const { criteria, presenters } = contest.setup;
    if (criteria.length === 0 || presenters.length === 0) return ctx.reply(t("round-need-setup"));
    const [first = "", minutesArg, ...extra] = commandBody(ctx).args.split(/\s+/).filter(Boolean);
    if (reopen && !first) return ctx.reply(t("reopen-usage"));
    const minutes = minutesArg === undefined ? undefined : Number(minutesArg);
    if (extra.length > 0 || (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_ROUND_MINUTES)))
      return ctx.reply(t(reopen ? "reopen-usage" : "remind-time-usage", { max: MAX_ROUND_MINUTES }));
    const judges = await store.contests.judges(contest.id);
    if (judges.length === 0) return ctx.reply(t("round-need-judges"));
    const next = await chooseNext(contest, first);
    if (typeof next !== "number") return ctx.reply(t(next.error, next.vars));
    const opened = await store.rounds.open(contest.id, next, reopen, { by: ctx.from!.id, at: deps.now() });
    const vars = { n: next + 1, name: presenterName(contest, next) };
    if (opened.code === "OTHER_OPEN")
      return ctx.reply(t("round-other-open", { n: opened.other + 1, name: presenterName(contest, opened.other) }));
    if (opened.code === "ALREADY_OPEN") return ctx.reply(t("round-already-open", vars));
    if (opened.code === "ALREADY_CLOSED") return ctx.reply(t("round-already-closed", vars));
    if (opened.code === "NOT_CLOSED") return ctx.reply(t("reopen-not-closed", vars));
    if (opened.code !== "OK") return ctx.reply(t("common-contest-ended"));
    deps.logger.info({ contestId: contest.id, presenter: next, reopen, minutes }, reopen ? "round reopened" : "round opened");
    const running: Contest = { ...contest, status: "running" };
    // Judges who joined before the contest file was imported get its conflicts and observer flags.
    await syncJudgeEntries(store, running, { by: ctx.from!.id, at: deps.now() });
    if (reopen) await ctx.reply(t("reopen-done", vars));
    const counter = roundCounterView(t, {
      contest: running,
      presenter: next,
      ...(await store.ballots.counts(contest.id, next)),
      open: true,
      botUsername: botUsername(),
    });
    const message = await ctx.reply(counter.text, { reply_markup: counter.keyboard });
    await store.messages.set(contest.id, messageRole.counter(next), message.message_id);
    // A time limit survives restarts: the deadline is in Redis and the scheduler closes the round.
    if (minutes !== undefined) {
      const deadline = deps.now() + minutes * 60_000;
      await store.timers.schedule(contest.id, next, deadline, minutes > 1 ? deadline - ROUND_WARNING_MS : undefined);
      await ctx.reply(t("remind-time-set", { minutes }));
    } else await store.timers.cancel(contest.id, next);
    const unreachable = await sendBallots(ctx.api, running, next, judges, t);
    if (unreachable.length > 0)
      await ctx.reply(t("round-unreachable", { count: unreachable.length, names: unreachable.map((j) => j.name).join("、") }));
  };

  /** Closes the open round, after the chair confirms when the quorum or an outlier needs a look. */
  const close = (ctx: BotContext, contest: Contest, t: Translate) => closing.request(ctx, contest, t);

  const status = async (ctx: BotContext, contest: Contest, t: Translate) => {
    const [judges, current, rounds] = await Promise.all([
      store.contests.judges(contest.id),
      store.contests.currentRound(contest.id),
      store.contests.rounds(contest.id),
    ]);
    const [ballots, conflicted] =
      current === undefined
        ? [[], new Set<number>()]
        : await Promise.all([store.ballots.forPresenter(contest.id, current), store.integrity.conflictedJudges(contest.id, current)]);
    const closedCount = [...rounds.values()].filter((s) => s === "closed").length;
    const keyboard = statusKeyboard(t, contest, judges);
    return ctx.reply(statusText(t, { contest, judges, current, ballots, closedCount, conflicted }), keyboard ? { reply_markup: keyboard } : {});
  };

  const ranking = async (ctx: BotContext, contest: Contest, t: Translate) => {
    const { standings } = await loadStandings(store, contest);
    return ctx.reply(rankingText(t, { contest, standings }));
  };

  const finish = async (ctx: BotContext, contest: Contest, t: Translate) => {
    const current = await store.contests.currentRound(contest.id);
    if (current !== undefined) return ctx.reply(t("round-finish-open", { n: current + 1 }));
    const { standings } = await loadStandings(store, contest);
    await store.contests.end(contest, "finished", { by: ctx.from!.id, at: deps.now() });
    deps.logger.info({ contestId: contest.id }, "contest finished");
    return ctx.reply(
      [rankingText(t, { contest, standings, final: true }), "", formulaText(t, contest.setup), "", t("results-finished")].join("\n"),
    );
  };

  composer.command("open", contestCommand(deps, open(false), { chairOnly: true }));
  composer.command("reopen", contestCommand(deps, open(true), { chairOnly: true }));
  composer.command("close", contestCommand(deps, close, { chairOnly: true }));
  composer.command("status", contestCommand(deps, status, { chairOnly: true }));
  composer.command("finish", contestCommand(deps, finish, { chairOnly: true }));
  composer.command("ranking", contestCommand(deps, ranking, { chairOnly: false }));
  return composer;
};
