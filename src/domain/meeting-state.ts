// One read model of a meeting at a moment: the open round with who has and has not voted, its
// deadline, how far the meeting has come, the release policy. Built once (pure) from what the
// store holds, and rendered by the chair's console and /status alike.
import type { Ballot, Contest, ContestStatus, Judge, RevealPolicy } from "./contest.js";

export type RoundStatus = "open" | "closed";

export type OpenRound = {
  /** 0-based presenter index. */
  presenter: number;
  /** Judges whose ballot is waited for and counted in "k/K": not observers, not conflicted. */
  expected: Judge[];
  /** Of `expected`, those who have submitted (abstentions included: they did submit). */
  submitted: Judge[];
  /** Of `expected`, those still missing. */
  missing: Judge[];
  /** Submitted ballots of this round, by judge (observers' too). */
  ballots: ReadonlyMap<number, Ballot>;
  conflicted: Judge[];
  observers: Judge[];
  /** When a timed round closes by itself (ms since the epoch). */
  deadline: number | undefined;
};

export type MeetingState = {
  contest: Contest;
  status: ContestStatus;
  policy: RevealPolicy;
  judges: Judge[];
  /** Number of presenters. */
  total: number;
  /** The presenting order (presenter indexes; a draw's, else the setup list's). */
  order: readonly number[];
  /** Presenters whose round has closed, in presenting order. */
  closed: number[];
  /** The first presenter, in presenting order (a draw's, else the setup list's), whose round has not run yet. */
  next: number | undefined;
  round: OpenRound | undefined;
};

export type MeetingStateInput = {
  contest: Contest;
  judges: Judge[];
  rounds: ReadonlyMap<number, RoundStatus>;
  /** The presenting order (presenter indexes; see draw.ts); default the setup list's. */
  order?: readonly number[];
  /** The open round's presenter, with its ballots, conflicted judges and deadline. */
  current?: { presenter: number; ballots: Ballot[]; conflicted: ReadonlySet<number>; deadline: number | undefined };
};

export const buildMeetingState = ({ contest, judges, rounds, order, current }: MeetingStateInput): MeetingState => {
  const total = contest.setup.presenters.length;
  const presenting = order ?? [...Array(total).keys()];
  const base = {
    contest,
    status: contest.status,
    policy: contest.setup.reveal,
    judges,
    total,
    order: presenting,
    closed: presenting.filter((p) => rounds.get(p) === "closed"),
    next: presenting.find((p) => !rounds.has(p)),
  };
  if (!current) return { ...base, round: undefined };
  const ballots = new Map(current.ballots.map((b) => [b.judgeId, b]));
  const conflicted = judges.filter((j) => current.conflicted.has(j.userId));
  const expected = judges.filter((j) => !j.observer && !current.conflicted.has(j.userId));
  return {
    ...base,
    round: {
      presenter: current.presenter,
      expected,
      submitted: expected.filter((j) => ballots.has(j.userId)),
      missing: expected.filter((j) => !ballots.has(j.userId)),
      ballots,
      conflicted,
      observers: judges.filter((j) => j.observer && !current.conflicted.has(j.userId)),
      deadline: current.deadline,
    },
  };
};
