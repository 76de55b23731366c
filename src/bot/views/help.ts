// What /help says the chair's /close and /finish do: what the group then sees depends on the
// contest's release policy, as release.ts's visibility() answers it for the public.
import type { RevealPolicy } from "../../domain/contest.js";
import { visibility } from "../../domain/release.js";

/** What a close shows the group: the ranking, the unit's own score, nothing until /finish, or nothing (the chair publishes). */
export type CloseShows = "ranking" | "score" | "end" | "chair";
/** What /finish shows the group: the final ranking, or nothing until the chair publishes it. */
export type FinishShows = "ranking" | "chair";

export const closeShows = (policy: RevealPolicy): CloseShows => {
  const seen = visibility(policy, "public", "running");
  if (seen.ranking) return "ranking";
  if (seen.unitScore) return "score";
  return seen.heldUntil === "chair" ? "chair" : "end";
};

export const finishShows = (policy: RevealPolicy): FinishShows => (visibility(policy, "public", "finished").ranking ? "ranking" : "chair");

/**
 * The variables of the help-chair text: the policy's effects, or "any" without a contest (the
 * text then says that /reveal decides).
 */
export const helpChairVars = (policy: RevealPolicy | undefined): { close: CloseShows | "any"; finish: FinishShows | "any" } =>
  policy === undefined ? { close: "any", finish: "any" } : { close: closeShows(policy), finish: finishShows(policy) };
