// The contest file (JSON) and the presenters list (CSV): whole-file validation with stable codes.
// Every field is described in docs/scoring.md.
import { z } from "zod";
import { type ContestSetup, type Presenter, ContestSetupSchema, GRADE_PROBLEM_CODES } from "./contest.js";
import { describeIssue, formatPath } from "./zod-issues.js";

export const FILE_ERROR_CODES = [
  "json_syntax",
  "csv_syntax",
  "unknown_key",
  "duplicate_name",
  "duplicate_user",
  "unknown_panel",
  "unknown_presenter",
  "empty",
  "missing_column",
  "unknown_column",
  "duplicate_column",
  "too_many_fields",
  "bad_number",
  "required",
  "wrong_type",
  "not_integer",
  "too_small",
  "too_big",
  "empty_text",
  "too_short",
  "too_long",
  "too_few",
  "too_many",
  "not_one_of",
  "too_many_decimals",
  "step_not_divisor",
  "out_of_range",
  ...GRADE_PROBLEM_CODES,
  "duplicate_rule",
  "chair_not_last",
  "unknown_criterion",
  "invalid",
] as const;
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];

/** Errors only a workbook (XLSX) can have; translated as workbook-error-<code>. */
export const WORKBOOK_ERROR_CODES = [
  "not_xlsx",
  "unpacked_too_large",
  "too_many_rows",
  "too_many_columns",
  "missing_sheet",
  "unknown_sheet",
  "duplicate_sheet",
  "unknown_setting",
  "expected_number",
  "formula_no_value",
  "formula_error",
  "merged_cells",
  "no_header",
  "bad_grades",
  "bad_tiebreak",
] as const;
export type WorkbookErrorCode = (typeof WORKBOOK_ERROR_CODES)[number];

/** A place in a workbook as its reader sees it: the sheet and column names as written there. */
export type CellPlace = { sheet: string; row?: number; column?: string };

export type FileError = {
  /** Where: "presenters[3].prior", "line 4", "line 4.prior"; "" for the whole file. */
  path: string;
  code: FileErrorCode | WorkbookErrorCode;
  /** In a workbook: the sheet, row and column the error is about (path keeps the contest field). */
  cell?: CellPlace;
  expected?: string;
  received?: string;
  detail?: Record<string, string | number>;
};

export type FileResult<T> = { ok: true; value: T } | { ok: false; errors: FileError[] };

export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

const failed = <T>(errors: FileError[]): FileResult<T> => ({ ok: false, errors });

// ---------------------------------------------------------------- JSON syntax position

/** Offset of the first character where `text` stops being JSON (its length when it ends early). */
const jsonErrorOffset = (text: string): number => {
  let at = 0;
  const fail = (): never => {
    throw new RangeError(String(at));
  };
  const skipSpace = (): void => {
    while (at < text.length && " \t\n\r".includes(text.charAt(at))) at++;
  };
  const expect = (literal: string): void => {
    for (const ch of literal) {
      if (text.charAt(at) !== ch) fail();
      at++;
    }
  };
  const string = (): void => {
    expect('"');
    while (text.charAt(at) !== '"') {
      if (at >= text.length || text.charCodeAt(at) < 0x20) fail();
      if (text.charAt(at) === "\\") {
        at++;
        if (text.charAt(at) === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail();
          at += 4;
        } else if (!'"\\/bfnrt'.includes(text.charAt(at)) || at >= text.length) fail();
      }
      at++;
    }
    at++;
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const number = (): void => {
    NUMBER.lastIndex = at;
    if (!NUMBER.test(text)) fail();
    at = NUMBER.lastIndex;
  };
  const list = (close: string, item: () => void): void => {
    at++;
    skipSpace();
    if (text.charAt(at) === close) return void at++;
    for (;;) {
      item();
      skipSpace();
      if (text.charAt(at) === close) return void at++;
      expect(",");
    }
  };
  const value = (): void => {
    skipSpace();
    const ch = text.charAt(at);
    if (ch === "{") {
      list("}", () => {
        skipSpace();
        string();
        skipSpace();
        expect(":");
        value();
      });
    } else if (ch === "[") list("]", value);
    else if (ch === '"') string();
    else if (ch === "t") expect("true");
    else if (ch === "f") expect("false");
    else if (ch === "n") expect("null");
    else number();
  };
  try {
    value();
    skipSpace();
    if (at < text.length) fail();
    return 0;
  } catch (error) {
    if (error instanceof RangeError) return Number(error.message);
    throw error;
  }
};

const syntaxError = (text: string): FileError => {
  const offset = jsonErrorOffset(text);
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  const found = text.charAt(offset);
  return {
    path: `line ${line}`,
    code: "json_syntax",
    ...(found === "" ? { received: "end of file" } : { received: JSON.stringify(found) }),
    detail: { line, column, position: offset },
  };
};

// ---------------------------------------------------------------- unknown keys

const unwrap = (schema: z.ZodType): z.ZodType => {
  let inner = schema;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) {
    inner = inner.unwrap() as z.ZodType;
  }
  return inner;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Keys that the schema does not know; keys starting with "_" or "$" are comments and allowed. */
const unknownKeys = (schema: z.ZodType, value: unknown, path: PropertyKey[] = []): FileError[] => {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    return value.flatMap((item, i) => unknownKeys(inner.element as z.ZodType, item, [...path, i]));
  }
  if (!(inner instanceof z.ZodObject) || !isRecord(value)) return [];
  const shape = inner.shape as Record<string, z.ZodType>;
  return Object.entries(value).flatMap(([key, item]): FileError[] => {
    const field = shape[key];
    if (field) return unknownKeys(field, item, [...path, key]);
    if (key.startsWith("_") || key.startsWith("$")) return [];
    return [{ path: formatPath([...path, key]), code: "unknown_key", received: key, expected: Object.keys(shape).join(", ") }];
  });
};

