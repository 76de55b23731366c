// Parses the chair's setup commands, one item per line. Nothing partially valid is returned.
// Formats (blank lines are skipped; spaces, tabs and the full-width space U+3000 separate;
// full-width digits, "．", "％", "－" and "｜" are read as their ASCII forms):
//   /criteria   <name> <max> [step] [| description] [| grades]
//               实施性 30 · 创新性 10 0.5 (the trailing numbers) ·
//               实施性 30 | 对照实施方案看进度与成效 | 优 27-30, 良 24-26, 中 18-23, 差 0-17
//               (grades: <name> <min>-<max> separated by , ， 、 ; ；; the dash may be - – — ~ ～ 至 到;
//               a second part that is only grades needs no empty description before it)
//   /presenters <name> [| group [| prior]] 坡头镇 | 乡镇组 | 88
//   /panels     <name> <weight>[%]         区领导 70
//   /prizes     <name> <count>             一等奖 1
//   /bands      <name> <min>               红 90
//   /method     mean | trimmed [n] | median
//   /blend      <live> <prior> | off       60 40
import type { z } from "zod";
import {
  type Aggregate,
  type Band,
  type Blend,
  type Criterion,
  type Panel,
  type Presenter,
  type Prize,
  AggregateSchema,
  BlendSchema,
  ContestSetupSchema,
  GRADE_PROBLEM_CODES,
  MAX_DECIMALS,
  MAX_GRADES,
  type Grade,
  gradeProblems,
  isMultipleOf,
} from "./contest.js";
import { describeIssue } from "./zod-issues.js";

export const LINE_ERROR_CODES = [
  "empty",
  "missing_name",
  "missing_max",
  "missing_weight",
  "missing_count",
  "missing_min",
  "bad_number",
  "bad_max",
  "bad_step",
  "too_many_decimals",
  "step_not_divisor",
  "bad_prior",
  "bad_weight",
  "bad_count",
  "bad_min",
  "bad_method",
  "bad_trim",
  "bad_blend",
  "bad_quorum",
  "bad_outlier",
  "too_many_fields",
  "name_too_long",
  "group_too_long",
  "duplicate_name",
  "too_many",
  "description_too_long",
  "bad_grade",
  "too_many_grades",
  ...GRADE_PROBLEM_CODES,
  "invalid",
] as const;
export type LineErrorCode = (typeof LINE_ERROR_CODES)[number];

export type LineError = {
  /** 1-based line number in the command body. */
  line: number;
  /** The line as sent, trimmed. */
  text: string;
  code: LineErrorCode;
  detail?: Record<string, string | number>;
};

export type LinesResult<T> = { ok: true; value: T } | { ok: false; errors: LineError[] };

type Line = { line: number; text: string };
type Parsed<T> = { line: Line; item: T };
type Problem = { code: LineErrorCode; detail?: Record<string, string | number> };

const FULL_WIDTH: Record<string, string> = { "．": ".", "％": "%", "－": "-", "＋": "+", "｜": "|", "\u3000": " " };

/** Full-width digits and punctuation used in numbers and separators, as ASCII. */
const toHalfWidth = (text: string): string =>
  text.replace(/[０-９．％－＋｜\u3000]/g, (ch) =>
    ch >= "０" && ch <= "９" ? String.fromCharCode(ch.charCodeAt(0) - 0xfee0) : (FULL_WIDTH[ch] ?? ch),
  );

const contentLines = (body: string): Line[] =>
  body
    .split(/\r\n|\r|\n/)
    .map((text, i) => ({ line: i + 1, text: text.trim() }))
    .filter((l) => l.text !== "");

const collapseSpaces = (text: string): string => text.split(/\s+/).filter(Boolean).join(" ");

const looksNumeric = (token: string): boolean => /^[+-]?[\d.,]*\d[\d.,]*%?$/.test(toHalfWidth(token));

