import { describe, expect, it } from "vitest";
import {
  type LineError,
  type LinesResult,
  parseBandLines,
  parseBlendLine,
  parseCriteriaLines,
  parseMethodLine,
  parsePanelLines,
  parsePresenterLines,
  parsePrizeLines,
} from "../../src/domain/setup-lines.js";

const errorsOf = <T>(result: LinesResult<T>): Pick<LineError, "line" | "code" | "detail">[] =>
  result.ok ? [] : result.errors.map(({ line, code, detail }) => (detail ? { line, code, detail } : { line, code }));

describe("parseCriteriaLines", () => {
  it("reads one criterion per line, with the default step of 1", () => {
    expect(parseCriteriaLines("实施性 30\n创新性 30\n持续性 20\n推广性 20")).toEqual({
      ok: true,
      value: [
        { name: "实施性", max: 30, step: 1 },
        { name: "创新性", max: 30, step: 1 },
        { name: "持续性", max: 20, step: 1 },
        { name: "推广性", max: 20, step: 1 },
      ],
    });
  });

  it.each([
    ["a step after the max", "创新性 10 0.5", { name: "创新性", max: 10, step: 0.5 }],
    ["a name with spaces", "Team work  and  spirit 25", { name: "Team work and spirit", max: 25, step: 1 }],
    ["a tab", "实施性\t30", { name: "实施性", max: 30, step: 1 }],
    ["the full-width space", "实施性\u300030", { name: "实施性", max: 30, step: 1 }],
    ["full-width digits", "实施性 ３０ ０．５", { name: "实施性", max: 30, step: 0.5 }],
    ["a name that is a number", "2024 30", { name: "2024", max: 30, step: 1 }],
    ["the two trailing numbers only", "第 2 项 10 0.5", { name: "第 2 项", max: 10, step: 0.5 }],
    ["leading and trailing blanks", "   实施性 30   ", { name: "实施性", max: 30, step: 1 }],
  ])("accepts %s", (_, body, criterion) => {
    expect(parseCriteriaLines(body)).toEqual({ ok: true, value: [criterion] });
  });

  it("skips blank lines but keeps line numbers", () => {
    const result = parseCriteriaLines("\n实施性 30\r\n\r\n创新性\n");
    expect(errorsOf(result)).toEqual([{ line: 4, code: "missing_max" }]);
  });

  it.each([
    ["missing_max", "实施性", undefined],
    ["missing_max", "30", undefined],
    ["bad_number", "实施性 3.0.1", { value: "3.0.1" }],
    ["bad_number", "实施性 30 0,5", { value: "0,5" }],
    ["bad_max", "实施性 0", { value: 0, limit: 1000 }],
    ["bad_max", "实施性 -5", { value: -5, limit: 1000 }],
    ["bad_max", "实施性 1001", { value: 1001, limit: 1000 }],
    ["bad_step", "实施性 30 0", { value: 0 }],
    ["too_many_decimals", "实施性 30.555", { limit: 2 }],
    ["too_many_decimals", "实施性 30 0.125", { limit: 2 }],
    ["step_not_divisor", "实施性 30 7", { max: 30, step: 7 }],
    ["step_not_divisor", "实施性 10 20", { max: 10, step: 20 }],
  ])("reports %s for %j", (code, body, detail) => {
    expect(errorsOf(parseCriteriaLines(body))).toEqual([detail ? { line: 1, code, detail } : { line: 1, code }]);
  });

  it("reports a name used twice, pointing at the first use", () => {
    expect(errorsOf(parseCriteriaLines("实施性 30\n创新性 30\n实施性  20"))).toEqual([
      { line: 3, code: "duplicate_name", detail: { name: "实施性", first: 1 } },
    ]);
  });

  it("reports a name longer than 40 characters", () => {
    expect(errorsOf(parseCriteriaLines(`${"长".repeat(41)} 30`))).toEqual([
      { line: 1, code: "name_too_long", detail: { limit: 40 } },
    ]);
  });

  it("reports more than 20 criteria at the first line too many", () => {
    const body = Array.from({ length: 21 }, (_, i) => `C${i} 5`).join("\n");
    expect(errorsOf(parseCriteriaLines(body))).toEqual([{ line: 21, code: "too_many", detail: { limit: 20 } }]);
  });

  it("reports an empty body", () => {
    expect(errorsOf(parseCriteriaLines(" \n\n"))).toEqual([{ line: 1, code: "empty" }]);
  });

  it("returns nothing when any line is bad, and every bad line", () => {
    const result = parseCriteriaLines("实施性 30\n创新性\n持续性 20 3\n推广性 20");
    expect(result.ok).toBe(false);
    expect(errorsOf(result)).toEqual([
      { line: 2, code: "missing_max" },
      { line: 3, code: "step_not_divisor", detail: { max: 20, step: 3 } },
    ]);
  });

  it("keeps the line text in errors", () => {
    const result = parseCriteriaLines("  创新性  ");
    expect(result.ok ? [] : result.errors).toEqual([{ line: 1, text: "创新性", code: "missing_max" }]);
  });
});

