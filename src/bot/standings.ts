// Reads what the ranking needs from the store and hands it to the pure domain maths.
import type { Ballot, Contest, Judge } from "../domain/contest.js";
import { presenterResult, type PresenterResult, type ScoredBallot } from "../domain/scoring.js";
import { computeStandings, type Standings } from "../domain/standings.js";
import type { Store } from "../store/store.js";

/**
 * Ballots as the maths sees them. Not counted: observers' ballots, abstentions, ballots of unknown
 * judges, and ballots of judges in `conflicted` (conflicted with this presenter). A closed round's
 * ballots count in the panel each judge had when it closed (`panelsAtClose`), so moving a judge
 * later changes only rounds not yet closed.
 */
export const scoredBallots = (
  ballots: Ballot[],
  judges: Map<number, Judge>,
  conflicted?: ReadonlySet<number>,
  panelsAtClose?: ReadonlyMap<number, number>,
): ScoredBallot[] =>
  ballots.map((ballot) => {
    const judge = judges.get(ballot.judgeId);
    return {
      judgeId: ballot.judgeId,
      panel: panelsAtClose?.get(ballot.judgeId) ?? judge?.panel ?? 0,
      scores: ballot.scores,
      counted: !!judge && !judge.observer && !ballot.abstain && !conflicted?.has(ballot.judgeId),
    };
  });

/**
 * Every judge whose ballots may count, by user id: enrolled judges, and judges the chair removed
 * (their ballots of rounds closed before the removal still count).
 */
export const loadJudgeMap = async (store: Store, contestId: string): Promise<Map<number, Judge>> => {
  const [judges, removed] = await Promise.all([store.contests.judges(contestId), store.integrity.removedJudges(contestId)]);
  return new Map([...removed, ...judges].map((judge) => [judge.userId, judge]));
};

/** Judges conflicted with each presenter. */
export const loadConflicts = async (store: Store, contestId: string): Promise<Map<number, Set<number>>> => {
  const byPresenter = new Map<number, Set<number>>();
  for (const { judgeId, presenter } of await store.integrity.conflicts(contestId)) {
    const set = byPresenter.get(presenter) ?? new Set<number>();
    set.add(judgeId);
    byPresenter.set(presenter, set);
  }
  return byPresenter;
};

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
  const chairDecides = (contest.setup.tiebreak ?? []).includes("chair");
  const [byId, conflicts, ballots, decisions, panels] = await Promise.all([
    loadJudgeMap(store, contest.id),
    loadConflicts(store, contest.id),
    store.ballots.forPresenters(contest.id, closed),
    chairDecides ? store.tiebreaks.confirmedOrders(contest.id) : [],
    store.rounds.closedPanels(contest.id, closed),
  ]);
  const scored = new Map(
    closed.map(
      (presenter) =>
        [presenter, scoredBallots(ballots.get(presenter) ?? [], byId, conflicts.get(presenter), panels.get(presenter))] as const,
    ),
  );
  const results = closed.map((presenter) => presenterResult(contest.setup, presenter, scored.get(presenter) ?? []));
  return { closed, results, standings: computeStandings(contest.setup, results, decisions), ballots, scored, judges: byId };
};
