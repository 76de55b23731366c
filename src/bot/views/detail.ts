// /detail n: one presenter's criterion averages, panel scores, ballots counted and dropped, prior and final.
import type { Contest } from "../../domain/contest.js";
import { formatHalfUp, type Rational } from "../../domain/rational.js";
import type { PresenterResult } from "../../domain/scoring.js";
import type { Translate } from "../i18n.js";
import { presenterName } from "./round.js";

const shown = (value: Rational | null): string => (value === null ? "—" : formatHalfUp(value));

export type DetailInput = {
  contest: Contest;
  result: PresenterResult;
  ballots: number;
  comments: string[];
};

export const detailText = (t: Translate, { contest, result, ballots, comments }: DetailInput): string => {
  const { setup } = contest;
  const lines = [t("detail-title", { n: result.presenter + 1, name: presenterName(contest, result.presenter) }), ""];
  setup.criteria.forEach((c, i) => lines.push(t("detail-criterion", { name: c.name, average: shown(result.criterionAverages[i] ?? null), max: String(c.max) })));
  if (setup.panels.length > 1) {
    lines.push("");
    setup.panels.forEach((p, i) => lines.push(t("detail-panel", { name: p.name, score: shown(result.panelScores[i] ?? null) })));
  }
  lines.push("", t("detail-ballots", { counted: result.counted, total: ballots, dropped: result.dropped.length }));
  lines.push(t("detail-live", { score: shown(result.live) }));
  if (setup.blend && result.prior !== undefined) lines.push(t("detail-prior", { score: String(result.prior) }));
  lines.push(t("detail-final", { score: shown(result.final) }));
  if (comments.length) lines.push("", t("detail-comments"), ...comments.map((c) => `• ${c}`));
  return lines.join("\n");
};
