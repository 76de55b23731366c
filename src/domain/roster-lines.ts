// The chair's roster, as lines after /judges or as a CSV file. Nothing partially valid is returned:
// every bad line is named with what is wrong, and the roster is stored only when all are right.
//   /judges  <name> | <panel> [| observer] [| conflicts: <presenter>, …]
//            张伟 | 区领导 · 李娜 | 两代表一委员 | 观察员 · 王强 | 区领导 | 回避：坡头镇、南调街道
//   CSV      name,panel,observer,conflicts,userId  (or 姓名,评委组,观察员,回避,用户ID)
import { z } from "zod";
import type { ContestSetup } from "./contest.js";
import { csvRecords, stripBom, type CsvRecord } from "./contest-file.js";
import { sameName } from "./seats.js";

/** Most entries a roster may hold. */
export const MAX_ROSTER = 500;

export const ROSTER_LINE_CODES = [
  "empty",
  "missing_name",
  "name_too_long",
  "too_many_fields",
  "missing_panel",
  "unknown_panel",
  "unknown_field",
  "unknown_presenter",
  "duplicate_name",
  "already_listed",
  "duplicate_user",
  "bad_user_id",
  "too_many",
  "csv_syntax",
  "unknown_column",
  "missing_column",
] as const;
export type RosterLineCode = (typeof ROSTER_LINE_CODES)[number];

export type RosterLineError = { line: number; text: string; code: RosterLineCode; detail?: Record<string, string | number> };

/** One judge of the roster as the chair listed them; panel is an index into setup.panels. */
export const RosterLineSchema = z.object({
  name: z.string().trim().min(1).max(80),
  panel: z.number().int().min(0),
  observer: z.boolean(),
  conflicts: z.array(z.string()),
  userId: z.number().int().positive().optional(),
});
export type RosterLine = z.infer<typeof RosterLineSchema>;

export type RosterResult = { ok: true; value: RosterLine[] } | { ok: false; errors: RosterLineError[] };

/** Raw fields of one judge before they are checked against the contest. */
type RawJudge = { name: string; panel: string; observer: boolean; conflicts: string[]; userId?: string; unknown: string[] };
type Problem = { code: RosterLineCode; detail?: Record<string, string | number> };

/** Words that mark an observer on a line; a CSV cell may also say yes/true/1/是. */
const OBSERVER_WORDS = new Set(["observer", "观察员", "列席"]);
const YES_WORDS = new Set([...OBSERVER_WORDS, "yes", "y", "true", "1", "是"]);
const CONFLICT_PREFIX = /^(conflicts?|回避)\s*[:：]\s*/i;
const splitList = (text: string): string[] =>
  text
    .split(/[,，、;；]/)
    .map((s) => s.trim())
    .filter(Boolean);
const collapse = (text: string): string => text.split(/\s+/).filter(Boolean).join(" ");

const rawOfLine = (text: string): RawJudge | Problem => {
  const parts = text.split(/[|｜]/).map(collapse);
  if (parts.length > 4) return { code: "too_many_fields", detail: { limit: 4 } };
  const [name = "", ...rest] = parts;
  const raw: RawJudge = { name, panel: "", observer: false, conflicts: [], unknown: [] };
  rest.forEach((field, i) => {
    if (field === "") return;
    if (CONFLICT_PREFIX.test(field)) raw.conflicts = splitList(field.replace(CONFLICT_PREFIX, ""));
    else if (OBSERVER_WORDS.has(field.toLowerCase())) raw.observer = true;
    else if (i === 0) raw.panel = field;
    else raw.unknown.push(field);
  });
  return raw;
};

/** Checks one judge against the contest: its panel and conflicts must exist. */
const checkRaw = (raw: RawJudge, setup: ContestSetup): RosterLine | Problem => {
  if (raw.name === "") return { code: "missing_name" };
  if (raw.name.length > 80) return { code: "name_too_long", detail: { limit: 80 } };
  if (raw.unknown.length > 0) return { code: "unknown_field", detail: { value: raw.unknown[0]! } };
  const panelNames = setup.panels.map((p) => p.name).join("、") || "—";
  let panel = 0;
  if (raw.panel !== "") {
    panel = setup.panels.findIndex((p) => sameName(p.name, raw.panel));
    if (panel < 0) return { code: "unknown_panel", detail: { value: raw.panel, panels: panelNames } };
  } else if (setup.panels.length > 1) return { code: "missing_panel", detail: { panels: panelNames } };
  const conflicts: string[] = [];
  for (const wanted of raw.conflicts) {
    const presenter = setup.presenters.find((p) => sameName(p.name, wanted));
    if (!presenter) return { code: "unknown_presenter", detail: { value: wanted } };
    conflicts.push(presenter.name);
  }
  let userId: number | undefined;
  if (raw.userId !== undefined && raw.userId !== "") {
    if (!/^\d{1,16}$/.test(raw.userId) || Number(raw.userId) <= 0) return { code: "bad_user_id", detail: { value: raw.userId } };
    userId = Number(raw.userId);
  }
  return { name: raw.name, panel, observer: raw.observer, conflicts, ...(userId === undefined ? {} : { userId }) };
};

