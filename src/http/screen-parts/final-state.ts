// The end of a contest on the scoreboard: with the final standings (prizes and bands, which
// loadScreenState adds once the contest has finished) goes the formula line the group was told,
// in the contest's language, from the same words as the bot's (bot/views/formula.ts).
import type { Contest } from "../../domain/contest.js";
import type { Translate } from "../../bot/i18n.js";
import { formulaText } from "../../bot/views/formula.js";

export type FinalView = {
  /** "计分方法：去掉1个最高分和1个最低分后取平均，区领导70% + …" */
  formula: string;
};

/** The final view's data once the contest has finished; undefined before (and when cancelled). */
export const finalView = (contest: Contest, t: Translate | undefined): FinalView | undefined =>
  contest.status === "finished" && t ? { formula: formulaText(t, contest.setup) } : undefined;