describe("parsePresenterLines", () => {
  it("reads names, groups and priors in presenting order", () => {
    expect(parsePresenterLines("坡头镇 | 乡镇组 | 88\n区发改局|部门组\n麻斜街道\n南调街道 | | 85.5")).toEqual({
      ok: true,
      value: [
        { name: "坡头镇", group: "乡镇组", prior: 88 },
        { name: "区发改局", group: "部门组" },
        { name: "麻斜街道" },
        { name: "南调街道", prior: 85.5 },
      ],
    });
  });

  it("accepts the full-width bar and full-width digits", () => {
    expect(parsePresenterLines("坡头镇｜乡镇组｜８８")).toEqual({
      ok: true,
      value: [{ name: "坡头镇", group: "乡镇组", prior: 88 }],
    });
  });

  it.each([
    ["missing_name", "| 乡镇组 | 88", undefined],
    ["too_many_fields", "坡头镇 | 乡镇组 | 88 | x", { limit: 3 }],
    ["bad_number", "坡头镇 | 乡镇组 | 八十", { value: "八十" }],
    ["bad_prior", "坡头镇 | 乡镇组 | 101", { value: 101 }],
    ["bad_prior", "坡头镇 | 乡镇组 | -1", { value: -1 }],
    ["group_too_long", `坡头镇 | ${"组".repeat(41)}`, { limit: 40 }],
  ])("reports %s for %j", (code, body, detail) => {
    expect(errorsOf(parsePresenterLines(body))).toEqual([detail ? { line: 1, code, detail } : { line: 1, code }]);
  });

  it("reports a presenter listed twice", () => {
    expect(errorsOf(parsePresenterLines("坡头镇\n麻斜街道\n坡头镇 | 乡镇组"))).toEqual([
      { line: 3, code: "duplicate_name", detail: { name: "坡头镇", first: 1 } },
    ]);
  });
});

