// Ballots and drafts: every tap and submit is one atomic script call (one round trip).
import { z } from "zod";
import {
  BallotSchema,
  type Ballot,
  type Contest,
  type Draft,
  type Judge,
  type RoundStatus,
} from "../domain/contest.js";
import type { ContestCache } from "./contest-cache.js";
import { contestKeys, eventsChannel } from "./keys.js";
import { messageRole } from "./messages.js";
import { optionalString, replyCode } from "./codes.js";
import type { RedisClient } from "./scripts.js";
import { eventMessage } from "./events.js";
import { allInNotice } from "./consoles.js";

/**
 * A webhook update (a ballot press) to claim inside the ballot script itself, so that a press
 * stays one round trip with update dedupe on (see bot/dedupe.ts).
 */
export type UpdateClaim = { updateId: number; ttlSeconds: number };

/** The update was claimed before (delivered again, or to another replica): nothing was done. */
export class DuplicateUpdateError extends Error {
  override name = "DuplicateUpdateError";
  constructor(readonly updateId: number | undefined) {
    super(`update ${updateId ?? "?"} was handled already`);
  }
}

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
 * The state fields of a ballot-state or submit-ballot reply; `conflicted` is told by the caller,
 * and so is the contest (read from the reply's text, or the cached copy of the reply's version).
 */
const parseState = (reply: ReadonlyArray<unknown>, judgeId: number, conflicted: boolean, contest: Contest): BallotState => {
  const [, , , round, judge, draft, ballot] = reply.map(optionalString);
  return {
    contest,
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

/** How many (contest, presenter) key lists a store keeps (a meeting uses one per open round). */
const KEY_LISTS_KEPT = 1024;

export const createBallotStore = (redis: RedisClient, prefix: string, cache: ContestCache) => {
  /**
   * The contest of a script's reply: its text when the script sent it (parsed and kept), else the
   * copy of the version it reported, which this process said it had. Should that copy be gone
   * meanwhile (a newer version parsed by another tap, or dropped from the bounded cache), the
   * contest is read again (the step itself is never repeated: it has been applied).
   */
  const contestOf = async (contestId: string, reply: ReadonlyArray<unknown>, versionAt: number): Promise<Contest> => {
    const json = optionalString(reply[1]);
    const status = optionalString(reply[2]);
    const version = optionalString(reply[versionAt]);
    if (!status) throw new Error("ballot reply without status");
    // The draw (presenting order) comes right after the version, with the contest's text.
    if (json) return cache.parse(contestId, version, json, status, optionalString(reply[versionAt + 1]));
    const kept = version === undefined ? undefined : cache.get(contestId, version, status);
    if (kept) return kept;
    const [fresh, freshStatus, freshVersion, freshDraw] = await redis.hmget(contestKeys(prefix, contestId).meta, "contest", "status", "cver", "draw");
    if (!fresh || !freshStatus) throw new Error("contest gone while reading a ballot reply");
    return cache.parse(contestId, freshVersion ?? undefined, fresh, freshStatus, freshDraw ?? undefined);
  };
  /**
   * The keys of a ballot script call for one contest and presenter, built once (every tap of a
   * round names the same keys; building all of a contest's key names per tap was garbage).
   */
  const keyLists = new Map<string, { state: readonly string[]; submit: readonly string[]; noClaim: string; claim: (updateId: number) => string }>();
  const keysFor = (contestId: string, presenter: number) => {
    const id = `${contestId}|${presenter}`;
    let kept = keyLists.get(id);
    if (!kept) {
      const keys = contestKeys(prefix, contestId);
      const state = Object.freeze([keys.meta, keys.rounds, keys.judges, keys.drafts(presenter), keys.ballots(presenter), keys.audit, keys.conflicts]);
      kept = {
        state,
        submit: Object.freeze([...state, keys.editPause(messageRole.counter(presenter)), keys.notices, keys.consoles]),
        noClaim: keys.updateClaim("-"),
        claim: keys.updateClaim,
      };
      if (keyLists.size >= KEY_LISTS_KEPT) keyLists.clear();
      keyLists.set(id, kept);
    }
    return kept;
  };
  const stateKeys = (contestId: string, presenter: number) => keysFor(contestId, presenter).state;

  /** The claim key and TTL arguments of a script call (a placeholder key in the same slot when not claiming). */
  const claimArgs = (contestId: string, presenter: number, claim: UpdateClaim | undefined) => {
    const keys = keysFor(contestId, presenter);
    return [claim ? keys.claim(claim.updateId) : keys.noClaim, claim ? String(claim.ttlSeconds) : ""] as const;
  };

  const run = async (
    contestId: string,
    presenter: number,
    judgeId: number,
    criterion: string,
    value: string,
    now: number,
    claim?: UpdateClaim,
  ) => {
    const known = cache.known(contestId);
    const [claimKey, claimTtl] = claimArgs(contestId, presenter, claim);
    const reply = await redis.ballotState(...stateKeys(contestId, presenter), claimKey, presenter, judgeId, criterion, value, now, known, claimTtl);
    const code = replyCode(reply);
    if (code === "DUPLICATE") throw new DuplicateUpdateError(claim?.updateId);
    if (code === "NO_CONTEST") return { code } as const;
    if (code === "OK" || code === "ROUND_CLOSED" || code === "CONTEST_ENDED" || code === "NOT_JUDGE" || code === "BAD_SCORE" || code === "CONFLICT")
      return { code, state: parseState(reply, judgeId, Number(reply[7] ?? 0) === 1, await contestOf(contestId, reply, 8)) };
    throw new Error(`unexpected ballot-state reply ${code}`);
  };

  /**
   * Reads a judge's ballot state without changing it. `claim`: first claim this webhook update
   * in the same step (DuplicateUpdateError when it was claimed before).
   */
  const state = async (contestId: string, presenter: number, judgeId: number, claim?: UpdateClaim): Promise<BallotState | undefined> => {
    const result = await run(contestId, presenter, judgeId, "", "", 0, claim);
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
    /** First claim this webhook update in the same step (DuplicateUpdateError when claimed before). */
    claim?: UpdateClaim,
  ): Promise<TapResult> => run(contestId, presenter, judgeId, String(criterion), String(value), now, claim);

  const submit = async (
    contestId: string,
    presenter: number,
    judgeId: number,
    now: number,
    abstain = false,
    counterPauseMs = 0,
    /** Every criterion's score at once (the Mini App); checked and made the draft in the same step. */
    scores?: readonly number[],
    /** First claim this webhook update in the same step (DuplicateUpdateError when claimed before). */
    claim?: UpdateClaim,
  ): Promise<SubmitResult> => {
    const [claimKey, claimTtl] = claimArgs(contestId, presenter, claim);
    const reply = await redis.submitBallot(
      ...keysFor(contestId, presenter).submit,
      claimKey,
      presenter,
      judgeId,
      now,
      abstain ? "1" : "0",
      eventsChannel(prefix),
      eventMessage(contestId, "ballot"),
      counterPauseMs,
      scores ? JSON.stringify(scores) : "",
      allInNotice(presenter),
      cache.known(contestId),
      claimTtl,
    );
    const code = replyCode(reply);
    if (code === "DUPLICATE") throw new DuplicateUpdateError(claim?.updateId);
    if (code === "OK") {
      const state = parseState(reply, judgeId, false, await contestOf(contestId, reply, 12));
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
