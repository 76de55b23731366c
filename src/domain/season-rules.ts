// `/season rules`: one rule per line, keyword first; rules not named keep their value.
//   absent skip|zero        缺席 跳过|零分
//   bands 红 90, 黄 75      等次 红 90，黄 75，黑 0      (无 / none: no bands)
//   prizes 一等奖 1         奖项 一等奖 1，二等奖 2       (无 / none: no prizes)
import { type LineError, parseBandLines, parsePrizeLines } from "./setup-lines.js";
import type { AbsentRule, SeasonRules } from "./season.js";

export type SeasonRulesError =
  | { line: number; text: string; code: "unknown_rule" | "bad_absent" }
  | { line: number; text: string; code: "bad_items"; errors: LineError[] };

export type SeasonRulesResult = { ok: true; rules: SeasonRules } | { ok: false; errors: SeasonRulesError[] };

const KEYWORDS: Record<string, "absent" | "bands" | "prizes"> = {
  absent: "absent",
  缺席: "absent",
  bands: "bands",
  等次: "bands",
  prizes: "prizes",
  奖项: "prizes",
};

const ABSENT: Record<string, AbsentRule> = { skip: "skip", 跳过: "skip", 不计入: "skip", zero: "zero", 零分: "zero", 计零分: "zero", "0": "zero" };

const NONE = new Set(["none", "无", "不设"]);

/** Items separated by commas (either width), 、 or semicolons become one item per line. */
const itemLines = (text: string): string => text.split(/[,，、;；]/).map((item) => item.trim()).filter(Boolean).join("\n");

export const parseSeasonRules = (body: string, current: SeasonRules): SeasonRulesResult => {
  const rules: SeasonRules = { ...current };
  const errors: SeasonRulesError[] = [];
  body.split(/\r?\n/).forEach((raw, i) => {
    const text = raw.trim();
    if (!text) return;
    const line = i + 1;
    const [word = "", ...rest] = text.split(/[\s\u3000]+/);
    const keyword = KEYWORDS[word.toLowerCase()];
    const value = rest.join(" ").trim();
    if (!keyword) return errors.push({ line, text, code: "unknown_rule" });
    if (keyword === "absent") {
      const absent = ABSENT[value.toLowerCase()];
      if (!absent) return errors.push({ line, text, code: "bad_absent" });
      rules.absent = absent;
      return;
    }
    if (NONE.has(value.toLowerCase())) {
      rules[keyword] = [];
      return;
    }
    if (keyword === "bands") {
      const parsed = parseBandLines(itemLines(value));
      if (!parsed.ok) return errors.push({ line, text, code: "bad_items", errors: parsed.errors });
      rules.bands = parsed.value;
      return;
    }
    const parsed = parsePrizeLines(itemLines(value));
    if (!parsed.ok) return errors.push({ line, text, code: "bad_items", errors: parsed.errors });
    rules.prizes = parsed.value;
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rules };
};
