// Reads what the ranking needs from the store and hands it to the pure domain maths.
import type { Ballot, Contest, Judge } from "../domain/contest.js";
import { presenterResult, type PresenterResult, type ScoredBallot } from "../domain/scoring.js";
import { computeStandings, type Standings } from "../domain/standings.js";
import type { Store } from "../store/store.js";

export const scoredBallots = (ballots: Ballot[], judges: Map<number, Judge>): ScoredBallot[] =>
  ballots.map((ballot) => {
    const judge = judges.get(ballot.judgeId);
    return {
      judgeId: ballot.judgeId,
      panel: judge?.panel ?? 0,
      scores: ballot.scores,
      counted: !!judge && !judge.observer && !ballot.abstain,
    };
  });

export type LoadedResults = {
  closed: number[];
  results: PresenterResult[];
  standings: Standings;
  /** Submitted ballots of each closed round, in judge order (receipts, export). */
  ballots: Map<number, Ballot[]>;
  /** The same ballots as the maths saw them (which counted), in the same order. */
  scored: Map<number, ScoredBallot[]>;
  /** The judges the results were computed with, by user id. */
  judges: Map<number, Judge>;
};

/** Results of every presenter whose round has closed, and the standings over them. */
export const loadStandings = async (store: Store, contest: Contest): Promise<LoadedResults> => {
  const rounds = await store.contests.rounds(contest.id);
  const closed = [...rounds]
    .filter(([, status]) => status === "closed")
    .map(([presenter]) => presenter)
    .sort((a, b) => a - b);
  const [judges, ballots] = await Promise.all([
    store.contests.judges(contest.id),
    store.ballots.forPresenters(contest.id, closed),
  ]);
  const byId = new Map(judges.map((judge) => [judge.userId, judge]));
  const scored = new Map(closed.map((presenter) => [presenter, scoredBallots(ballots.get(presenter) ?? [], byId)] as const));
  const results = closed.map((presenter) => presenterResult(contest.setup, presenter, scored.get(presenter) ?? []));
  return { closed, results, standings: computeStandings(contest.setup, results), ballots, scored, judges: byId };
};