describe("parsePanelLines, parsePrizeLines, parseBandLines", () => {
  it("reads panels with weights, a % sign allowed", () => {
    expect(parsePanelLines("区领导 70%\n两代表一委员 30")).toEqual({
      ok: true,
      value: [
        { name: "区领导", weight: 70 },
        { name: "两代表一委员", weight: 30 },
      ],
    });
  });

  it("reads prizes with counts", () => {
    expect(parsePrizeLines("一等奖 1\n二等奖 2\n三等奖 3")).toEqual({
      ok: true,
      value: [
        { name: "一等奖", count: 1 },
        { name: "二等奖", count: 2 },
        { name: "三等奖", count: 3 },
      ],
    });
  });

  it("reads bands with minimum scores", () => {
    expect(parseBandLines("红 90\n黄 75\n黑 0")).toEqual({
      ok: true,
      value: [
        { name: "红", min: 90 },
        { name: "黄", min: 75 },
        { name: "黑", min: 0 },
      ],
    });
  });

  it.each<[string, (body: string) => LinesResult<unknown>, string, string, object | undefined]>([
    ["a panel without weight", parsePanelLines, "区领导", "missing_weight", undefined],
    ["a panel weight of 0", parsePanelLines, "区领导 0", "bad_weight", { value: 0 }],
    ["a malformed panel weight", parsePanelLines, "区领导 7O%", "missing_weight", undefined],
    ["a prize without count", parsePrizeLines, "一等奖", "missing_count", undefined],
    ["a fractional prize count", parsePrizeLines, "一等奖 1.5", "bad_count", { value: 1.5, limit: 1000 }],
    ["a prize count of 0", parsePrizeLines, "一等奖 0", "bad_count", { value: 0, limit: 1000 }],
    ["a band without min", parseBandLines, "红", "missing_min", undefined],
    ["a band min over 100", parseBandLines, "红 101", "bad_min", { value: 101 }],
  ])("reports %s", (_, parse, body, code, detail) => {
    expect(errorsOf<unknown>(parse(body))).toEqual([detail ? { line: 1, code, detail } : { line: 1, code }]);
  });

  it("reports duplicate panel names", () => {
    expect(errorsOf(parsePanelLines("A 1\nA 2"))).toEqual([{ line: 2, code: "duplicate_name", detail: { name: "A", first: 1 } }]);
  });

  it("reports more than 10 panels", () => {
    const body = Array.from({ length: 11 }, (_, i) => `P${i} 1`).join("\n");
    expect(errorsOf(parsePanelLines(body))).toEqual([{ line: 11, code: "too_many", detail: { limit: 10 } }]);
  });
});

describe("parseMethodLine", () => {
  it.each([
    ["mean", { method: "mean", trim: 1 }],
    ["MEAN", { method: "mean", trim: 1 }],
    ["trimmed", { method: "trimmed", trim: 1 }],
    ["trimmed 2", { method: "trimmed", trim: 2 }],
    ["trimmed ０", { method: "trimmed", trim: 0 }],
    ["median", { method: "median", trim: 1 }],
    ["平均", { method: "mean", trim: 1 }],
    ["去掉最高最低 1", { method: "trimmed", trim: 1 }],
    ["中位数", { method: "median", trim: 1 }],
  ])("reads %j", (body, value) => {
    expect(parseMethodLine(body)).toEqual({ ok: true, value });
  });

  it.each([
    ["average of two", "bad_method", undefined],
    ["mean 2", "bad_method", undefined],
    ["trimmed x", "bad_trim", { value: "x", limit: 10 }],
    ["trimmed 11", "bad_trim", { value: "11", limit: 10 }],
    ["trimmed 1.5", "bad_trim", { value: "1.5", limit: 10 }],
  ])("reports %j as %s", (body, code, detail) => {
    expect(errorsOf(parseMethodLine(body))).toEqual([detail ? { line: 1, code, detail } : { line: 1, code }]);
  });

  it("reports an empty body and extra lines", () => {
    expect(errorsOf(parseMethodLine(""))).toEqual([{ line: 1, code: "empty" }]);
    expect(errorsOf(parseMethodLine("mean\nmedian"))).toEqual([{ line: 2, code: "too_many", detail: { limit: 1 } }]);
  });
});

describe("parseBlendLine", () => {
  it.each([
    ["60 40", { live: 60, prior: 40 }],
    ["60% 40%", { live: 60, prior: 40 }],
    ["off", null],
    ["关闭", null],
  ])("reads %j", (body, value) => {
    expect(parseBlendLine(body)).toEqual({ ok: true, value });
  });

  it.each(["60", "60 0", "60 40 10", "x y"])("reports %j as bad_blend", (body) => {
    expect(errorsOf(parseBlendLine(body))).toEqual([{ line: 1, code: "bad_blend" }]);
  });
});
