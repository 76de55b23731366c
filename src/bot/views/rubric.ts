// A criterion's rubric as text: its grade bands ("优 27–30 / 良 24–26") for ballots and setup replies.
import type { Criterion } from "../../domain/contest.js";

export const gradesText = (criterion: Criterion): string =>
  (criterion.grades ?? []).map((g) => `${g.name} ${g.min}–${g.max}`).join(" / ");

/** The description and grades under a criterion's line in a list, indented. */
export const rubricLines = (criterion: Criterion, indent = "   "): string[] => [
  ...(criterion.description ? [`${indent}${criterion.description}`] : []),
  ...(criterion.grades ? [`${indent}${gradesText(criterion)}`] : []),
];
