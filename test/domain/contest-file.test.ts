import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CriterionSchema } from "../../src/domain/contest.js";
import {
  CONTEST_TEMPLATE_JSON,
  FILE_ERROR_CODES,
  type FileError,
  type FileResult,
  parseContestJson,
  parsePresentersCsv,
} from "../../src/domain/contest-file.js";
import { describeIssue } from "../../src/domain/zod-issues.js";

const errorsOf = (result: FileResult<unknown>): FileError[] => (result.ok ? [] : result.errors);

const fileWith = (fields: Record<string, unknown>): string => JSON.stringify({ title: "T", ...fields });

describe("CONTEST_TEMPLATE_JSON", () => {
  const parsed = parseContestJson(CONTEST_TEMPLATE_JSON);

  it("is a valid contest file", () => {
    expect(errorsOf(parsed)).toEqual([]);
  });

  it("holds the 坡头区雄鹰擂台赛 setup", () => {
    if (!parsed.ok) throw new Error("template does not parse");
    const setup = parsed.value;
    expect(setup.title).toBe("坡头区雄鹰擂台赛");
    expect(setup.criteria.map((c) => [c.name, c.max])).toEqual([["实施性", 30], ["创新性", 30], ["持续性", 20], ["推广性", 20]]);
    expect(setup.presenters).toHaveLength(6);
    expect(new Set(setup.presenters.map((p) => p.group))).toEqual(new Set(["乡镇组", "部门组"]));
    expect(setup.presenters.every((p) => p.prior !== undefined)).toBe(true);
    expect(setup.panels).toEqual([{ name: "区领导", weight: 70 }, { name: "两代表一委员", weight: 30 }]);
    expect(setup.aggregate).toEqual({ method: "trimmed", trim: 1 });
    expect(setup.blend).toEqual({ live: 60, prior: 40 });
    expect(setup.prizes.map((p) => p.count)).toEqual([1, 2, 3]);
    expect(setup.bands).toEqual([{ name: "红", min: 90 }, { name: "黄", min: 75 }, { name: "黑", min: 0 }]);
    expect([setup.quorum, setup.language]).toEqual([5, "zh-CN"]);
  });

  it("is the text of samples/contest.sample.json", () => {
    const sample = readFileSync(new URL("../../samples/contest.sample.json", import.meta.url), "utf8");
    expect(sample).toBe(CONTEST_TEMPLATE_JSON);
  });
});

describe("parseContestJson — accepted files", () => {
  it("fills defaults for missing optional fields", () => {
    expect(parseContestJson('{"title":"擂台赛"}')).toEqual({
      ok: true,
      value: {
        title: "擂台赛",
        criteria: [],
        presenters: [],
        panels: [],
        aggregate: { method: "mean", trim: 1 },
        prizes: [],
        bands: [],
        judges: [],
        outlier: 20,
        reveal: "live",
        join: "open",
      },
    });
  });

  it("ignores a UTF-8 BOM", () => {
    expect(parseContestJson(`\uFEFF${fileWith({})}`).ok).toBe(true);
  });

  it("allows comment keys starting with _ or $ and drops them", () => {
    const result = parseContestJson(fileWith({ _comment: "draft", $schema: "x", criteria: [{ name: "A", max: 10, _note: "n" }] }));
    expect(result.ok && result.value.criteria).toEqual([{ name: "A", max: 10, step: 1 }]);
  });

  it("allows more prize places than presenters", () => {
    expect(parseContestJson(fileWith({ presenters: [{ name: "A" }], prizes: [{ name: "一等奖", count: 5 }] })).ok).toBe(true);
  });

  it("accepts judges whose panel and conflicts name defined panels and presenters", () => {
    const file = fileWith({
      presenters: [{ name: "坡头镇" }],
      panels: [{ name: "区领导", weight: 70 }],
      judges: [{ name: "张三", userId: 1, panel: "区领导", conflicts: ["坡头镇"] }],
    });
    expect(parseContestJson(file).ok).toBe(true);
  });
});