// ---------------------------------------------------------------- cross-field checks

const duplicates = (names: readonly string[], at: (index: number) => string): FileError[] => {
  const first = new Map<string, number>();
  return names.flatMap((name, i): FileError[] => {
    const seen = first.get(name);
    if (seen === undefined) {
      first.set(name, i);
      return [];
    }
    return [{ path: at(i), code: "duplicate_name", received: name, detail: { name, first: at(seen) } }];
  });
};

const crossChecks = (setup: ContestSetup): FileError[] => {
  const panelNames = setup.panels.map((p) => p.name);
  const presenterNames = new Set(setup.presenters.map((p) => p.name));
  const userIds = new Map<number, number>();
  const judgeErrors = setup.judges.flatMap((judge, i): FileError[] => {
    const errors: FileError[] = [];
    if (judge.panel !== undefined && !panelNames.includes(judge.panel)) {
      errors.push({ path: `judges[${i}].panel`, code: "unknown_panel", received: judge.panel, expected: panelNames.join(", ") });
    }
    judge.conflicts.forEach((name, j) => {
      if (!presenterNames.has(name)) {
        errors.push({ path: `judges[${i}].conflicts[${j}]`, code: "unknown_presenter", received: name });
      }
    });
    if (judge.userId !== undefined) {
      const seen = userIds.get(judge.userId);
      if (seen === undefined) userIds.set(judge.userId, i);
      else errors.push({ path: `judges[${i}].userId`, code: "duplicate_user", received: String(judge.userId), detail: { first: `judges[${seen}].userId` } });
    }
    return errors;
  });
  const named = (list: string, items: readonly { name: string }[]) =>
    duplicates(
      items.map((item) => item.name),
      (i) => `${list}[${i}].name`,
    );
  const criterionNames = setup.criteria.map((c) => c.name);
  const tiebreakErrors = (setup.tiebreak ?? []).flatMap((rule, i): FileError[] =>
    typeof rule === "object" && !criterionNames.includes(rule.criterion)
      ? [{ path: `tiebreak[${i}].criterion`, code: "unknown_criterion", received: rule.criterion, expected: criterionNames.join(", ") }]
      : [],
  );
  return [
    ...named("criteria", setup.criteria),
    ...named("presenters", setup.presenters),
    ...named("panels", setup.panels),
    ...named("prizes", setup.prizes),
    ...named("bands", setup.bands),
    ...named("judges", setup.judges),
    ...judgeErrors,
    ...tiebreakErrors,
  ];
};

const issueErrors = (issues: readonly z.core.$ZodIssue[], pathOf: (issue: z.core.$ZodIssue) => string): FileError[] =>
  issues.map((issue) => ({ path: pathOf(issue), ...describeIssue(issue) }));

const parentOf = (path: string): string => path.replace(/(\.[^.[\]]+|\[\d+\])$/, "");

/** Drops "step_not_divisor" when its criterion has another error: it only echoes that one. */
const withoutEchoes = (errors: readonly FileError[]): FileError[] =>
  errors.filter(
    (e) => e.code !== "step_not_divisor" || !errors.some((other) => other !== e && parentOf(other.path) === parentOf(e.path)),
  );

