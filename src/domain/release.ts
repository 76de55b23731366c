// One answer to "what may be shown, to whom, when": every group post, /ranking, /detail, the
// scoreboard page, the public export and the console ask this module, never the policy itself.
import type { ContestStatus, RevealPolicy } from "./contest.js";

/** Who looks: the group and everything public (scoreboard, public export), or a chair in private. */
export type Audience = "public" | "chair";

/**
 * When: while the contest runs (rounds open and close), once it is finished, or once the chair
 * has published the final results (what `chair` waits for; the same as finished otherwise).
 */
export type Moment = "running" | "finished" | "published";

export type Visibility = {
  /** The just-closed unit's own score (亮分) may be shown. */
  unitScore: boolean;
  /** The ranking (all units' scores and places, prizes, bands) may be shown. */
  ranking: boolean;
  /** Per-unit details (criterion means, panel scores, counted ballots) may be shown. */
  detail: boolean;
  /** What is held back comes at /finish, or when the chair publishes it; null when nothing is held. */
  heldUntil: "finish" | "chair" | null;
};

const everything: Visibility = { unitScore: true, ranking: true, detail: true, heldUntil: null };

/**
 * What `audience` may see at `moment` under `policy`. Chairs always see everything; the public
 * sees per policy, and under `chair` only once the chair has published the final results.
 */
export const visibility = (policy: RevealPolicy, audience: Audience, moment: Moment): Visibility => {
  if (audience === "chair" || moment === "published") return everything;
  switch (policy) {
    case "live":
      return everything;
    case "scores":
      return moment === "finished" ? everything : { unitScore: true, ranking: false, detail: false, heldUntil: "finish" };
    case "end":
      return moment === "finished" ? everything : { unitScore: false, ranking: false, detail: false, heldUntil: "finish" };
    case "chair":
      return { unitScore: false, ranking: false, detail: false, heldUntil: "chair" };
  }
};

/** The moment of a contest: its status, and whether the chair has published its final results. */
export const momentOf = (contest: { status: ContestStatus; published?: boolean }): Moment =>
  contest.status !== "finished" ? "running" : contest.published ? "published" : "finished";

/** What the public may see of `contest` now. */
export const publicView = (contest: { status: ContestStatus; published?: boolean; setup: { reveal: RevealPolicy } }): Visibility =>
  visibility(contest.setup.reveal, "public", momentOf(contest));