describe("parseContestJson — JSON syntax", () => {
  it.each([
    ["a missing value", '{\n  "title": "T",\n  "criteria": }', 3, 15, '"}"'],
    ["a trailing comma", '{"title": "T",}', 1, 15, '"}"'],
    ["text after the object", '{"title": "T"} x', 1, 16, '"x"'],
    ["single quotes", "{'title': 'T'}", 1, 2, "\"'\""],
    ["an unfinished file", '{"title": "T"', 1, 14, "end of file"],
    ["an empty file", "", 1, 1, "end of file"],
  ])("reports %s with line and column", (_, text, line, column, received) => {
    expect(errorsOf(parseContestJson(text))).toEqual([
      { path: `line ${line}`, code: "json_syntax", received, detail: { line, column, position: expect.any(Number) } },
    ]);
  });
});

describe("parseContestJson — schema errors", () => {
  it.each<[string, Record<string, unknown>, Partial<FileError>]>([
    ["a missing title", { title: undefined }, { path: "title", code: "required", expected: "string" }],
    ["an empty title", { title: "  " }, { path: "title", code: "empty_text", expected: ">= 1", received: '""' }],
    ["a list of the wrong type", { criteria: "实施性" }, { path: "criteria", code: "wrong_type", expected: "array", received: "string" }],
    ["a number given as text", { criteria: [{ name: "A", max: "30" }] }, { path: "criteria[0].max", code: "wrong_type", expected: "number", received: "string" }],
    [
      "a prior over 100",
      { presenters: [{ name: "A" }, { name: "B" }, { name: "C" }, { name: "D", prior: 101 }] },
      { path: "presenters[3].prior", code: "too_big", expected: "<= 100", received: "101" },
    ],
    ["a negative panel weight", { panels: [{ name: "X", weight: -1 }] }, { path: "panels[0].weight", code: "too_small", expected: "> 0", received: "-1" }],
    ["a fractional trim", { aggregate: { method: "trimmed", trim: 1.5 } }, { path: "aggregate.trim", code: "not_integer", expected: "integer", received: "1.5" }],
    ["an unknown method", { aggregate: { method: "avg" } }, { path: "aggregate.method", code: "not_one_of", expected: "mean|trimmed|median", received: '"avg"' }],
    ["an unknown language", { language: "fr" }, { path: "language", code: "not_one_of", expected: "zh-CN|en", received: '"fr"' }],
    ["a max that is not a multiple of the step", { criteria: [{ name: "A", max: 10, step: 3 }] }, { path: "criteria[0].step", code: "step_not_divisor" }],
    ["a max with three decimals", { criteria: [{ name: "A", max: 10.125 }] }, { path: "criteria[0].max", code: "too_many_decimals" }],
    ["a max of 0", { criteria: [{ name: "A", max: 0 }] }, { path: "criteria[0].max", code: "out_of_range" }],
    ["a step of 0", { criteria: [{ name: "A", max: 10, step: 0 }] }, { path: "criteria[0].step", code: "too_small", expected: "> 0" }],
    ["too many criteria", { criteria: Array.from({ length: 21 }, (_, i) => ({ name: `C${i}`, max: 5 })) }, { path: "criteria", code: "too_many", expected: "<= 20" }],
    ["a name that is too long", { presenters: [{ name: "名".repeat(81) }] }, { path: "presenters[0].name", code: "too_long", expected: "<= 80" }],
    ["a root that is not an object", { __root: [] }, {}],
  ])("reports %s", (label, fields, expected) => {
    if (label === "a root that is not an object") {
      expect(errorsOf(parseContestJson("[]"))).toEqual([{ path: "", code: "wrong_type", expected: "object", received: "array" }]);
      return;
    }
    const errors = errorsOf(parseContestJson(fileWith(fields)));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject(expected);
  });

  it("reports unknown keys with their path and the keys expected there", () => {
    const errors = errorsOf(parseContestJson(fileWith({ presenter: [], criteria: [{ name: "A", max: 10, wieght: 2 }] })));
    expect(errors.map((e) => [e.path, e.code, e.received])).toEqual([
      ["presenter", "unknown_key", "presenter"],
      ["criteria[0].wieght", "unknown_key", "wieght"],
    ]);
    expect(errors[1]?.expected).toBe("name, max, step, weight, description, grades");
  });

  it("reports every schema error at once", () => {
    const errors = errorsOf(parseContestJson(fileWith({ quorum: -1, outlier: 0, presenters: [{ name: "" }] })));
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ["presenters[0].name", "empty_text"],
      ["quorum", "too_small"],
      ["outlier", "too_small"],
    ]);
  });
});

