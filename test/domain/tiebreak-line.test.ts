import { describe, expect, it } from "vitest";
import { parseContestJson } from "../../src/domain/contest-file.js";
import { parseTiebreakLine, prizeScopeOf } from "../../src/domain/tiebreak-line.js";

const criteria = [{ name: "实施性" }, { name: "创新性" }, { name: "Team work" }];

describe("parseTiebreakLine", () => {
  it.each([
    ["live, criterion 创新性, panel, chair", ["live", { criterion: "创新性" }, "panel", "chair"]],
    ["现场得分，创新性，评委组，主持人", ["live", { criterion: "创新性" }, "panel", "chair"]],
    ["现场 > 「实施性」 > 权重最高评委组 > 主持人裁定", ["live", { criterion: "实施性" }, "panel", "chair"]],
    ["创新性平均分、LIVE", [{ criterion: "创新性" }, "live"]],
    ["评分项：Team work; chair", [{ criterion: "Team work" }, "chair"]],
    ["criterion Team work\nlive", [{ criterion: "Team work" }, "live"]],
    ["off", []],
    ["关闭", []],
  ])("reads %j", (line, rules) => {
    expect(parseTiebreakLine(line, criteria)).toEqual({ ok: true, value: rules });
  });

  it.each([
    ["", [{ item: "", code: "empty" }]],
    ["live, 抽签", [{ item: "抽签", code: "unknown_rule" }]],
    ["criterion 规范性", [{ item: "criterion 规范性", code: "unknown_criterion", detail: { name: "规范性", known: "实施性、创新性、Team work" } }]],
    ["「规范性」", [{ item: "「规范性」", code: "unknown_criterion", detail: { name: "规范性", known: "实施性、创新性、Team work" } }]],
    ["live, 现场得分", [{ item: "现场得分", code: "duplicate_rule" }]],
    ["创新性, criterion 创新性", [{ item: "criterion 创新性", code: "duplicate_rule" }]],
    ["chair, live", [{ item: "chair", code: "chair_not_last" }]],
    ["抽签, chair, chair", [{ item: "抽签", code: "unknown_rule" }, { item: "chair", code: "chair_not_last" }, { item: "chair", code: "duplicate_rule" }]],
  ])("refuses %j, naming each bad item", (line, errors) => {
    expect(parseTiebreakLine(line, criteria)).toEqual({ ok: false, errors });
  });

  it("refuses more than 10 rules", () => {
    const line = Array.from({ length: 11 }, () => "x").join(",");
    const result = parseTiebreakLine(line, criteria);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.at(-1)).toEqual({ item: "", code: "too_many", detail: { limit: 10 } });
  });
});

describe("prizeScopeOf", () => {
  it.each([
    ["overall", "overall"],
    ["全部", "overall"],
    ["统一", "overall"],
    ["总排名", "overall"],
    ["Group", "group"],
    ["分组", "group"],
    ["各组", "group"],
    ["一等奖", undefined],
  ])("%s → %s", (word, scope) => expect(prizeScopeOf(word)).toBe(scope));
});

describe("the contest file's tiebreak and prizeScope", () => {
  const file = (extra: Record<string, unknown>) =>
    JSON.stringify({ title: "擂台赛", criteria: [{ name: "实施性", max: 30 }, { name: "创新性", max: 30 }], ...extra });

  it("keeps files without them valid: no rules, prizes per group", () => {
    const parsed = parseContestJson(file({}));
    expect(parsed.ok && [parsed.value.tiebreak, parsed.value.prizeScope]).toEqual([undefined, undefined]);
  });

  it("reads the rules and the scope", () => {
    const parsed = parseContestJson(file({ tiebreak: ["live", { criterion: "创新性" }, "panel", "chair"], prizeScope: "overall" }));
    expect(parsed.ok && [parsed.value.tiebreak, parsed.value.prizeScope]).toEqual([
      ["live", { criterion: "创新性" }, "panel", "chair"],
      "overall",
    ]);
  });

  it.each([
    [{ tiebreak: ["draw"] }, [{ path: "tiebreak[0]", code: "invalid" }]],
    [{ tiebreak: [{ criterion: "创新性", weight: 1 }] }, [{ path: "tiebreak[0]", code: "invalid" }]],
    [{ tiebreak: ["chair", "live"] }, [{ path: "tiebreak[0]", code: "chair_not_last" }]],
    [{ tiebreak: ["live", "live"] }, [{ path: "tiebreak[1]", code: "duplicate_rule" }]],
    [{ tiebreak: [{ criterion: "规范性" }] }, [{ path: "tiebreak[0].criterion", code: "unknown_criterion", received: "规范性", expected: "实施性, 创新性" }]],
    [{ prizeScope: "all" }, [{ path: "prizeScope", code: "not_one_of", expected: "group|overall" }]],
  ])("refuses %j with a path and a code", (extra, errors) => {
    const parsed = parseContestJson(file(extra));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toMatchObject(errors);
  });
});
