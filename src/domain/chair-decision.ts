// The chair's decision on a tie, built one tap at a time: the chair picks the unit for the next
// place until one unit is left (placed last by itself), then confirms. Only a confirmed order
// ranks anything (standings.ts, rule "chair").
import { z } from "zod";

export const TieDecisionSchema = z.object({
  /** Presenter indexes placed so far, best first. */
  order: z.array(z.number().int().min(0)),
  confirmed: z.boolean(),
});
export type TieDecision = z.infer<typeof TieDecisionSchema>;

/** What a chair's button asks for: place a presenter next, start again, or confirm. */
export type TieAction = { kind: "pick"; presenter: number } | { kind: "reset" } | { kind: "confirm" };

export type TieStepResult = { ok: true; decision: TieDecision } | { ok: false; code: "NOT_IN_TIE" | "ALREADY_PLACED" | "INCOMPLETE" | "CONFIRMED" };

/** The tie's name in storage and buttons: its presenters ascending, "3,5,8". */
export const tieKey = (tie: readonly number[]): string => [...tie].sort((a, b) => a - b).join(",");

export const isComplete = (tie: readonly number[], decision: TieDecision | undefined): boolean =>
  decision !== undefined && decision.order.length === tie.length && tie.every((p) => decision.order.includes(p));

/** The decision after one action of the chair on `tie` (its presenters in any order). */
export const applyTieAction = (tie: readonly number[], current: TieDecision | undefined, action: TieAction): TieStepResult => {
  const decision = current ?? { order: [], confirmed: false };
  if (decision.confirmed) return { ok: false, code: "CONFIRMED" };
  if (action.kind === "reset") return { ok: true, decision: { order: [], confirmed: false } };
  if (action.kind === "confirm") {
    return isComplete(tie, decision) ? { ok: true, decision: { ...decision, confirmed: true } } : { ok: false, code: "INCOMPLETE" };
  }
  if (!tie.includes(action.presenter)) return { ok: false, code: "NOT_IN_TIE" };
  if (decision.order.includes(action.presenter)) return { ok: false, code: "ALREADY_PLACED" };
  const order = [...decision.order, action.presenter];
  const left = tie.filter((p) => !order.includes(p));
  // The last unit has nowhere else to go.
  return { ok: true, decision: { order: left.length === 1 ? [...order, ...left] : order, confirmed: false } };
};