describe("parseContestJson — cross-field checks", () => {
  it.each<[string, Record<string, unknown>, FileError[]]>([
    [
      "a criterion name used twice",
      { criteria: [{ name: "实施性", max: 30 }, { name: "创新性", max: 30 }, { name: "实施性", max: 40 }] },
      [{ path: "criteria[2].name", code: "duplicate_name", received: "实施性", detail: { name: "实施性", first: "criteria[0].name" } }],
    ],
    [
      "a presenter listed twice",
      { presenters: [{ name: "坡头镇" }, { name: "坡头镇", group: "乡镇组" }] },
      [{ path: "presenters[1].name", code: "duplicate_name", received: "坡头镇", detail: { name: "坡头镇", first: "presenters[0].name" } }],
    ],
    [
      "a judge in a panel that is not defined",
      { panels: [{ name: "区领导", weight: 70 }, { name: "两代表一委员", weight: 30 }], judges: [{ name: "张三", panel: "群众" }] },
      [{ path: "judges[0].panel", code: "unknown_panel", received: "群众", expected: "区领导, 两代表一委员" }],
    ],
    [
      "a conflict naming no presenter",
      { presenters: [{ name: "坡头镇" }], judges: [{ name: "张三", conflicts: ["坡头镇", "南三镇"] }] },
      [{ path: "judges[0].conflicts[1]", code: "unknown_presenter", received: "南三镇" }],
    ],
    [
      "two judges with the same Telegram user",
      { judges: [{ name: "张三", userId: 7 }, { name: "李四", userId: 7 }] },
      [{ path: "judges[1].userId", code: "duplicate_user", received: "7", detail: { first: "judges[0].userId" } }],
    ],
  ])("reports %s", (_, fields, expected) => {
    expect(errorsOf(parseContestJson(fileWith(fields)))).toEqual(expected);
  });
});