/** The number a token spells, or undefined when it is not a plain decimal. */
const numberOf = (token: string, allowPercent = false): number | undefined => {
  const text = toHalfWidth(token.trim());
  const plain = allowPercent && text.endsWith("%") ? text.slice(0, -1) : text;
  return /^[+-]?\d+(\.\d+)?$/.test(plain) ? Number(plain) : undefined;
};

const decimalsOf = (value: number): number => (String(value).split(".")[1] ?? "").length;

/** Splits "<name> <n1> [<n2>]" into the name and up to `count` trailing numeric tokens. */
const nameAndNumbers = (text: string, count: number): { name: string; numbers: string[] } => {
  const tokens = text.split(/\s+/);
  let split = tokens.length;
  while (split > 1 && tokens.length - split < count && looksNumeric(tokens[split - 1] ?? "")) split--;
  return { name: tokens.slice(0, split).join(" "), numbers: tokens.slice(split) };
};

const problem = (code: LineErrorCode, detail?: Record<string, string | number>): Problem =>
  detail === undefined ? { code } : { code, detail };

const isProblem = <T>(value: T | Problem): value is Problem =>
  typeof value === "object" && value !== null && "code" in value;

const parseEach = <T>(lines: readonly Line[], parseLine: (text: string) => T | Problem) => {
  const items: Parsed<T>[] = [];
  const errors: LineError[] = [];
  for (const line of lines) {
    const result = parseLine(line.text);
    if (isProblem(result)) errors.push({ ...line, ...result });
    else items.push({ line, item: result });
  }
  return { items, errors };
};

const duplicateNames = <T>(items: readonly Parsed<T>[], nameOf: (item: T) => string): LineError[] => {
  const first = new Map<string, number>();
  const errors: LineError[] = [];
  for (const { line, item } of items) {
    const name = nameOf(item);
    const seen = first.get(name);
    if (seen === undefined) first.set(name, line.line);
    else errors.push({ ...line, code: "duplicate_name", detail: { name, first: seen } });
  }
  return errors;
};

const limitOf = (expected: string | undefined): number => Number(expected?.replace(/\D/g, "") ?? 0);

/** Codes for a zod issue at [index, field] of a list parsed from lines. */
const issueProblem = (issue: z.core.$ZodIssue): Problem => {
  const field = issue.path[1];
  const info = describeIssue(issue);
  if (issue.path.length === 0 && info.code === "too_many") {
    return problem("too_many", { limit: limitOf(info.expected) });
  }
  if (info.code === "too_long" && (field === "name" || field === "group")) {
    return problem(field === "name" ? "name_too_long" : "group_too_long", { limit: limitOf(info.expected) });
  }
  return problem("invalid", { field: String(field ?? ""), reason: info.code });
};

const issueLine = (issue: z.core.$ZodIssue, items: readonly Parsed<unknown>[], limitIndex: number): Line => {
  const index = typeof issue.path[0] === "number" ? issue.path[0] : limitIndex;
  return items[index]?.line ?? items.at(-1)?.line ?? { line: 1, text: "" };
};

/** Validates the parsed items as a list with the contest schema; errors are never partial. */
const finish = <T, Out>(
  lines: readonly Line[],
  parsed: { items: Parsed<T>[]; errors: LineError[] },
  schema: z.ZodType<Out>,
  nameOf?: (item: T) => string,
): LinesResult<Out> => {
  if (lines.length === 0) return { ok: false, errors: [{ line: 1, text: "", code: "empty" }] };
  const errors = [...parsed.errors, ...(nameOf ? duplicateNames(parsed.items, nameOf) : [])];
  const checked = schema.safeParse(
    parsed.items.map((p) => p.item),
    { reportInput: true },
  );
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const limit = issue.code === "too_big" ? Number(issue.maximum) : 0;
      errors.push({ ...issueLine(issue, parsed.items, limit), ...issueProblem(issue) });
    }
  }
  if (errors.length > 0 || !checked.success) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, value: checked.data };
};

