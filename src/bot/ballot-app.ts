// The judge's Mini App ballot, on the bot's side: what the page shows, and its draft saves and
// submits through the same store steps (ballot-state.lua, submit-ballot.lua) as the buttons, so
// both give the same answers. After a submit the judge's ballot message shows the submitted review
// (one Bot API call) and the live counter follows as after a button submit.
import type { Api } from "grammy";
import type { Ballot, Contest, Criterion, Locale } from "../domain/contest.js";
import { contestOrder, presentingPlace } from "../domain/draw.js";
import type { BallotState } from "../store/ballots.js";
import { messageRole } from "../store/messages.js";
import { ballotAppUrl } from "./ballot-app-link.js";
import type { SubmitBallot } from "./ballot-submit.js";
import type { BotDeps } from "./deps.js";
import type { LiveMessages } from "./live-messages.js";
import { editIgnoringSame } from "./telegram-errors.js";
import { ballotView, refusalKey } from "./views/ballot.js";

/** What the page shows; criteria as set up, the judge's draft and submitted ballot. */
export type BallotAppState = {
  language: Locale;
  title: string;
  /** `place`: the presenting place, only when a draw moved the unit from its setup number (index + 1). */
  presenter: { index: number; total: number; name: string; place?: number };
  criteria: Array<Pick<Criterion, "name" | "max" | "step" | "weight" | "description" | "grades">>;
  draft: Record<string, number>;
  ballot: Pick<Ballot, "scores" | "version" | "submittedAt" | "abstain"> | null;
  /** The round is open (and the contest running): the ballot may be changed. */
  open: boolean;
  /** The round's status; null before it was ever opened. */
  round: "open" | "closed" | null;
};

export type BallotAppRefusal = "NO_CONTEST" | "NOT_JUDGE" | "CONFLICT" | "ROUND_CLOSED" | "CONTEST_ENDED" | "BAD_SCORE" | "INCOMPLETE";

export type BallotAppAnswer =
  | { ok: true; state: BallotAppState; message?: string }
  | { ok: false; code: BallotAppRefusal; message: string };

const isOpen = (state: BallotState): boolean => state.round === "open" && state.contest.status === "running";

export const appState = (state: BallotState, presenter: number): BallotAppState => {
  const { contest } = state;
  const { place, moved } = presentingPlace(contestOrder(contest), presenter);
  return {
    language: contest.language,
    title: contest.setup.title,
    presenter: {
      index: presenter,
      total: contest.setup.presenters.length,
      name: contest.setup.presenters[presenter]?.name ?? "?",
      ...(moved ? { place } : {}),
    },
    criteria: contest.setup.criteria.map(({ name, max, step, weight, description, grades }) => ({
      name,
      max,
      step,
      ...(weight === undefined ? {} : { weight }),
      ...(description === undefined ? {} : { description }),
      ...(grades === undefined ? {} : { grades }),
    })),
    draft: { ...state.draft.scores },
    ballot: state.ballot
      ? { scores: state.ballot.scores, version: state.ballot.version, submittedAt: state.ballot.submittedAt, abstain: state.ballot.abstain }
      : null,
    open: isOpen(state),
    round: state.round ?? null,
  };
};

