// One answer to "what may be shown, to whom, when": every group post, /ranking, /detail, the
// scoreboard page, the public export and the console ask this module, never the policy itself.
import type { RevealPolicy } from "./contest.js";

/** Who looks: the group and everything public (scoreboard, public export), or a chair in private. */
export type Audience = "public" | "chair";

/** When: while the contest runs (rounds open and close), or once it is finished. */
export type Moment = "running" | "finished";

export type Visibility = {
  /** The just-closed unit's own score (亮分) may be shown. */
  unitScore: boolean;
  /** The ranking (all units' scores and places, prizes, bands) may be shown. */
  ranking: boolean;
  /** Per-unit details (criterion means, panel scores, counted ballots) may be shown. */
  detail: boolean;
};

const everything: Visibility = { unitScore: true, ranking: true, detail: true };
const nothing: Visibility = { unitScore: false, ranking: false, detail: false };

/**
 * What `audience` may see at `moment` under `policy`. Chairs always see everything; the public
 * sees per policy, and under `chair` never (the chair announces, or publishes from the console).
 */
export const visibility = (policy: RevealPolicy, audience: Audience, moment: Moment): Visibility => {
  if (audience === "chair") return everything;
  switch (policy) {
    case "live":
      return everything;
    case "scores":
      return moment === "finished" ? everything : { unitScore: true, ranking: false, detail: false };
    case "end":
      return moment === "finished" ? everything : nothing;
    case "chair":
      return nothing;
  }
};

export const momentOf = (status: "draft" | "running" | "finished" | "cancelled"): Moment =>
  status === "finished" ? "finished" : "running";