type CriterionLine = { name: string; max: number; step?: number; description?: string; grades?: Grade[] };

const MAX_DESCRIPTION = 200;

/** "优 27-30" (also "优27–30", "优 27 至 30"), numbers already half-width. */
const GRADE_ITEM = /^(.*?)\s*(\d+(?:\.\d+)?)\s*(?:-|–|—|~|～|至|到)\s*(\d+(?:\.\d+)?)$/;

const gradeOf = (item: string): Grade | undefined => {
  const match = GRADE_ITEM.exec(toHalfWidth(item).trim());
  const name = match?.[1]?.trim() ?? "";
  if (!match || name === "" || name.length > 10) return undefined;
  return { name, min: Number(match[2]), max: Number(match[3]) };
};

const gradeItems = (text: string): string[] =>
  text
    .split(/[,，、;；]/)
    .map((item) => item.trim())
    .filter((item) => item !== "");

/** The grades a line part spells, or the first item that is not a grade (also a workbook cell's grades). */
export const gradesOf = (text: string): Grade[] | { bad: string } => {
  const grades: Grade[] = [];
  for (const item of gradeItems(text)) {
    const grade = gradeOf(item);
    if (!grade) return { bad: item };
    grades.push(grade);
  }
  return grades;
};

const looksLikeGrades = (text: string): boolean => {
  const items = gradeItems(text);
  return items.length > 0 && items.every((item) => gradeOf(item) !== undefined);
};

/** Description and grades from the parts after `<name> <max> [step]`. */
const rubricOf = (parts: string[]): { description?: string; grades?: Grade[] } | Problem => {
  if (parts.length > 2) return problem("too_many_fields", { limit: 3 });
  // "名称 30 | 优 27-30, 良 24-26": a lone second part made only of grades is the grades.
  const [description = "", gradesText = ""] = parts.length === 1 && looksLikeGrades(parts[0] ?? "") ? ["", parts[0]] : parts;
  if (description.length > MAX_DESCRIPTION) return problem("description_too_long", { limit: MAX_DESCRIPTION });
  const result: { description?: string; grades?: Grade[] } = description === "" ? {} : { description };
  if (gradesText === "") return result;
  const grades = gradesOf(gradesText);
  if (!Array.isArray(grades)) return problem("bad_grade", { value: grades.bad });
  if (grades.length > MAX_GRADES) return problem("too_many_grades", { limit: MAX_GRADES });
  return { ...result, grades };
};

const criterionOf = (line: string): CriterionLine | Problem => {
  const [text = "", ...rest] = line.split(/[|｜]/).map(collapseSpaces);
  const { name, numbers } = nameAndNumbers(text, 2);
  const [maxText, stepText] = numbers;
  if (maxText === undefined) return problem("missing_max");
  const max = numberOf(maxText);
  const step = stepText === undefined ? 1 : numberOf(stepText);
  if (max === undefined) return problem("bad_number", { value: maxText });
  if (step === undefined) return problem("bad_number", { value: stepText ?? "" });
  if (!(max > 0 && max <= 1000)) return problem("bad_max", { value: max, limit: 1000 });
  if (!(step > 0)) return problem("bad_step", { value: step });
  if (decimalsOf(max) > MAX_DECIMALS || decimalsOf(step) > MAX_DECIMALS) {
    return problem("too_many_decimals", { limit: MAX_DECIMALS });
  }
  if (!isMultipleOf(max, step)) return problem("step_not_divisor", { max, step });
  const rubric = rubricOf(rest);
  if (isProblem(rubric)) return rubric;
  if (rubric.grades) {
    const [first] = gradeProblems({ max, step }, rubric.grades);
    if (first) return problem(first.code, first.detail);
    if (rubric.grades.some((g) => decimalsOf(g.min) > MAX_DECIMALS || decimalsOf(g.max) > MAX_DECIMALS))
      return problem("too_many_decimals", { limit: MAX_DECIMALS });
  }
  return { name, max, ...(stepText === undefined ? {} : { step }), ...rubric };
};

