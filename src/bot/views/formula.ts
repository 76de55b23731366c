// The scoring formula in one line, e.g. "去掉1个最高分和1个最低分，区领导70% + 两代表一委员30%，现场60% + 平时40%".
import type { Aggregate, ContestSetup } from "../../domain/contest.js";
import { describeFormula } from "../../domain/standings.js";
import type { Translate } from "../i18n.js";
import { tieFormulaPieces } from "./ties.js";

/** How the judges' totals are combined, in words. */
export const methodText = (t: Translate, { method, trim }: Aggregate): string =>
  method === "trimmed" && trim > 0 ? t("formula-trimmed", { trim }) : t(method === "median" ? "formula-median" : "formula-mean");

export const formulaText = (t: Translate, setup: ContestSetup): string => {
  const parts = describeFormula(setup);
  const pieces = [methodText(t, setup.aggregate)];
  if (parts.panels.length > 1) pieces.push(parts.panels.map((p) => `${p.name}${p.percent}%`).join(" + "));
  if (parts.blend) pieces.push(t("formula-blend", { live: parts.blend.live, prior: parts.blend.prior }));
  pieces.push(...tieFormulaPieces(t, setup));
  // The release policy is part of the rules everyone is told.
  pieces.push(t(`reveal-formula-${setup.reveal}`));
  return t("formula-line", { formula: pieces.join(t("formula-separator")) });
};
