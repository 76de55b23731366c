// What the chair does to run the meeting: open the next round, reopen one, close, remind, finish.
// One function per step, called alike by the group commands (/open, /close, …) and the buttons of
// the chair's private console, so a command and its button always do the same thing.
//
// Where messages go: posts meant for the meeting (the round's counter, the ranking) go to the
// contest's group; answers meant for whoever acted (errors, "reminded 3 judges") go to `reply`,
// which is the group for a command typed there and the chair's private chat for a button.
import type { Api } from "grammy";
import type { Contest, Judge } from "../../domain/contest.js";
import { toGroup, type ActionInput, type Reply } from "./action-input.js";
import { messageRole } from "../../store/messages.js";
import type { BotDeps } from "../deps.js";
import type { Translate } from "../i18n.js";
import type { Closing } from "../closing.js";
import type { Reminders } from "../reminders.js";
import type { Announcements } from "../announcements.js";
import { syncJudgeEntries } from "../judge-entries.js";
import { seasonAtFinish } from "../seasons.js";
import { sendBallot } from "../ballot-delivery.js";
import { createFinishing, type Finishing } from "../finishing.js";
import { presenterName, roundCounterView } from "../views/round.js";
import { nextInOrder } from "../../domain/draw.js";
import type { OpenResult } from "../../store/rounds.js";

/** Longest time limit of `/open <n> <minutes>`. */
export const MAX_ROUND_MINUTES = 240;
/** The warning before a time limit runs out. */
export const ROUND_WARNING_MS = 60_000;

export type { ActionInput, Reply } from "./action-input.js";

export type OpenRequest = {
  /** 0-based presenter; the first whose round has not run yet when absent (not for a reopen). */
  presenter?: number;
  /** A time limit in minutes (1..MAX_ROUND_MINUTES). */
  minutes?: number;
  reopen?: boolean;
};

/** Told after a step that changed the meeting's state (the chairs' consoles follow it). */
export type MeetingChanged = (api: Api, contest: Contest) => Promise<void>;