/**
 * `/criteria`: `<name> <max> [step] [| description] [| grades]` per line; the name may contain
 * spaces, grades are `<name> <min>-<max>` separated by commas.
 */
export const parseCriteriaLines = (body: string): LinesResult<Criterion[]> => {
  const lines = contentLines(body);
  return finish(lines, parseEach(lines, criterionOf), ContestSetupSchema.shape.criteria, (c) => c.name);
};

const presenterOf = (text: string): Presenter | Problem => {
  const parts = text.split(/[|｜]/).map(collapseSpaces);
  if (parts.length > 3) return problem("too_many_fields", { limit: 3 });
  const [name = "", group = "", priorText = ""] = parts;
  if (name === "") return problem("missing_name");
  const prior = priorText === "" ? undefined : numberOf(priorText);
  if (priorText !== "" && prior === undefined) return problem("bad_number", { value: priorText });
  if (prior !== undefined && !(prior >= 0 && prior <= 100)) return problem("bad_prior", { value: prior });
  return { name, ...(group === "" ? {} : { group }), ...(prior === undefined ? {} : { prior }) };
};

/** `/presenters`: one per line in presenting order: `name`, `name | group` or `name | group | prior`. */
export const parsePresenterLines = (body: string): LinesResult<Presenter[]> => {
  const lines = contentLines(body);
  return finish(lines, parseEach(lines, presenterOf), ContestSetupSchema.shape.presenters, (p) => p.name);
};

type NamedNumber = { name: string; value: number };

/** A `<name> <number>` line; `check` says what is wrong with the number, if anything. */
const namedNumberOf =
  (missing: LineErrorCode, check: (value: number) => Problem | undefined, allowPercent = false) =>
  (text: string): NamedNumber | Problem => {
    const { name, numbers } = nameAndNumbers(text, 1);
    const [token] = numbers;
    if (token === undefined) return problem(missing);
    const value = numberOf(token, allowPercent);
    if (value === undefined) return problem("bad_number", { value: token });
    return check(value) ?? { name, value };
  };

const namedLines = <Item extends { name: string }, Out>(
  body: string,
  parseLine: (text: string) => NamedNumber | Problem,
  build: (n: NamedNumber) => Item,
  schema: z.ZodType<Out>,
): LinesResult<Out> => {
  const lines = contentLines(body);
  const parsed = parseEach(lines, parseLine);
  const items = parsed.items.map((p) => ({ line: p.line, item: build(p.item) }));
  return finish(lines, { items, errors: parsed.errors }, schema, (item) => item.name);
};

/** `/panels`: `<name> <weight>` per line; the weight may end in %. */
export const parsePanelLines = (body: string): LinesResult<Panel[]> =>
  namedLines(
    body,
    namedNumberOf("missing_weight", (w) => (w > 0 ? undefined : problem("bad_weight", { value: w })), true),
    ({ name, value }) => ({ name, weight: value }),
    ContestSetupSchema.shape.panels,
  );

/** `/prizes`: `<name> <count>` per line, best prize first. */
export const parsePrizeLines = (body: string): LinesResult<Prize[]> =>
  namedLines(
    body,
    namedNumberOf("missing_count", (n) =>
      Number.isInteger(n) && n >= 1 && n <= 1000 ? undefined : problem("bad_count", { value: n, limit: 1000 }),
    ),
    ({ name, value }) => ({ name, count: value }),
    ContestSetupSchema.shape.prizes,
  );

/** `/bands`: `<name> <min>` per line, checked in the order given. */
export const parseBandLines = (body: string): LinesResult<Band[]> =>
  namedLines(
    body,
    namedNumberOf("missing_min", (m) => (m >= 0 && m <= 100 ? undefined : problem("bad_min", { value: m }))),
    ({ name, value }) => ({ name, min: value }),
    ContestSetupSchema.shape.bands,
  );

