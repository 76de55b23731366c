// Submitting a ballot, for the buttons and the Mini App alike: one submit-ballot.lua call, and a
// reply lost on the way (a command timeout under load) checked before the judge is told the ballot
// was not recorded (and whether that submit claimed the round's all-in notice, then sent as usual).
import { DuplicateUpdateError, type SubmitResult, type UpdateClaim } from "../store/ballots.js";
import type { BotDeps } from "./deps.js";

export type SubmitBallot = (
  contestId: string,
  presenter: number,
  judgeId: number,
  /** claim: the webhook update to claim in the same step (a press; see dedupe.ts). */
  options?: { abstain?: boolean; scores?: readonly number[]; claim?: UpdateClaim },
) => Promise<SubmitResult>;

export const createSubmitBallot =
  (deps: BotDeps): SubmitBallot =>
  async (contestId, presenter, judgeId, { abstain = false, scores, claim } = {}) => {
    const { store } = deps;
    const now = deps.now();
    try {
      return await store.ballots.submit(contestId, presenter, judgeId, now, abstain, deps.config.COUNTER_EDIT_INTERVAL_S * 1000, scores, claim);
    } catch (error) {
      if (error instanceof DuplicateUpdateError) throw error;
      // The submit may have been applied; if Redis cannot be read either, it was not.
      const state = await store.ballots.state(contestId, presenter, judgeId).catch(() => undefined);
      if (!state?.ballot || state.ballot.submittedAt !== now) throw error;
      deps.logger.warn({ err: error, contestId, presenter, judge: judgeId }, "submit reply lost, ballot found stored");
      // The lost reply's script may have claimed the round's all-in notice: then it is ours to send.
      const [counts, allInClaimed] = await Promise.all([
        store.ballots.counts(contestId, presenter),
        store.ballots.claimedAllIn(contestId, presenter, judgeId, now),
      ]);
      return { code: "OK", state: { ...state, ballot: state.ballot }, ...counts, allInClaimed };
    }
  };
