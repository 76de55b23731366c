// Parses the chair's /tiebreak line and the prize scope word of /prizes.
//
//   /tiebreak live, criterion 创新性, panel, chair
//   /tiebreak 现场得分，创新性，评委组，主持人
//   /tiebreak off
//
// Rules are separated by "," "，" "、" ";" "；" ">" "→" or line breaks, and applied in that order.
// A criterion is named after `criterion` / `评分项`, in 「」, or by its bare name (then it must not be
// one of the rule words); "平均分" after the name is allowed. Nothing partially valid is returned.
import {
  MAX_TIEBREAK_RULES,
  type Criterion,
  type PrizeScope,
  type TiebreakRule,
  TiebreakSchema,
  tiebreakRuleKey,
} from "./contest.js";

export type TiebreakErrorCode = "empty" | "unknown_rule" | "unknown_criterion" | "duplicate_rule" | "chair_not_last" | "too_many";

export type TiebreakError = {
  /** The item as written ("" for the whole line). */
  item: string;
  code: TiebreakErrorCode;
  detail?: Record<string, string | number>;
};

export type TiebreakResult = { ok: true; value: TiebreakRule[] } | { ok: false; errors: TiebreakError[] };

const WORDS: Record<string, Exclude<TiebreakRule, { criterion: string }>> = {
  live: "live",
  现场: "live",
  现场分: "live",
  现场得分: "live",
  现场成绩: "live",
  panel: "panel",
  评委组: "panel",
  最高权重评委组: "panel",
  权重最高评委组: "panel",
  权重最高的评委组: "panel",
  chair: "chair",
  主持人: "chair",
  主持人裁定: "chair",
  主持人决定: "chair",
};

const OFF_WORDS = new Set(["off", "none", "关", "关闭", "无", "不"]);

const SEPARATORS = /[,，、;；>→\n]+/;

const CRITERION_PREFIX = /^(?:criterion|评分项)\s*[:：]?\s*(.+)$/i;

const unquoted = (text: string): string => text.replace(/^「(.*)」$/, "$1").replace(/^“(.*)”$/, "$1").replace(/^"(.*)"$/, "$1").trim();

type Item = TiebreakRule | TiebreakError;

const isError = (item: Item): item is TiebreakError => typeof item === "object" && "code" in item;

const criterionRule = (item: string, written: string, names: readonly string[]): Item => {
  const name = unquoted(written);
  const bare = name.replace(/\s*平均分$/, "").trim();
  const known = names.find((n) => n === name) ?? names.find((n) => n === bare);
  return known === undefined
    ? { item, code: "unknown_criterion", detail: { name, known: names.join("、") } }
    : { criterion: known };
};

const ruleOf = (item: string, names: readonly string[]): Item => {
  const word = WORDS[item.toLowerCase()] ?? WORDS[item.replace(/\s+/g, "")];
  if (word !== undefined) return word;
  const prefixed = CRITERION_PREFIX.exec(item);
  if (prefixed) return criterionRule(item, prefixed[1] ?? "", names);
  const looksQuoted = /^[「“"].*[」”"]$/.test(item) || item.endsWith("平均分");
  if (looksQuoted || names.includes(item)) return criterionRule(item, item, names);
  return { item, code: "unknown_rule" };
};

/**
 * `/tiebreak <rule>, <rule>, …` with the contest's criteria (bare names must be one of them), or
 * `off` for no rules. Errors name each bad item; the checks of the schema (each rule once, chair
 * last, at most MAX_TIEBREAK_RULES) are reported with their own codes.
 */
export const parseTiebreakLine = (text: string, criteria: readonly Pick<Criterion, "name">[]): TiebreakResult => {
  const items = text
    .split(SEPARATORS)
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) return { ok: false, errors: [{ item: "", code: "empty" }] };
  if (items.length === 1 && OFF_WORDS.has(items[0]!.toLowerCase())) return { ok: true, value: [] };
  const names = criteria.map((c) => c.name);
  const parsed = items.map((item) => ruleOf(item, names));
  const errors: TiebreakError[] = [];
  const rules = parsed.filter((p): p is TiebreakRule => !isError(p));
  const seen = new Set<string>();
  parsed.forEach((rule, i) => {
    if (isError(rule)) return void errors.push(rule);
    const item = items[i] ?? "";
    const key = tiebreakRuleKey(rule);
    if (seen.has(key)) errors.push({ item, code: "duplicate_rule" });
    seen.add(key);
    if (rule === "chair" && i !== parsed.length - 1) errors.push({ item, code: "chair_not_last" });
  });
  if (items.length > MAX_TIEBREAK_RULES) errors.push({ item: "", code: "too_many", detail: { limit: MAX_TIEBREAK_RULES } });
  if (errors.length > 0) return { ok: false, errors };
  const checked = TiebreakSchema.safeParse(rules);
  return checked.success ? { ok: true, value: checked.data } : { ok: false, errors: [{ item: "", code: "unknown_rule" }] };
};

const SCOPE_WORDS: Record<string, PrizeScope> = {
  overall: "overall",
  all: "overall",
  全部: "overall",
  统一: "overall",
  总排名: "overall",
  不分组: "overall",
  group: "group",
  groups: "group",
  分组: "group",
  各组: "group",
  按组: "group",
};

/** The prize scope a word names (`overall`/全部/统一/总排名/不分组, `group`/分组/各组/按组), if it names one. */
export const prizeScopeOf = (word: string): PrizeScope | undefined => SCOPE_WORDS[word.trim().toLowerCase()];