/**
 * Reads a contest file. Returns the setup only when the whole file is valid: JSON syntax, then
 * unknown keys and the schema (all such errors together), then cross-field checks (duplicate
 * names, judges' panels and conflicts). A leading UTF-8 BOM is ignored.
 */
export const parseContestJson = (text: string): FileResult<ContestSetup> => {
  const source = stripBom(text);
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch {
    return failed([syntaxError(source)]);
  }
  return validateContestObject(raw);
};

/**
 * The checks every contest file passes after its own syntax (JSON, or a workbook's sheets turned
 * into the same object): unknown keys and the schema, then cross-field checks. Paths name fields
 * ("criteria[2].max").
 */
export const validateContestObject = (raw: unknown): FileResult<ContestSetup> => {
  const unknown = unknownKeys(ContestSetupSchema, raw);
  const checked = ContestSetupSchema.safeParse(raw, { reportInput: true });
  const schemaErrors = checked.success ? [] : withoutEchoes(issueErrors(checked.error.issues, (issue) => formatPath(issue.path)));
  if (unknown.length > 0 || !checked.success) return failed([...unknown, ...schemaErrors]);
  const cross = crossChecks(checked.data);
  return cross.length > 0 ? failed(cross) : { ok: true, value: checked.data };
};

// ---------------------------------------------------------------- CSV

export type CsvRecord = { line: number; fields: string[] };

const delimiterOf = (firstLine: string): string =>
  [",", "\t", ";"].find((candidate) => firstLine.includes(candidate)) ?? ",";

/** RFC 4180 records: quoted fields may hold the delimiter, doubled quotes and line breaks. */
export const csvRecords = (text: string): CsvRecord[] | FileError => {
  const delimiter = delimiterOf(text.split(/\r\n|\n|\r/, 1)[0] ?? "");
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endField = (): void => {
    fields.push(field);
    field = "";
  };
  const endRecord = (): void => {
    endField();
    records.push({ line: recordLine, fields });
    fields = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n" || (ch === "\r" && text.charAt(i + 1) !== "\n")) line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (ch === delimiter) endField();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text.charAt(i + 1) === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += ch;
  }
  if (quoted) return { path: `line ${recordLine}`, code: "csv_syntax", expected: '"' };
  if (field !== "" || fields.length > 0) endRecord();
  return records.filter((r) => r.fields.some((f) => f.trim() !== ""));
};

type Column = "name" | "group" | "prior";

const COLUMN_NAMES: Record<string, Column> = {
  name: "name",
  名称: "name",
  单位: "name",
  姓名: "name",
  group: "group",
  分组: "group",
  组别: "group",
  prior: "prior",
  平时成绩: "prior",
  平时: "prior",
};

const withoutTrailingBlanks = (cells: readonly string[]): string[] => {
  const last = cells.findLastIndex((cell) => cell.trim() !== "");
  return cells.slice(0, last + 1);
};

const headerColumns = (header: CsvRecord): Column[] | FileError[] => {
  const errors: FileError[] = [];
  const columns: Column[] = [];
  withoutTrailingBlanks(header.fields).forEach((cell) => {
    const column = COLUMN_NAMES[cell.trim().toLowerCase()];
    const path = `line ${header.line}`;
    if (column === undefined) errors.push({ path, code: "unknown_column", received: cell.trim(), expected: "name, group, prior" });
    else if (columns.includes(column)) errors.push({ path, code: "duplicate_column", received: cell.trim() });
    if (column !== undefined) columns.push(column);
  });
  if (!columns.includes("name")) errors.push({ path: `line ${header.line}`, code: "missing_column", expected: "name" });
  return errors.length > 0 ? errors : columns;
};

const FULL_WIDTH_NUMBER = /[０-９．－＋，]/g;

/**
 * A number typed as text: full-width digits and signs ("８６．５") and thousands separators
 * ("1,000", "１，０００") are read; anything else is not a number.
 */