type Numbered<T> = { line: number; text: string; value: T };

/** Every row checked, duplicates (within the list and against `existing`) refused, or every error. */
const finish = (
  rows: Numbered<RawJudge | Problem>[],
  setup: ContestSetup,
  existing: readonly { name: string; userId?: number | undefined }[],
): RosterResult => {
  if (rows.length === 0) return { ok: false, errors: [{ line: 1, text: "", code: "empty" }] };
  const errors: RosterLineError[] = [];
  const value: RosterLine[] = [];
  const firstName = new Map<string, number>();
  const firstUser = new Map<number, number>();
  for (const row of rows) {
    const checked = "code" in row.value ? row.value : checkRaw(row.value, setup);
    if ("code" in checked) {
      errors.push({ line: row.line, text: row.text, ...checked });
      continue;
    }
    const key = checked.name.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
    const seen = firstName.get(key);
    if (seen !== undefined) errors.push({ line: row.line, text: row.text, code: "duplicate_name", detail: { name: checked.name, first: seen } });
    else if (existing.some((e) => sameName(e.name, checked.name)))
      errors.push({ line: row.line, text: row.text, code: "already_listed", detail: { name: checked.name } });
    else if (checked.userId !== undefined && (firstUser.has(checked.userId) || existing.some((e) => e.userId === checked.userId)))
      errors.push({ line: row.line, text: row.text, code: "duplicate_user", detail: { value: checked.userId } });
    else {
      firstName.set(key, row.line);
      if (checked.userId !== undefined) firstUser.set(checked.userId, row.line);
      value.push(RosterLineSchema.parse(checked));
    }
  }
  if (errors.length === 0 && existing.length + value.length > MAX_ROSTER)
    errors.push({ line: rows.at(-1)!.line, text: rows.at(-1)!.text, code: "too_many", detail: { limit: MAX_ROSTER } });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
};

/** `/judges` lines: `<name> | <panel> [| observer] [| conflicts: a, b]`. */
export const parseRosterLines = (
  body: string,
  setup: ContestSetup,
  existing: readonly { name: string; userId?: number | undefined }[] = [],
): RosterResult => {
  const rows = body
    .split(/\r\n|\r|\n/)
    .map((text, i) => ({ line: i + 1, text: text.trim() }))
    .filter((l) => l.text !== "")
    .map((l) => ({ ...l, value: rawOfLine(l.text) }));
  return finish(rows, setup, existing);
};

type Column = "name" | "panel" | "observer" | "conflicts" | "userId";
const COLUMNS: Record<string, Column> = {
  name: "name",
  姓名: "name",
  名字: "name",
  panel: "panel",
  评委组: "panel",
  组别: "panel",
  observer: "observer",
  观察员: "observer",
  conflicts: "conflicts",
  回避: "conflicts",
  userid: "userId",
  user_id: "userId",
  用户id: "userId",
};

const rawOfRecord = (record: CsvRecord, columns: readonly (Column | undefined)[]): RawJudge | Problem => {
  const raw: RawJudge = { name: "", panel: "", observer: false, conflicts: [], unknown: [] };
  if (record.fields.slice(columns.length).some((f) => f.trim() !== "")) return { code: "too_many_fields", detail: { limit: columns.length } };
  columns.forEach((column, i) => {
    const cell = collapse(record.fields[i] ?? "");
    if (column === "name") raw.name = cell;
    if (column === "panel") raw.panel = cell;
    if (column === "observer") raw.observer = YES_WORDS.has(cell.toLowerCase());
    if (column === "conflicts") raw.conflicts = splitList(cell);
    if (column === "userId") raw.userId = cell;
  });
  return raw;
};

/** A roster CSV with a header row (name required; panel, observer, conflicts, userId optional). */
export const parseRosterCsv = (
  text: string,
  setup: ContestSetup,
  existing: readonly { name: string; userId?: number | undefined }[] = [],
): RosterResult => {
  const records = csvRecords(stripBom(text));
  if (!Array.isArray(records)) return { ok: false, errors: [{ line: Number(records.path.replace(/\D/g, "")) || 1, text: "", code: "csv_syntax" }] };
  const [header, ...body] = records.filter((r) => r.fields.some((f) => f.trim() !== ""));
  if (!header) return { ok: false, errors: [{ line: 1, text: "", code: "empty" }] };
  const headerText = header.fields.join(",");
  const cells = header.fields.map((f) => f.trim());
  const last = cells.findLastIndex((c) => c !== "");
  const columns = cells.slice(0, last + 1).map((cell) => COLUMNS[cell.toLowerCase().replace(/\s+/g, "")]);
  const unknown = cells.slice(0, last + 1).find((cell, i) => columns[i] === undefined);
  if (unknown !== undefined) return { ok: false, errors: [{ line: header.line, text: headerText, code: "unknown_column", detail: { value: unknown } }] };
  if (!columns.includes("name")) return { ok: false, errors: [{ line: header.line, text: headerText, code: "missing_column", detail: { value: "name" } }] };
  const rows = body.map((record) => ({ line: record.line, text: record.fields.join(","), value: rawOfRecord(record, columns) }));
  return finish(rows, setup, existing);
};