export const createMeetingActions = (
  deps: BotDeps,
  parts: {
    closing: Closing;
    reminders: Reminders;
    announcements: Announcements;
    botUsername: () => string;
    changed?: MeetingChanged;
    finishing?: Finishing;
  },
) => {
  const { store } = deps;
  const { closing, reminders, announcements, botUsername } = parts;
  const finishing = parts.finishing ?? createFinishing(deps, botUsername, announcements.contestFinished);
  const changed: MeetingChanged = parts.changed ?? (async () => undefined);
  /** Answers the one who acted with why nothing happened. */
  const refuse = async (reply: Reply, text: string): Promise<false> => {
    await reply(text);
    return false;
  };

  /**
   * Sends every judge their ballot for the round through the send queue (paced under Telegram's
   * limits; a 403 fails one judge only); returns the judges who could not be reached, in order.
   * A judge conflicted with the presenter gets no ballot for them.
   */
  const sendBallots = async (api: Api, contest: Contest, presenter: number, judges: Judge[], t: Translate) => {
    const reached = await Promise.all(judges.map((judge) => sendBallot(deps, api, contest, presenter, judge.userId, t)));
    return judges.filter((_, i) => !reached[i]);
  };

  /**
   * The first presenter, in presenting order (a draw's, else the setup list's), whose round has not
   * run yet, and the draw it was chosen by (the open is refused as STALE if a draw changes it meanwhile).
   */
  const nextPresenter = async (contest: Contest): Promise<{ presenter: number | undefined; drawRead: string; order: number[] }> => {
    const [rounds, { order, draw }] = await Promise.all([store.contests.rounds(contest.id), store.draws.order(contest)]);
    return { presenter: nextInOrder(order, (p) => rounds.has(p)), drawRead: draw.stored, order };
  };

  /** Tries of "open the next presenter" when a draw keeps changing the order in between. */
  const NEXT_TRIES = 3;

  /** Opens (or reopens) a round: announces it in the group with a live counter, sends the ballots. */
  const open = async ({ api, contest, t, actor, reply }: ActionInput, request: OpenRequest = {}): Promise<boolean> => {
    const { criteria, presenters } = contest.setup;
    const reopen = request.reopen ?? false;
    if (criteria.length === 0 || presenters.length === 0) return refuse(reply, t("round-need-setup"));
    const judges = await store.contests.judges(contest.id);
    if (judges.length === 0) return refuse(reply, t("round-need-judges"));
    let next: number | undefined;
    /** The presenting order "the next" was chosen by (read again for /open n, below). */
    let order: readonly number[] | undefined;
    let opened: OpenResult = { code: "STALE" };
    for (let tries = 0; opened.code === "STALE" && tries < NEXT_TRIES; tries++) {
      const chosen = request.presenter !== undefined || reopen ? undefined : await nextPresenter(contest);
      order = chosen?.order;
      next = request.presenter ?? chosen?.presenter;
      if (next === undefined) return refuse(reply, t(reopen ? "reopen-usage" : "round-all-done"));
      if (!Number.isInteger(next) || next < 0 || next >= presenters.length)
        return refuse(reply, t("round-bad-number", { n: next + 1, count: presenters.length }));
      opened = await store.rounds.open(contest.id, next, reopen, actor, chosen?.drawRead);
      if (opened.code === "STALE") deps.logger.info({ contestId: contest.id, presenter: next }, "the next presenter changed by a draw meanwhile; choosing again");
    }
    if (next === undefined) return false;
    const vars = { n: next + 1, name: presenterName(contest, next) };
    if (opened.code !== "OK") {
      const refusal =
        opened.code === "OTHER_OPEN"
          ? t("round-other-open", { n: opened.other + 1, name: presenterName(contest, opened.other) })
          : opened.code === "ALREADY_OPEN"
            ? t("round-already-open", vars)
            : opened.code === "ALREADY_CLOSED"
              ? t("round-already-closed", vars)
              : opened.code === "NOT_CLOSED"
                ? t("reopen-not-closed", vars)
                : opened.code === "STALE"
                  ? t("draw-open-raced")
                  : t("common-contest-ended");
      return refuse(reply, refusal);
    }
    const { minutes } = request;
    deps.logger.info({ contestId: contest.id, presenter: next, reopen, minutes }, reopen ? "round reopened" : "round opened");
    // The hall watches the unit presenting, not the join codes: the scoreboard goes back to the
    // board, stored and audited like the chair's own switch (every replica's page follows). Join
    // codes a chair shows again during the round, for latecomers, stay until the next round opens.
    await store.screenControls.setView(contest.id, "board", actor, "round-opened");
    // The announcement and the ballots show the place in the order as it is now (a draw may have
    // landed since the contest was read).
    order ??= (await store.draws.order(contest)).order;
    const running: Contest = { ...contest, status: "running", presentingOrder: [...order] };
    // Judges who joined before the contest file was imported get its conflicts and observer flags.
    await syncJudgeEntries(store, running, actor);
    const group = toGroup(api, contest);
    if (reopen) await group(t("reopen-done", vars));
    const counter = roundCounterView(t, {
      contest: running,
      presenter: next,
      ...(await store.ballots.counts(contest.id, next)),
      open: true,
      botUsername: botUsername(),
    });
    const message = await api.sendMessage(contest.chatId, counter.text, { reply_markup: counter.keyboard });
    await store.messages.set(contest.id, messageRole.counter(next), message.message_id);
    // A time limit survives restarts: the deadline is in Redis and the scheduler closes the round.
    if (minutes !== undefined) {
      const deadline = deps.now() + minutes * 60_000;
      await store.timers.schedule(contest.id, next, deadline, minutes > 1 ? deadline - ROUND_WARNING_MS : undefined);
      await reply(t("remind-time-set", { minutes }));
    } else await store.timers.cancel(contest.id, next);
    await changed(api, running);
    const unreachable = await sendBallots(api, running, next, judges, t);
    if (unreachable.length > 0)
      await reply(t("round-unreachable", { count: unreachable.length, names: unreachable.map((j) => j.name).join("、") }));
    return true;
  };

  /** Closes the open round (after the chair confirms when the quorum or an outlier needs a look). */
  const close = async (input: ActionInput): Promise<void> => {
    await closing.request(input);
    await changed(input.api, input.contest);
  };

  /** Sends every judge who has not submitted their ballot again. */
  const remind = async ({ api, contest, t, reply }: ActionInput): Promise<boolean> => {
    const current = await store.contests.currentRound(contest.id);
    if (current === undefined) return refuse(reply, t("round-none-open"));
    const vars = { n: current + 1, name: presenterName(contest, current) };
    const pending = await reminders.pendingJudges(contest, current);
    if (pending.length === 0) return refuse(reply, t("remind-nobody", vars));
    const outcome = await reminders.remind(api, contest, current, t);
    await reply(t("remind-done", { ...vars, reminded: outcome.reminded.length, unreachable: outcome.unreachable.length }));
    return true;
  };

  /**
   * Ends the contest (refused while a round is open); the final results go where the release
   * policy says (announcements.ts). When ties wait for the chair's decision (tie-break rule
   * "chair"), asks the chair first (../finishing.ts).
   */
  const finish = async (input: ActionInput): Promise<boolean> => {
    const { api, contest, t, actor, reply } = input;
    const current = await store.contests.currentRound(contest.id);
    if (current !== undefined) return refuse(reply, t("round-finish-open", { n: current + 1 }));
    const outcome = await finishing.finish(input);
    if (outcome === "ended") return refuse(reply, t("common-contest-ended"));
    if (outcome !== "finished") return false;
    await changed(api, { ...contest, status: "finished" });
    // Seasons: the finished contest can be added with /season add, or goes to the season its file names.
    const seasonNote = await seasonAtFinish(deps, api, contest, actor.by);
    if (seasonNote) await toGroup(api, contest)(seasonNote);
    return true;
  };

  return { open, reopen: (input: ActionInput, request: Omit<OpenRequest, "reopen">) => open(input, { ...request, reopen: true }), close, remind, finish };
};
export type MeetingActions = ReturnType<typeof createMeetingActions>;