export const numberOf = (text: string): number | undefined => {
  const plain = text.trim().replace(FULL_WIDTH_NUMBER, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  const digits = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(plain) ? plain.replaceAll(",", "") : plain;
  return /^[+-]?\d+(\.\d+)?$/.test(digits) ? Number(digits) : undefined;
};

type Row = { line: number; presenter: Record<string, unknown> };

const rowOf = (record: CsvRecord, columns: readonly Column[]): Row | FileError => {
  const extra = record.fields.slice(columns.length);
  if (extra.some((f) => f.trim() !== "")) {
    return { path: `line ${record.line}`, code: "too_many_fields", expected: String(columns.length), received: String(record.fields.length) };
  }
  const presenter: Record<string, unknown> = {};
  for (const [i, column] of columns.entries()) {
    const cell = (record.fields[i] ?? "").trim();
    if (cell === "" && column !== "name") continue;
    if (column !== "prior") presenter[column] = cell;
    else if (numberOf(cell) === undefined) return { path: `line ${record.line}.prior`, code: "bad_number", received: cell };
    else presenter[column] = numberOf(cell);
  }
  return { line: record.line, presenter };
};

/**
 * Reads the presenters, in presenting order, from CSV with a header row naming the columns
 * name, group, prior (or 名称/单位/姓名, 分组/组别, 平时成绩/平时); only name is required.
 * Comma, tab or semicolon separated (taken from the header row), quoted fields, CRLF and a
 * leading BOM are accepted; blank lines are skipped. Errors point at "line N" or "line N.field".
 */
export const parsePresentersCsv = (text: string): FileResult<Presenter[]> => {
  const records = csvRecords(stripBom(text));
  if (!Array.isArray(records)) return failed([records]);
  const [header, ...body] = records;
  if (header === undefined || body.length === 0) return failed([{ path: "", code: "empty" }]);
  const columns = headerColumns(header);
  if (!columns.every((c): c is Column => typeof c === "string")) return failed(columns as FileError[]);
  const parsed = body.map((record) => rowOf(record, columns));
  const rows = parsed.filter((p): p is Row => "presenter" in p);
  const rowErrors = parsed.filter((p): p is FileError => "code" in p);
  const lineAt = (index: number): string => `line ${rows[index]?.line ?? rows.at(-1)?.line ?? header.line}`;
  const pathOf = (issue: z.core.$ZodIssue): string => {
    const [index, ...rest] = issue.path;
    if (typeof index === "number") return [lineAt(index), ...rest.map(String)].join(".");
    return lineAt(issue.code === "too_big" ? Number(issue.maximum) : rows.length - 1);
  };
  const checked = ContestSetupSchema.shape.presenters.safeParse(
    rows.map((r) => r.presenter),
    { reportInput: true },
  );
  const schemaErrors = checked.success ? [] : issueErrors(checked.error.issues, pathOf);
  const names = checked.success ? checked.data.map((p) => p.name) : [];
  const errors = [...rowErrors, ...schemaErrors, ...duplicates(names, (i) => `${lineAt(i)}.name`)];
  if (errors.length > 0 || !checked.success) return failed(errors);
  return { ok: true, value: checked.data };
};

// ---------------------------------------------------------------- template

/** A complete sample contest file; samples/contest.sample.json holds the same text. */
export const CONTEST_TEMPLATE_JSON = `{
  "title": "坡头区雄鹰擂台赛",
  "language": "zh-CN",
  "criteria": [
    { "name": "实施性", "max": 30, "step": 1, "description": "对照实施方案，看工作进度与成效" },
    { "name": "创新性", "max": 30, "step": 1, "description": "有无新思路、新举措、新突破" },
    { "name": "持续性", "max": 20, "step": 1, "description": "机制是否长效，能否持续推进" },
    { "name": "推广性", "max": 20, "step": 1, "description": "经验做法能否复制推广" }
  ],
  "presenters": [
    { "name": "坡头镇", "group": "乡镇组", "prior": 88 },
    { "name": "麻斜街道", "group": "乡镇组", "prior": 92 },
    { "name": "南调街道", "group": "乡镇组", "prior": 85 },
    { "name": "区发展和改革局", "group": "部门组", "prior": 90 },
    { "name": "区住房和城乡建设局", "group": "部门组", "prior": 86.5 },
    { "name": "区农业农村局", "group": "部门组", "prior": 93 }
  ],
  "panels": [
    { "name": "区领导", "weight": 70 },
    { "name": "两代表一委员", "weight": 30 }
  ],
  "aggregate": { "method": "trimmed", "trim": 1 },
  "blend": { "live": 60, "prior": 40 },
  "prizes": [
    { "name": "一等奖", "count": 1 },
    { "name": "二等奖", "count": 2 },
    { "name": "三等奖", "count": 3 }
  ],
  "bands": [
    { "name": "红", "min": 90 },
    { "name": "黄", "min": 75 },
    { "name": "黑", "min": 0 }
  ],
  "quorum": 5
}
`;
