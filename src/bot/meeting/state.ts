// Loads the meeting's read model (domain/meeting-state.ts) from the store.
import type { Contest } from "../../domain/contest.js";
import { buildMeetingState, type MeetingState } from "../../domain/meeting-state.js";
import type { Store } from "../../store/store.js";

export const loadMeetingState = async (store: Store, contest: Contest): Promise<MeetingState> => {
  const [judges, rounds, presenter, { order }] = await Promise.all([
    store.contests.judges(contest.id),
    store.contests.rounds(contest.id),
    store.contests.currentRound(contest.id),
    store.draws.order(contest),
  ]);
  if (presenter === undefined) return buildMeetingState({ contest, judges, rounds, order });
  const [ballots, conflicted, deadline] = await Promise.all([
    store.ballots.forPresenter(contest.id, presenter),
    store.integrity.conflictedJudges(contest.id, presenter),
    store.timers.deadline(contest.id, presenter),
  ]);
  return buildMeetingState({ contest, judges, rounds, order, current: { presenter, ballots, conflicted, deadline } });
};
