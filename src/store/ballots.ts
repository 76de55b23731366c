// Ballots and drafts: every tap and submit is one atomic script call (one round trip).
import { z } from "zod";
import {
  BallotSchema,
  ContestStatusSchema,
  type Ballot,
  type Contest,
  type Draft,
  type Judge,
  type RoundStatus,
} from "../domain/contest.js";
import { parseStoredContest } from "./contests.js";
import { contestKeys, eventsChannel } from "./keys.js";
import { messageRole } from "./messages.js";
import { optionalString, replyCode } from "./codes.js";
import type { RedisClient } from "./scripts.js";
import { eventMessage } from "./events.js";
import { allInNotice } from "./consoles.js";

/** What a judge's ballot screen needs, read in one step. */
export type BallotState = {
  contest: Contest;
  round: RoundStatus | undefined;
  judge: Judge | undefined;
  draft: Draft;
  ballot: Ballot | undefined;
  /** The judge has a conflict of interest with this presenter: no ballot for them. */
  conflicted: boolean;
};

export type TapResult =
  | { code: "OK"; state: BallotState }
  | { code: "ROUND_CLOSED" | "CONTEST_ENDED" | "NOT_JUDGE" | "BAD_SCORE" | "CONFLICT"; state: BallotState }
  | { code: "NO_CONTEST" };

export type SubmitResult =
  | {
      code: "OK";
      state: BallotState & { ballot: Ballot };
      submitted: number;
      judges: number;
      /** Whether this submit took the live counter's edit pause (see submit-ballot.lua); unknown when not told. */
      counterClaimed?: boolean;
      /** Whether this submit completed the current round and claimed its all-in notice; unknown when not told. */
      allInClaimed?: boolean;
      /** How many chairs have a console; unknown when not told. */
      consoles?: number;
    }
  | { code: "NO_CONTEST" | "CONTEST_ENDED" | "ROUND_CLOSED" | "NOT_JUDGE" | "INCOMPLETE" | "CONFLICT" | "BAD_SCORE" };

const parseBallot = (judgeId: number, json: string): Ballot => BallotSchema.parse({ ...JSON.parse(json), judgeId });

/**
 * Every tap of a meeting reads the same contest text back; each text is parsed once per store.
 * The contests handed out are frozen, since they are shared.
 */
const createContestCache = (limit = 64) => {
  // By status, then by text (no key joining the two: the text is long and comes on every tap).
  const cache = new Map<string, Map<string, Contest>>();
  return (json: string, status: string): Contest => {
    const byText = cache.get(status) ?? new Map<string, Contest>();
    const hit = byText.get(json);
    if (hit) return hit;
    const contest = deepFreeze(parseStoredContest(json, ContestStatusSchema.parse(status)));
    if (byText.size >= limit) byText.delete(byText.keys().next().value ?? json);
    byText.set(json, contest);
    cache.set(status, byText);
    return contest;
  };
};

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
};

/** The state fields of a ballot-state or submit-ballot reply; `conflicted` is told by the caller. */
const parseState = (
  reply: ReadonlyArray<unknown>,
  judgeId: number,
  conflicted: boolean,
  contestOf: (json: string, status: string) => Contest,
): BallotState => {
  const [, contestJson, status, round, judge, draft, ballot] = reply.map(optionalString);
  if (!contestJson || !status) throw new Error("ballot-state reply without contest");
  return {
    contest: contestOf(contestJson, status),
    round: round ? readRound(round) : undefined,
    judge: judge ? readJudge(judge) : undefined,
    draft: draft ? (JSON.parse(draft) as Draft) : { scores: {} },
    ballot: ballot ? readBallot(judgeId, ballot) : undefined,
    conflicted,
  };
};

// A tap's reply is read without schemas: the judge, draft and ballot in it were written by the
// store's own scripts from checked input (enrol-judge, ballot-state, submit-ballot), and parsing
// them on every tap cost more than the rest of the reply. The schemas' defaults are applied here.
const readRound = (round: string): RoundStatus => {
  if (round !== "open" && round !== "closed") throw new Error(`unexpected round status ${round}`);
  return round;
};
const readJudge = (json: string): Judge => {
  const judge = JSON.parse(json) as Partial<Judge> & Omit<Judge, "panel" | "observer">;
  return { ...judge, panel: judge.panel ?? 0, observer: judge.observer ?? false };
};
const readBallot = (judgeId: number, json: string): Ballot => {
  const ballot = JSON.parse(json) as Omit<Ballot, "judgeId" | "abstain"> & { abstain?: boolean };
  return { ...ballot, abstain: ballot.abstain ?? false, judgeId };
};