export const createBallotApp = (deps: BotDeps, live: LiveMessages, api: Api, submitBallot: SubmitBallot) => {
  const { store } = deps;

  const refusal = (code: BallotAppRefusal, locale: Locale): BallotAppAnswer => ({
    ok: false,
    code,
    message: deps.translate(locale)(code === "NO_CONTEST" ? "miniapp-no-contest" : refusalKey(code)),
  });

  /** A judge of the contest, not conflicted with the presenter, or why not. */
  const judgeRefusal = (state: BallotState): BallotAppAnswer | undefined => {
    if (!state.judge) return refusal("NOT_JUDGE", state.contest.language);
    if (state.conflicted) return refusal("CONFLICT", state.contest.language);
    return undefined;
  };

  const presenterExists = (contest: Contest, presenter: number) => presenter < contest.setup.presenters.length;

  const load = async (contestId: string, presenter: number, judgeId: number): Promise<BallotAppAnswer> => {
    const state = await store.ballots.state(contestId, presenter, judgeId);
    if (!state || !presenterExists(state.contest, presenter)) return refusal("NO_CONTEST", deps.config.DEFAULT_LOCALE);
    return judgeRefusal(state) ?? { ok: true, state: appState(state, presenter) };
  };

  /** One criterion's value into the shared draft (the same step as a button tap). */
  const saveDraft = async (contestId: string, presenter: number, judgeId: number, criterion: number, value: number): Promise<BallotAppAnswer> => {
    const result = await store.ballots.tap(contestId, presenter, judgeId, criterion, value, deps.now());
    if (result.code === "NO_CONTEST") return refusal("NO_CONTEST", deps.config.DEFAULT_LOCALE);
    if (result.code !== "OK") return refusal(result.code, result.state.contest.language);
    return { ok: true, state: appState(result.state, presenter) };
  };

  /** The judge's ballot message shows the submitted review, as after a button submit. */
  const showSubmitted = async (state: BallotState, presenter: number, judgeId: number) => {
    const messageId = await store.messages.get(state.contest.id, messageRole.ballot(presenter, judgeId));
    if (messageId === undefined) return;
    const t = deps.translate(state.contest.language);
    const input = {
      contest: state.contest,
      presenter,
      draft: state.draft,
      ballot: state.ballot,
      roundOpen: true,
      appUrl: ballotAppUrl(deps.ballotAppBase, state.contest.id, presenter),
    };
    const view = ballotView(t, input, { review: true }, deps.ballotViews);
    await editIgnoringSame(() => api.editMessageText(judgeId, messageId, view.text, view.keyboard ? { reply_markup: view.keyboard } : {}));
  };

  const submit = async (contestId: string, presenter: number, judgeId: number, scores: readonly number[]): Promise<BallotAppAnswer> => {
    const result = await submitBallot(contestId, presenter, judgeId, { scores });
    if (result.code !== "OK") {
      if (result.code === "NO_CONTEST") return refusal("NO_CONTEST", deps.config.DEFAULT_LOCALE);
      const state = await store.ballots.state(contestId, presenter, judgeId);
      return refusal(result.code, state?.contest.language ?? deps.config.DEFAULT_LOCALE);
    }
    const { state } = result;
    deps.logger.info({ contestId, presenter, judge: judgeId, version: state.ballot.version, via: "miniapp" }, "ballot submitted");
    // The ballot is stored: Telegram failing now is logged, never reported as "not recorded".
    await showSubmitted(state, presenter, judgeId).catch((error: unknown) =>
      deps.logger.warn({ err: error, judge: judgeId }, "ballot message not updated after a Mini App submit"),
    );
    await live.refreshCounter(api, state.contest, presenter, result);
    const t = deps.translate(state.contest.language);
    return { ok: true, state: appState(state, presenter), message: t("miniapp-submitted", { version: state.ballot.version }) };
  };

  /**
   * A value the HTTP boundary refused before the store (more than two decimals): answered as the
   * scripts would answer it, in their order (round, judge, conflict, then the value).
   */
  const refuseScore = async (contestId: string, presenter: number, judgeId: number): Promise<BallotAppAnswer> => {
    const state = await store.ballots.state(contestId, presenter, judgeId);
    if (!state) return refusal("NO_CONTEST", deps.config.DEFAULT_LOCALE);
    const locale = state.contest.language;
    if (state.round !== "open") return refusal("ROUND_CLOSED", locale);
    return judgeRefusal(state) ?? refusal("BAD_SCORE", locale);
  };

  return { load, saveDraft, submit, refuseScore };
};
export type BallotApp = ReturnType<typeof createBallotApp>;
