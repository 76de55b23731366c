// Rubrics on criteria: a description and grade bands, from /criteria lines and the contest file.
import { describe, expect, it } from "vitest";
import { CriterionSchema, gradeOf, gradeProblems } from "../../src/domain/contest.js";
import { parseContestJson, type FileError, type FileResult } from "../../src/domain/contest-file.js";
import { parseCriteriaLines, type LineError, type LinesResult } from "../../src/domain/setup-lines.js";

const errorsOf = <T>(result: LinesResult<T>): Pick<LineError, "line" | "code" | "detail">[] =>
  result.ok ? [] : result.errors.map(({ line, code, detail }) => (detail ? { line, code, detail } : { line, code }));

const fileErrors = (result: FileResult<unknown>): Pick<FileError, "path" | "code" | "expected">[] =>
  result.ok ? [] : result.errors.map(({ path, code, expected }) => ({ path, code, ...(expected ? { expected } : {}) }));

const GRADES = [
  { name: "优", min: 27, max: 30 },
  { name: "良", min: 24, max: 26 },
  { name: "中", min: 18, max: 23 },
  { name: "差", min: 0, max: 17 },
];

describe("/criteria lines with a rubric", () => {
  it("reads name, max, description and grades separated by |", () => {
    expect(parseCriteriaLines("实施性 30 | 对照实施方案看进度与成效 | 优 27-30, 良 24-26, 中 18-23, 差 0-17")).toEqual({
      ok: true,
      value: [{ name: "实施性", max: 30, step: 1, description: "对照实施方案看进度与成效", grades: GRADES }],
    });
  });

  it.each([
    ["full-width bar, digits, dash and commas", "实施性 ３０｜说明｜优２７－３０，良24—26、中 18~23；差0至17"],
    ["en dash and no spaces", "实施性 30|说明|优27–30,良24–26,中18–23,差0–17"],
    ["～ and 到", "实施性 30 | 说明 | 优 27～30, 良 24到26, 中 18 - 23, 差 0 - 17"],
  ])("accepts %s", (_, body) => {
    expect(parseCriteriaLines(body)).toEqual({
      ok: true,
      value: [{ name: "实施性", max: 30, step: 1, description: "说明", grades: GRADES }],
    });
  });

  it("takes a lone second part made only of grades as the grades, anything else as the description", () => {
    expect(parseCriteriaLines("持续性 20 | 优 18-20, 良 0-17\n推广性 20 | 看推广价值")).toEqual({
      ok: true,
      value: [
        { name: "持续性", max: 20, step: 1, grades: [{ name: "优", min: 18, max: 20 }, { name: "良", min: 0, max: 17 }] },
        { name: "推广性", max: 20, step: 1, description: "看推广价值" },
      ],
    });
  });

  it("keeps the step before the rubric", () => {
    expect(parseCriteriaLines("创新性 10 0.5 | | 优 8.5-10, 合格 0-8")).toEqual({
      ok: true,
      value: [{ name: "创新性", max: 10, step: 0.5, grades: [{ name: "优", min: 8.5, max: 10 }, { name: "合格", min: 0, max: 8 }] }],
    });
  });

  it.each([
    ["a grade above the max", "实施性 30 | 说明 | 优 27-31", "grade_out_of_range", { name: "优", range: "27–31", limit: 30 }],
    ["overlapping grades", "实施性 30 | 优 27-30, 良 26-27", "grade_overlap", { name: "良", range: "26–27", other: "优" }],
    ["a bound off the step", "实施性 10 2 | 优 7-10", "grade_off_step", { name: "优", range: "7–10", step: 2 }],
    ["min above max", "实施性 10 | 优 8-5", "grade_min_above_max", { name: "优", range: "8–5" }],
    ["a grade that is not name min-max", "实施性 10 | 说明 | 优 x", "bad_grade", { value: "优 x" }],
    ["a grade name twice", "实施性 10 | 优 8-10, 优 0-7", "grade_duplicate", { name: "优" }],
    ["four parts", "实施性 10 | a | 优 8-10 | b", "too_many_fields", { limit: 3 }],
    ["a long description", `实施性 10 | ${"很".repeat(201)}`, "description_too_long", { limit: 200 }],
  ])("refuses %s, naming the line and what is wrong", (_, body, code, detail) => {
    expect(errorsOf(parseCriteriaLines(`持续性 20\n${body}`))).toEqual([{ line: 2, code, detail }]);
  });
});

describe("grades in the contest file", () => {
  const file = (criterion: Record<string, unknown>) =>
    JSON.stringify({ title: "T", presenters: [{ name: "坡头镇" }], criteria: [{ name: "实施性", max: 30, ...criterion }] });

  it("accepts a description and grades", () => {
    const parsed = parseContestJson(file({ description: "对照实施方案", grades: GRADES }));
    expect(parsed.ok && parsed.value.criteria[0]).toEqual({ name: "实施性", max: 30, step: 1, description: "对照实施方案", grades: GRADES });
  });

  it("names the field of every grade that is wrong, with what was expected", () => {
    const parsed = parseContestJson(
      file({
        grades: [
          { name: "优", min: 27, max: 31 },
          { name: "良", min: 20, max: 28 },
          { name: "中", min: 10.5, max: 19 },
          { name: "差", min: 9, max: 2 },
        ],
      }),
    );
    expect(fileErrors(parsed)).toEqual([
      { path: "criteria[0].grades[0].max", code: "grade_out_of_range", expected: "0–30" },
      { path: "criteria[0].grades[1].min", code: "grade_overlap", expected: "优" },
      { path: "criteria[0].grades[2].min", code: "grade_off_step", expected: "× 1" },
      { path: "criteria[0].grades[3].min", code: "grade_min_above_max" },
    ]);
  });

  it("refuses an unknown key inside a grade", () => {
    expect(fileErrors(parseContestJson(file({ grades: [{ name: "优", min: 0, max: 30, colour: "red" }] })))).toEqual([
      { path: "criteria[0].grades[0].colour", code: "unknown_key", expected: "name, min, max" },
    ]);
  });
});

describe("gradeOf and gradeProblems", () => {
  const criterion = CriterionSchema.parse({ name: "实施性", max: 30, grades: GRADES });

  it("finds the band a value lies in", () => {
    expect([30, 27, 26, 18, 17, 0].map((v) => gradeOf(criterion, v)?.name)).toEqual(["优", "优", "良", "中", "差", "差"]);
  });

  it("allows bands that leave values uncovered", () => {
    expect(gradeProblems({ max: 30, step: 1 }, [{ name: "优", min: 27, max: 30 }])).toEqual([]);
  });
});