export const createBallotStore = (redis: RedisClient, prefix: string) => {
  const contestOf = createContestCache();
  const stateKeys = (contestId: string, presenter: number) => {
    const keys = contestKeys(prefix, contestId);
    return [keys.meta, keys.rounds, keys.judges, keys.drafts(presenter), keys.ballots(presenter), keys.audit, keys.conflicts] as const;
  };

  const run = async (contestId: string, presenter: number, judgeId: number, criterion: string, value: string, now: number) => {
    const reply = await redis.ballotState(...stateKeys(contestId, presenter), presenter, judgeId, criterion, value, now);
    const code = replyCode(reply);
    if (code === "NO_CONTEST") return { code } as const;
    if (code === "OK" || code === "ROUND_CLOSED" || code === "CONTEST_ENDED" || code === "NOT_JUDGE" || code === "BAD_SCORE" || code === "CONFLICT")
      return { code, state: parseState(reply, judgeId, Number(reply[7] ?? 0) === 1, contestOf) };
    throw new Error(`unexpected ballot-state reply ${code}`);
  };

  /** Reads a judge's ballot state without changing it. */
  const state = async (contestId: string, presenter: number, judgeId: number): Promise<BallotState | undefined> => {
    const result = await run(contestId, presenter, judgeId, "", "", 0);
    return result.code === "NO_CONTEST" ? undefined : result.state;
  };

  /**
   * Records one criterion score in the judge's draft, if the round is open and the value allowed,
   * with its audit entry (at `now`), in one round trip.
   */
  const tap = (
    contestId: string,
    presenter: number,
    judgeId: number,
    criterion: number,
    value: number,
    now = Date.now(),
  ): Promise<TapResult> => run(contestId, presenter, judgeId, String(criterion), String(value), now);

  const submit = async (
    contestId: string,
    presenter: number,
    judgeId: number,
    now: number,
    abstain = false,
    counterPauseMs = 0,
    /** Every criterion's score at once (the Mini App); checked and made the draft in the same step. */
    scores?: readonly number[],
  ): Promise<SubmitResult> => {
    const keys = contestKeys(prefix, contestId);
    const reply = await redis.submitBallot(
      ...stateKeys(contestId, presenter),
      keys.editPause(messageRole.counter(presenter)),
      keys.notices,
      keys.consoles,
      presenter,
      judgeId,
      now,
      abstain ? "1" : "0",
      eventsChannel(prefix),
      eventMessage(contestId, "ballot"),
      counterPauseMs,
      scores ? JSON.stringify(scores) : "",
      allInNotice(presenter),
    );
    const code = replyCode(reply);
    if (code === "OK") {
      const state = parseState(reply, judgeId, false, contestOf);
      if (!state.ballot) throw new Error("submit reply without ballot");
      return {
        code,
        state: { ...state, ballot: state.ballot },
        submitted: Number(reply[7]),
        judges: Number(reply[8]),
        counterClaimed: Number(reply[9]) === 1,
        allInClaimed: Number(reply[10]) === 1,
        consoles: Number(reply[11]),
      };
    }
    if (
      code === "NO_CONTEST" ||
      code === "CONTEST_ENDED" ||
      code === "ROUND_CLOSED" ||
      code === "NOT_JUDGE" ||
      code === "INCOMPLETE" ||
      code === "CONFLICT" ||
      code === "BAD_SCORE"
    )
      return { code };
    throw new Error(`unexpected submit reply ${code}`);
  };

  /**
   * Whether the submit of `judgeId` at `submittedAt` is the one that claimed the round's all-in
   * notice (submit-ballot.lua names the claiming submit): for a submit whose reply was lost.
   */
  const claimedAllIn = async (contestId: string, presenter: number, judgeId: number, submittedAt: number): Promise<boolean> =>
    (await redis.hget(contestKeys(prefix, contestId).notices, allInNotice(presenter))) === `${judgeId}:${submittedAt}`;

  /** Every submitted ballot for one presenter, in judge order. */
  const forPresenter = async (contestId: string, presenter: number): Promise<Ballot[]> => {
    const all = await redis.hgetall(contestKeys(prefix, contestId).ballots(presenter));
    return Object.entries(all)
      .map(([judgeId, json]) => parseBallot(z.coerce.number().int().parse(judgeId), json))
      .sort((a, b) => a.judgeId - b.judgeId);
  };

  /** Submitted ballots of several presenters in one pipeline. */
  const forPresenters = async (contestId: string, presenters: number[]): Promise<Map<number, Ballot[]>> => {
    const keys = contestKeys(prefix, contestId);
    const pipeline = redis.pipeline();
    for (const presenter of presenters) pipeline.hgetall(keys.ballots(presenter));
    const replies = (await pipeline.exec()) ?? [];
    const byPresenter = new Map<number, Ballot[]>();
    presenters.forEach((presenter, i) => {
      const [error, all] = replies[i] ?? [new Error("missing reply"), null];
      if (error) throw error;
      const ballots = Object.entries(all as Record<string, string>).map(([judgeId, json]) =>
        parseBallot(Number(judgeId), json),
      );
      byPresenter.set(presenter, ballots.sort((a, b) => a.judgeId - b.judgeId));
    });
    return byPresenter;
  };

  /**
   * The live counter of a round: ballots in from counted judges, and the number of counted judges
   * (observers and judges conflicted with the presenter are in neither; see round-counts.lua).
   */
  const counts = async (contestId: string, presenter: number): Promise<{ submitted: number; judges: number }> => {
    const keys = contestKeys(prefix, contestId);
    const [submitted, judges] = await redis.roundCounts(keys.judges, keys.ballots(presenter), keys.conflicts, presenter);
    return { submitted: Number(submitted), judges: Number(judges) };
  };

  return { state, tap, submit, counts, claimedAllIn, forPresenter, forPresenters };
};
export type BallotStore = ReturnType<typeof createBallotStore>;
