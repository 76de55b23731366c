// Tie-break rules and ties in words: the rules for /settings, the formula line and /tiebreak; the
// notes of the /finish post ("并列 88.50：按「创新性」平均分区分：…"); the chair's private question.
import { InlineKeyboard } from "grammy";
import type { TieDecision } from "../../domain/chair-decision.js";
import type { Contest, ContestSetup, TiebreakRule } from "../../domain/contest.js";
import { type Standings, type TieBlock, type TieNote, prizeRankings, topPanel } from "../../domain/standings.js";
import { encodeCallback } from "../callback-data.js";
import type { Translate } from "../i18n.js";
import { presenterName } from "./round.js";

/** One rule in words: "现场得分", "「创新性」平均分", "权重最高评委组「区领导」得分", "主持人裁定". */
export const ruleText = (t: Translate, setup: ContestSetup, rule: TiebreakRule): string => {
  if (rule === "live") return t("ties-rule-live");
  if (rule === "chair") return t("ties-rule-chair");
  if (rule === "panel") {
    const panel = setup.panels[topPanel(setup)];
    return panel ? t("ties-rule-panel", { name: panel.name }) : t("ties-rule-panel-none");
  }
  return t("ties-rule-criterion", { name: rule.criterion });
};

/** The rules in order: "现场得分 > 「创新性」平均分 > 主持人裁定". */
export const rulesText = (t: Translate, setup: ContestSetup, rules: readonly TiebreakRule[] = setup.tiebreak ?? []): string =>
  rules.map((rule) => ruleText(t, setup, rule)).join(" > ");

/** Pieces of the formula line: the tie-break rules and an overall prize scope, when set. */
export const tieFormulaPieces = (t: Translate, setup: ContestSetup): string[] => [
  ...((setup.tiebreak ?? []).length > 0 ? [t("ties-formula", { rules: rulesText(t, setup) })] : []),
  ...(setup.prizeScope === "overall" && setup.prizes.length > 0 ? [t("ties-formula-overall")] : []),
];

/** Lines of /settings: the rules (or none), and the prize scope when there are prizes. */
export const tieSettingsLines = (t: Translate, setup: ContestSetup): string[] => [
  (setup.tiebreak ?? []).length > 0 ? t("ties-settings-rules", { rules: rulesText(t, setup) }) : t("ties-settings-none"),
  ...(setup.prizes.length > 0 ? [t(setup.prizeScope === "overall" ? "ties-settings-scope-overall" : "ties-settings-scope-group")] : []),
];

const namesOf = (t: Translate, contest: Contest, presenters: readonly number[]): string =>
  presenters.map((p) => presenterName(contest, p)).join(t("ties-name-separator"));

/** "乙、丙 88.00" with the value, or just the names. */
const blockText = (t: Translate, contest: Contest, block: TieBlock, withValue: boolean): string => {
  const names = namesOf(t, contest, block.presenters);
  return withValue ? t("ties-order-block", { names, value: block.value ?? "—" }) : names;
};

/** "甲 90.00 > 乙、丙 88.00" (a unit without a value: "—"), or "丙 > 乙". */
const orderText = (t: Translate, contest: Contest, blocks: readonly TieBlock[], withValues: boolean): string =>
  blocks.map((block) => blockText(t, contest, block, withValues)).join(" > ");

const noteLines = (t: Translate, contest: Contest, tie: TieNote): string[] => [
  ...tie.splits.map((split) =>
    split.rule === "chair"
      ? t("ties-note-chair", { score: tie.finalText, order: orderText(t, contest, split.blocks, false) })
      : t("ties-note-split", { score: tie.finalText, rule: ruleText(t, contest.setup, split.rule), order: orderText(t, contest, split.blocks, true) }),
  ),
  ...tie.remaining.map((rest) =>
    t(rest.awaitingChair ? "ties-note-awaiting" : "ties-note-remaining", { score: tie.finalText, names: namesOf(t, contest, rest.presenters) }),
  ),
];

/**
 * The /finish post's account of the ties of the ranking the prizes go down (each group's, or the
 * overall one): which rule separated each, and what stayed tied. Empty without tie-break rules.
 */
export const tieNotesText = (t: Translate, contest: Contest, standings: Standings): string => {
  const rankings = prizeRankings(standings);
  const named = rankings.length > 1 || rankings.some((g) => g.name !== null);
  const lines = rankings.flatMap((group) =>
    group.ties.flatMap((tie) => noteLines(t, contest, tie).map((line) => (named && group.name !== null ? `${t("results-group", { group: group.name })}${line}` : line))),
  );
  return lines.length === 0 ? "" : [t("ties-note-title"), ...lines].join("\n");
};

/** A tie waiting for the chair, as the question shows it. */
export type TieQuestion = {
  contest: Contest;
  /** The tied units, in presenting order. */
  tie: number[];
  /** The final they share, as shown. */
  finalText: string;
  /** Their group, when prizes go down each group's ranking. */
  group: string | null;
  decision: TieDecision | undefined;
};

/** The question's first unit identifies the tie in its buttons (ties of one ranking are disjoint). */
export const tieId = (tie: readonly number[]): number => Math.min(...tie);

/** The chair's private question about one tie: pick the units best first, then confirm. */
export const tieQuestionView = (t: Translate, q: TieQuestion): { text: string; keyboard?: InlineKeyboard } => {
  const { contest, tie, decision } = q;
  const order = decision?.order ?? [];
  const placed = order.map((p, i) => `${i + 1}. ${presenterName(contest, p)}`).join("  ");
  const rulesBefore = (contest.setup.tiebreak ?? []).filter((rule) => rule !== "chair");
  const lines = [
    t("ties-ask-title", { title: contest.setup.title }),
    "",
    t("ties-ask-tie", {
      score: q.finalText,
      group: q.group === null ? "" : t("ties-ask-group", { group: q.group }),
      names: namesOf(t, contest, tie),
    }),
    ...(rulesBefore.length > 0 ? [t("ties-ask-tried", { rules: rulesText(t, contest.setup, rulesBefore) })] : []),
    "",
  ];
  const id = tieId(tie);
  const step = order.length;
  if (decision?.confirmed) return { text: [...lines, t("ties-ask-done", { order: placed })].join("\n") };
  if (order.length === tie.length) {
    const keyboard = new InlineKeyboard()
      .text(t("ties-button-confirm"), encodeCallback("t", contest.id, id, step, "c"))
      .text(t("ties-button-reset"), encodeCallback("t", contest.id, id, step, "r"));
    return { text: [...lines, t("ties-ask-confirm", { order: placed })].join("\n"), keyboard };
  }
  const keyboard = new InlineKeyboard();
  for (const p of tie.filter((p) => !order.includes(p))) keyboard.text(presenterName(contest, p), encodeCallback("t", contest.id, id, step, p)).row();
  if (step > 0) keyboard.text(t("ties-button-reset"), encodeCallback("t", contest.id, id, step, "r"));
  return {
    text: [...lines, t("ties-ask-pick", { place: step + 1 }), ...(step > 0 ? [t("ties-ask-placed", { order: placed })] : [])].join("\n"),
    keyboard,
  };
};