const METHOD_NAMES: Record<string, Aggregate["method"]> = {
  mean: "mean",
  average: "mean",
  平均: "mean",
  平均分: "mean",
  trimmed: "trimmed",
  trim: "trimmed",
  去掉最高最低: "trimmed",
  去掉最高分和最低分: "trimmed",
  median: "median",
  中位数: "median",
};

const aggregateOf = (text: string): Aggregate | Problem => {
  const [word = "", trimText, ...extra] = toHalfWidth(text).split(/\s+/);
  const method = METHOD_NAMES[word.toLowerCase()];
  if (method === undefined || extra.length > 0) return problem("bad_method");
  if (trimText === undefined) return { method, trim: 1 };
  if (method !== "trimmed") return problem("bad_method");
  const trim = numberOf(trimText);
  if (trim === undefined || !Number.isInteger(trim) || trim < 0 || trim > 10) {
    return problem("bad_trim", { value: trimText, limit: 10 });
  }
  return { method, trim };
};

const singleLine = <T>(body: string, parseLine: (text: string) => T | Problem, schema: z.ZodType<T>): LinesResult<T> => {
  const [line, ...rest] = contentLines(body);
  if (line === undefined) return { ok: false, errors: [{ line: 1, text: "", code: "empty" }] };
  const extra = rest.map((l): LineError => ({ ...l, code: "too_many", detail: { limit: 1 } }));
  const result = parseLine(line.text);
  const errors = isProblem(result) ? [{ ...line, ...result }, ...extra] : extra;
  if (errors.length > 0 || isProblem(result)) return { ok: false, errors };
  const checked = schema.safeParse(result);
  if (!checked.success) return { ok: false, errors: [{ ...line, code: "invalid" }] };
  return { ok: true, value: checked.data };
};

/** `/method`: `mean`, `trimmed [n]` (n from 0 to 10, default 1) or `median`; also 平均, 去掉最高最低 [n], 中位数. */
export const parseMethodLine = (body: string): LinesResult<Aggregate> => singleLine(body, aggregateOf, AggregateSchema);

const OFF_WORDS = new Set(["off", "none", "关", "关闭", "无", "不"]);

const blendOf = (text: string): Blend | null | Problem => {
  const tokens = toHalfWidth(text).split(/\s+/);
  if (tokens.length === 1 && OFF_WORDS.has((tokens[0] ?? "").toLowerCase())) return null;
  const [live, prior] = tokens.map((t) => numberOf(t, true));
  if (tokens.length !== 2 || live === undefined || prior === undefined || !(live > 0) || !(prior > 0)) {
    return problem("bad_blend");
  }
  return { live, prior };
};

/** `/blend`: `<live> <prior>` weights (e.g. `60 40`, `60% 40%`), or `off` to stop blending. */
export const parseBlendLine = (body: string): LinesResult<Blend | null> =>
  singleLine(body, blendOf, BlendSchema.nullable());

const wholeNumberOf =
  (code: LineErrorCode, min: number, max: number) =>
  (text: string): number | Problem => {
    const value = numberOf(toHalfWidth(text).trim());
    return value !== undefined && Number.isInteger(value) && value >= min && value <= max ? value : problem(code, { value: text, limit: max });
  };

/** `/quorum n`: the fewest counted ballots a round may close with unasked (0 = no quorum). */
export const parseQuorumLine = (body: string): LinesResult<number> =>
  singleLine(body, wholeNumberOf("bad_quorum", 0, 1000), ContestSetupSchema.shape.quorum.unwrap());

/** `/outlier n`: how far (points of 100) a total may lie from the round's median before the chair is asked. */
export const parseOutlierLine = (body: string): LinesResult<number> =>
  singleLine(
    body,
    (text) => {
      const value = numberOf(toHalfWidth(text).trim());
      return value !== undefined && value > 0 && value <= 100 ? value : problem("bad_outlier", { value: text });
    },
    ContestSetupSchema.shape.outlier.unwrap(),
  );