describe("parsePresentersCsv", () => {
  it("reads name, group and prior in presenting order", () => {
    expect(parsePresentersCsv("name,group,prior\n坡头镇,乡镇组,88\n区发改局,部门组,\n麻斜街道,,92.5\n")).toEqual({
      ok: true,
      value: [
        { name: "坡头镇", group: "乡镇组", prior: 88 },
        { name: "区发改局", group: "部门组" },
        { name: "麻斜街道", prior: 92.5 },
      ],
    });
  });

  it.each([
    ["Chinese headers", "名称,分组,平时成绩\n坡头镇,乡镇组,88"],
    ["the other Chinese headers", "单位,组别,平时\n坡头镇,乡镇组,88"],
    ["columns in another order", "prior,name,group\n88,坡头镇,乡镇组"],
    ["a BOM and CRLF", "\uFEFFname,group,prior\r\n坡头镇,乡镇组,88\r\n"],
    ["tabs", "name\tgroup\tprior\n坡头镇\t乡镇组\t88"],
    ["blank lines and padding", "name, group, prior\n\n 坡头镇 , 乡镇组 , 88 \n\n"],
    ["empty trailing columns", "name,group,prior,,\n坡头镇,乡镇组,88,,"],
    ["full-width digits", "name,group,prior\n坡头镇,乡镇组,８８"],
  ])("accepts %s", (_, text) => {
    expect(parsePresentersCsv(text)).toEqual({ ok: true, value: [{ name: "坡头镇", group: "乡镇组", prior: 88 }] });
  });

  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    const text = 'name,group\n"区住房和城乡建设局, 城管局","部门组 ""A"""\n';
    expect(parsePresentersCsv(text)).toEqual({
      ok: true,
      value: [{ name: "区住房和城乡建设局, 城管局", group: '部门组 "A"' }],
    });
  });

  it("accepts a name-only list", () => {
    expect(parsePresentersCsv("名称\n坡头镇\n麻斜街道")).toEqual({ ok: true, value: [{ name: "坡头镇" }, { name: "麻斜街道" }] });
  });

  it.each<[string, string, FileError[]]>([
    ["an empty file", "", [{ path: "", code: "empty" }]],
    ["a header only", "name,group,prior\n", [{ path: "", code: "empty" }]],
    ["an unknown column", "name,score\nA,1", [{ path: "line 1", code: "unknown_column", received: "score", expected: "name, group, prior" }]],
    ["a column twice", "name,名称\nA,B", [{ path: "line 1", code: "duplicate_column", received: "名称" }]],
    ["no name column", "group,prior\nA,1", [{ path: "line 1", code: "missing_column", expected: "name" }]],
    ["a row with too many fields", "name,group\nA,B,C", [{ path: "line 2", code: "too_many_fields", expected: "2", received: "3" }]],
    ["a prior that is not a number", "name,prior\nA,80\nB,八十", [{ path: "line 3.prior", code: "bad_number", received: "八十" }]],
    ["a prior over 100", "name,prior\nA,80\n\nB,101", [{ path: "line 4.prior", code: "too_big", expected: "<= 100", received: "101" }]],
    ["a missing name", "name,group\n,乡镇组", [{ path: "line 2.name", code: "empty_text", expected: ">= 1", received: '""' }]],
    [
      "a presenter listed twice",
      "name\n坡头镇\n麻斜街道\n坡头镇",
      [{ path: "line 4.name", code: "duplicate_name", received: "坡头镇", detail: { name: "坡头镇", first: "line 2.name" } }],
    ],
    ["an unterminated quote", 'name\nA\n"B,\nC', [{ path: "line 3", code: "csv_syntax", expected: '"' }]],
  ])("reports %s", (_, text, expected) => {
    expect(errorsOf(parsePresentersCsv(text))).toEqual(expected);
  });

  it("counts lines inside quoted fields when reporting later rows", () => {
    expect(errorsOf(parsePresentersCsv('name,prior\n"A\nB",1\nC,x'))).toEqual([{ path: "line 4.prior", code: "bad_number", received: "x" }]);
  });

  it("reports more than 1000 presenters at the first row too many", () => {
    const rows = Array.from({ length: 1001 }, (_, i) => `P${i}`).join("\n");
    expect(errorsOf(parsePresentersCsv(`name\n${rows}`))).toEqual([{ path: "line 1002", code: "too_many", expected: "<= 1000" }]);
  });
});

describe("error codes", () => {
  it("every code a parser emits is listed in FILE_ERROR_CODES for translation", () => {
    const samples: FileResult<unknown>[] = [
      parseContestJson("{"),
      parseContestJson(fileWith({ x: 1, criteria: [{ name: "A", max: 10, step: 3 }] })),
      parsePresentersCsv("name,x\n"),
    ];
    for (const error of samples.flatMap(errorsOf)) expect(FILE_ERROR_CODES).toContain(error.code);
  });

  it("maps each refinement message of contest.ts to its code", () => {
    const codesFor = (criterion: unknown) =>
      (CriterionSchema.safeParse(criterion, { reportInput: true }).error?.issues ?? []).map((i) => describeIssue(i).code);
    expect(codesFor({ name: "A", max: 10.125 })).toEqual(["too_many_decimals", "step_not_divisor"]);
    expect(codesFor({ name: "A", max: 1001 })).toEqual(["out_of_range"]);
    expect(codesFor({ name: "A", max: 10, step: -1 })).toEqual(["too_small", "step_not_divisor"]);
    expect(codesFor({ name: "A", max: 10, step: 3 })).toEqual(["step_not_divisor"]);
  });
});
