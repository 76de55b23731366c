// The contest file as a workbook: the /template workbook built from a setup, and an uploaded
// workbook (already read into plain cells by src/xlsx.ts) turned back into a setup. The import
// goes through the same checks as a JSON contest file (validateContestObject); errors name the
// sheet, row and column as written in the workbook. Nothing is returned unless all of it is valid.
import type { ContestSetup, Grade, Locale, TiebreakRule } from "./contest.js";
import { type CellPlace, type FileError, type FileResult, numberOf, validateContestObject } from "./contest-file.js";
import { gradesOf } from "./setup-lines.js";
import { parseTiebreakLine } from "./tiebreak-line.js";
import {
  type Column,
  type Kind,
  type TableSheet,
  NOTE_MARK,
  SETTINGS,
  SETTINGS_COLUMNS,
  SETTINGS_SHEET,
  TABLE_SHEETS,
  sheetOf,
  spellings,
} from "./workbook-layout.js";
import {
  type Area,
  type Cell,
  type ListValidation,
  type ReadCell,
  type ReadSheet,
  type Row,
  type SheetSpec,
  type WorkbookReadError,
  type WorkbookSpec,
  cellName,
  fitWidths,
} from "./workbook.js";

// ---------------------------------------------------------------- template

/** Rows of the template's table sheets that carry drop-down lists (the header and note rows aside). */
const LIST_ROWS = 500;
const DATA_ROW = 2;

/** The explanation of a column or setting ("criteria.max", "settings.reveal"), in the template's language. */
export type TemplateNote = (key: string) => string;

const valueAt = (object: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), object);

const displayed = (kind: Kind, value: unknown, locale: Locale): Cell | null => {
  if (value === undefined || value === null) return null;
  if (kind.type === "choice") {
    const choice = kind.choices.find((c) => c.value === value);
    return { value: choice ? choice.names[locale] : String(value), style: "text" };
  }
  if (kind.type === "names") return Array.isArray(value) && value.length > 0 ? { value: value.join("、"), style: "text" } : null;
  if (kind.type === "tiebreak") {
    const rules = value as TiebreakRule[];
    return rules.length > 0 ? { value: rules.map((r) => (typeof r === "string" ? TIEBREAK_WORDS[locale][r] : r.criterion)).join("、"), style: "text" } : null;
  }
  if (kind.type === "grades") {
    const grades = value as Grade[];
    return grades.length > 0 ? { value: grades.map((g) => `${g.name} ${g.min}-${g.max}`).join("、"), style: "text" } : null;
  }
  if (typeof value === "number") return { value, style: "number" };
  return { value: String(value), style: "text" };
};

/** How the template writes a tie-break rule (the /tiebreak line words; the import reads both). */
const TIEBREAK_WORDS: Record<Locale, Record<Exclude<TiebreakRule, { criterion: string }>, string>> = {
  "zh-CN": { live: "现场得分", panel: "评委组", chair: "主持人" },
  en: { live: "live", panel: "panel", chair: "chair" },
};

const choiceList = (kind: Kind, locale: Locale): string[] | undefined =>
  kind.type === "choice" ? kind.choices.map((c) => c.names[locale]) : undefined;

const dataArea = (col: number): Area => ({ row: DATA_ROW, col, rows: LIST_ROWS, cols: 1 });

const settingsSheet = (setup: ContestSetup, locale: Locale, note: TemplateNote): SheetSpec => {
  const header: Row = SETTINGS_COLUMNS.map((c) => ({ value: c.names[locale], style: "header" }));
  const notes: Row = SETTINGS_COLUMNS.map((c) => ({ value: `${NOTE_MARK} ${note(`settings.${c.key}`)}`, style: "note" }));
  const rows: Row[] = [header, notes];
  const validations: ListValidation[] = [];
  SETTINGS.forEach((setting, i) => {
    rows.push([
      { value: setting.names[locale], style: "label" },
      displayed(setting.kind, valueAt(setup, setting.path), locale) ?? { value: "", style: "text" },
      { value: note(`settings.${setting.path.join(".")}`), style: "note" },
    ]);
    const list = choiceList(setting.kind, locale);
    if (list) validations.push({ area: { row: DATA_ROW + i, col: 1, rows: 1, cols: 1 }, values: list, strict: true });
  });
  return {
    name: SETTINGS_SHEET[locale],
    rows,
    widths: [...fitWidths(rows.filter((_, r) => r !== 1).map((row) => row.slice(0, 1)), [], 12, 30), 28, 60],
    merges: [],
    freezeRows: 1,
    validations,
    heights: { 1: 30 },
    print: { landscape: false, repeatRows: 1 },
  };
};

const tableSheet = (table: TableSheet, setup: ContestSetup, locale: Locale, note: TemplateNote): SheetSpec => {
  const items = (setup[table.key] ?? []) as readonly Record<string, unknown>[];
  const header: Row = table.columns.map((c) => ({ value: c.names[locale], style: "header" }));
  const notes: Row = table.columns.map((c) => ({ value: `${NOTE_MARK} ${note(`${table.key}.${c.key}`)}`, style: "note" }));
  const data: Row[] = items.map((item) => table.columns.map((c) => displayed(c.kind, item[c.key], locale) ?? { value: "", style: "text" }));
  // A sheet the example contest leaves empty shows an example row marked as a note: read, not imported.
  if (data.length === 0) {
    data.push(table.columns.map((c, i) => ({ value: `${i === 0 ? `${NOTE_MARK} ` : ""}${note(`${table.key}.example.${c.key}`)}`, style: "note" })));
  }
  const validations = table.columns.flatMap((column, col): ListValidation[] => {
    const list = choiceList(column.kind, locale);
    if (list) return [{ area: dataArea(col), values: list, strict: true }];
    if (column.list === "examples") {
      const values = [...new Set(items.map((item) => item[column.key]).filter((v): v is string => typeof v === "string"))];
      return values.length > 0 ? [{ area: dataArea(col), values, strict: false }] : [];
    }
    if (column.list) {
      const source = TABLE_SHEETS.find((t) => t.key === (column.list as { sheet: string }).sheet)!;
      const sourceCol = source.columns.findIndex((c) => c.key === (column.list as { column: string }).column);
      return [{ area: dataArea(col), values: { sheet: source.names[locale], area: dataArea(sourceCol) }, strict: true }];
    }
    return [];
  });
  return {
    name: table.names[locale],
    rows: [header, notes, ...data],
    widths: fitWidths([header, ...data], [], 14, 40),
    merges: [],
    freezeRows: 2,
    validations,
    heights: { 1: 45 },
    print: { landscape: false, repeatRows: 2 },
  };
};

/**
 * The /template workbook: 设置 (one row per setting), then one sheet per list of the contest file
 * (评分项, 汇报单位, 评委, 评审组, 奖项, 等次), each with a header row, a note row and `setup` as
 * the example rows. Names are in `locale`; the import reads either language.
 */
export const contestTemplate = (setup: ContestSetup, locale: Locale, note: TemplateNote, font: string): WorkbookSpec => ({
  font,
  sheets: [settingsSheet(setup, locale, note), ...TABLE_SHEETS.map((table) => tableSheet(table, setup, locale, note))],
});

// ---------------------------------------------------------------- import

type Grid = { sheet: ReadSheet; rows: Map<number, (ReadCell | undefined)[]> };

/** Where each contest field came from: its place for messages, and its cell ("C5") for references. */
type Origin = { place: CellPlace; ref?: string };

type Converted = { ok: true; value: unknown } | { ok: false; error: Omit<FileError, "path" | "cell"> };

const IGNORED_HEADERS = new Set(["说明", "备注", "note", "notes", "remark", "remarks"]);

/** Header text without the marks people add: "满分*", "平时成绩（0–100）", "名称 (必填)". */
const headerKey = (text: string): string =>
  text
    .replace(/[（(][^）)]*[）)]\s*$/, "")
    .replace(/[*＊]+\s*$/, "")
    .trim()
    .toLowerCase();

/** Binary noise of a computed number (0.30000000000000004) is not a third decimal. */
const tidy = (value: number): number => Number(value.toPrecision(15));

const cellText = (cell: ReadCell | undefined): string | undefined => {
  if (!cell || cell.kind === "error") return undefined;
  const text = cell.kind === "number" ? String(tidy(cell.value)) : String(cell.value);
  return text.trim() === "" ? undefined : text.trim();
};

/** A cell that holds something: a value, or a formula error (which must be reported, not skipped). */
const hasContent = (cell: ReadCell | undefined): boolean => cellText(cell) !== undefined || cell?.kind === "error";

/** Names the cells of one sheet may refer to: the criteria of the 评分项 sheet (tie-break rules). */
type Known = { criteria: readonly string[] };

const convert = (kind: Kind, cell: ReadCell, ref: string, locale: Locale, known: Known): Converted => {
  if (cell.kind === "error") {
    return cell.value === ""
      ? { ok: false, error: { code: "formula_no_value", detail: { ref } } }
      : { ok: false, error: { code: "formula_error", detail: { ref, error: cell.value } } };
  }
  const text = cellText(cell) ?? "";
  switch (kind.type) {
    case "text":
      return { ok: true, value: text };
    case "names":
      return { ok: true, value: text.split(/[,，、;；\n]+/).map((s) => s.trim()).filter((s) => s !== "") };
    case "tiebreak": {
      const parsed = parseTiebreakLine(text, known.criteria.map((name) => ({ name })));
      if (parsed.ok) return { ok: true, value: parsed.value };
      const first = parsed.errors[0]!;
      return { ok: false, error: { code: "bad_tiebreak", detail: { item: first.item || text, known: known.criteria.join("、") } } };
    }
    case "grades": {
      const grades = gradesOf(text);
      return Array.isArray(grades) ? { ok: true, value: grades } : { ok: false, error: { code: "bad_grades", received: grades.bad } };
    }
    case "number": {
      const value = cell.kind === "number" ? tidy(cell.value) : cell.kind === "text" ? numberOf(text) : undefined;
      return value === undefined
        ? { ok: false, error: { code: "expected_number", expected: kind.expect, received: text } }
        : { ok: true, value };
    }
    case "choice": {
      const wanted = text.toLowerCase();
      const choice =
        kind.choices.find((c) => cell.kind === "boolean" && c.value === cell.value) ??
        kind.choices.find((c) => [...spellings(c.names, String(c.value)), ...(c.aliases ?? [])].includes(wanted));
      return choice
        ? { ok: true, value: choice.value }
        : { ok: false, error: { code: "not_one_of", expected: kind.choices.map((c) => c.names[locale]).join(" / "), received: text } };
    }
  }
};

/** Rows by number, with each vertically merged block filled from its top cell; wider merges are refused. */
const gridOf = (sheet: ReadSheet, errors: FileError[]): Grid => {
  const rows = new Map(sheet.rows.map((r) => [r.row, [...r.cells]]));
  for (const area of sheet.merges) {
    const ref = `${cellName(area.row, area.col)}:${cellName(area.row + area.rows - 1, area.col + area.cols - 1)}`;
    if (area.cols > 1) {
      errors.push({ path: "", code: "merged_cells", cell: { sheet: sheet.name, row: area.row + 1 }, detail: { ref } });
      continue;
    }
    const top = rows.get(area.row + 1)?.[area.col];
    if (!top) continue;
    for (let r = area.row + 2; r <= area.row + area.rows; r++) {
      const cells = rows.get(r) ?? [];
      cells[area.col] ??= top;
      rows.set(r, cells);
    }
  }
  return { sheet, rows };
};

const isNoteRow = (cells: readonly (ReadCell | undefined)[]): boolean => {
  const first = cells.find((c) => cellText(c) !== undefined);
  return first?.kind === "text" && first.value.trim().startsWith(NOTE_MARK);
};

type Table = {
  /** The header text of each known column as written, by column index. */
  columns: Map<number, { column: Column; header: string }>;
  /** Data rows in order: row number and cells. */
  body: { row: number; cells: (ReadCell | undefined)[] }[];
};

const readTable = (grid: Grid, columns: readonly Column[], locale: Locale, errors: FileError[]): Table | undefined => {
  const numbers = [...grid.rows.keys()].filter((n) => grid.rows.get(n)!.some(hasContent)).sort((a, b) => a - b);
  const [headerRow, ...rest] = numbers;
  const name = grid.sheet.name;
  if (headerRow === undefined) return undefined;
  const found = new Map<number, { column: Column; header: string }>();
  const where = { sheet: name, row: headerRow };
  grid.rows.get(headerRow)!.forEach((cell, col) => {
    const header = cellText(cell);
    if (header === undefined || IGNORED_HEADERS.has(headerKey(header))) return;
    const column = columns.find((c) => spellings(c.names, c.key).includes(headerKey(header)));
    if (!column) {
      const expected = columns.map((c) => c.names[locale]).join("、");
      errors.push({ path: "", code: "unknown_column", cell: where, received: header, expected });
    } else if ([...found.values()].some((f) => f.column === column)) {
      errors.push({ path: "", code: "duplicate_column", cell: where, received: header });
    } else found.set(col, { column, header });
  });
  const nameColumn = columns[0]!;
  if (![...found.values()].some((f) => f.column === nameColumn)) {
    errors.push({ path: "", code: "missing_column", cell: where, expected: nameColumn.names[locale] });
  }
  const body = rest.map((row) => ({ row, cells: grid.rows.get(row)! })).filter((r) => !isNoteRow(r.cells));
  // A value under an empty header cell would be lost silently; under an unknown header it is reported once, above.
  const headers = grid.rows.get(headerRow)!;
  for (const { row, cells } of body) {
    cells.forEach((cell, col) => {
      if (hasContent(cell) && cellText(headers[col]) === undefined) {
        errors.push({ path: "", code: "no_header", cell: { sheet: name, row }, detail: { ref: cellName(row - 1, col) } });
      }
    });
  }
  return { columns: found, body };
};

const setAt = (object: Record<string, unknown>, path: readonly string[], value: unknown): void => {
  const last = path.at(-1)!;
  let target = object;
  for (const key of path.slice(0, -1)) {
    target[key] ??= {};
    target = target[key] as Record<string, unknown>;
  }
  target[last] = value;
};

const parentPath = (path: string): string => path.replace(/(\.[^.[\]]+|\[\d+\])$/, "");

const samePlace = (a: CellPlace | undefined, b: CellPlace | undefined): boolean =>
  !!a && !!b && a.sheet === b.sheet && a.row === b.row && a.column === b.column;

/**
 * Reads a contest setup from a workbook's sheets (in either language). Header rows name the
 * columns; note rows (starting with ※), blank rows and note columns are skipped; numbers typed as
 * text and full-width digits are read; a formula gives its saved result; a vertically merged block
 * gives its value to every row. Errors name the sheet, row and column.
 */
export const parseContestWorkbook = (sheets: readonly ReadSheet[]): FileResult<ContestSetup> => {
  const errors: FileError[] = [];
  const origins = new Map<string, Origin>();
  const raw: Record<string, unknown> = {};
  const known = sheets.map((sheet) => ({ sheet, found: sheetOf(sheet.name) }));
  const locale: Locale = known.find((k) => k.found)?.found?.locale ?? "zh-CN";
  const allNames = [SETTINGS_SHEET[locale], ...TABLE_SHEETS.map((t) => t.names[locale])].join("、");
  const seen = new Map<TableSheet | "settings", string>();

  const settingsGrids: Grid[] = [];
  for (const { sheet, found } of known) {
    if (!found) {
      errors.push({ path: "", code: "unknown_sheet", cell: { sheet: sheet.name }, received: sheet.name, expected: allNames });
      continue;
    }
    const first = seen.get(found.sheet);
    if (first !== undefined) {
      errors.push({ path: "", code: "duplicate_sheet", cell: { sheet: sheet.name }, detail: { first } });
      continue;
    }
    seen.set(found.sheet, sheet.name);
    const grid = gridOf(sheet, errors);
    if (found.sheet === "settings") settingsGrids.push(grid);
    else readItems(grid, found.sheet, locale, raw, origins, errors);
  }
  // Settings last: a tie-break rule may name a criterion of the 评分项 sheet.
  const criteria = ((raw.criteria ?? []) as { name?: unknown }[]).flatMap((c) => (typeof c.name === "string" ? [c.name] : []));
  for (const grid of settingsGrids) readSettings(grid, locale, raw, origins, errors, { criteria });
  if (!seen.has("settings")) errors.push({ path: "", code: "missing_sheet", expected: SETTINGS_SHEET[locale] });

  const checked = validateContestObject(raw);
  const located = checked.ok ? [] : checked.errors.map((error) => locate(error, origins, locale));
  const all = [...errors, ...located.filter((e) => !errors.some((first) => samePlace(first.cell, e.cell)))];
  if (all.length > 0 || !checked.ok) return { ok: false, errors: all.length > 0 ? all : located };
  return checked;
};

const locate = (error: FileError, origins: Map<string, Origin>, locale: Locale): FileError => {
  let path = error.path;
  let origin = origins.get(path);
  while (!origin && path !== "") {
    const parent = parentPath(path);
    path = parent === path ? "" : parent;
    origin = origins.get(path);
  }
  const first = typeof error.detail?.first === "string" ? origins.get(error.detail.first)?.ref : undefined;
  const detail = first ? { ...error.detail, first } : error.detail;
  return {
    ...error,
    ...(detail ? { detail } : {}),
    cell: origin?.place ?? { sheet: SETTINGS_SHEET[locale] },
  };
};

const readSettings = (
  grid: Grid,
  locale: Locale,
  raw: Record<string, unknown>,
  origins: Map<string, Origin>,
  errors: FileError[],
  known: Known,
): void => {
  const name = grid.sheet.name;
  // Settings not given in the workbook still get a place for messages: the sheet and the setting.
  for (const setting of SETTINGS) {
    const place = { sheet: name, column: setting.names[locale] };
    origins.set(setting.path.join("."), { place });
    if (setting.path.length > 1) origins.set(setting.path[0]!, { place });
  }
  const table = readTable(grid, SETTINGS_COLUMNS, locale, errors);
  if (!table) return;
  const columnOf = (key: string) => [...table.columns].find(([, f]) => f.column.key === key);
  const valueColumn = columnOf("value");
  const settingColumn = columnOf("setting");
  if (!valueColumn || !settingColumn) {
    if (!valueColumn) errors.push({ path: "", code: "missing_column", cell: { sheet: name }, expected: SETTINGS_COLUMNS[1]!.names[locale] });
    return;
  }
  const given = new Map<string, number>();
  for (const { row, cells } of table.body) {
    const label = cellText(cells[settingColumn[0]]);
    const cell = cells[valueColumn[0]];
    if (label === undefined) {
      if (cellText(cell) !== undefined || cell?.kind === "error") {
        errors.push({ path: "", code: "required", cell: { sheet: name, row, column: settingColumn[1].header } });
      }
      continue;
    }
    const setting = SETTINGS.find((s) => spellings(s.names, s.path.join(".")).includes(headerKey(label)));
    if (!setting) {
      const expected = SETTINGS.map((s) => s.names[locale]).join("、");
      errors.push({ path: "", code: "unknown_setting", cell: { sheet: name, row, column: settingColumn[1].header }, received: label, expected });
      continue;
    }
    const key = setting.path.join(".");
    const ref = cellName(row - 1, valueColumn[0]);
    const place = { sheet: name, row, column: label };
    const earlier = given.get(key);
    if (earlier !== undefined) {
      errors.push({ path: key, code: "duplicate_name", cell: place, detail: { first: cellName(earlier - 1, settingColumn[0]) } });
      continue;
    }
    given.set(key, row);
    origins.set(key, { place, ref });
    if (setting.path.length > 1 && !raw[setting.path[0]!]) origins.set(setting.path[0]!, { place, ref });
    if (!cell || (cellText(cell) === undefined && cell.kind !== "error")) continue;
    const converted = convert(setting.kind, cell, ref, locale, known);
    if (converted.ok) setAt(raw, setting.path, converted.value);
    else errors.push({ path: key, ...converted.error, cell: place });
  }
};

const readItems = (
  grid: Grid,
  sheet: TableSheet,
  locale: Locale,
  raw: Record<string, unknown>,
  origins: Map<string, Origin>,
  errors: FileError[],
): void => {
  const name = grid.sheet.name;
  origins.set(sheet.key, { place: { sheet: name } });
  const table = readTable(grid, sheet.columns, locale, errors);
  const items: Record<string, unknown>[] = [];
  raw[sheet.key] = items;
  if (!table) return;
  table.body.forEach(({ row, cells }, index) => {
    const item: Record<string, unknown> = {};
    const at = `${sheet.key}[${index}]`;
    origins.set(at, { place: { sheet: name, row } });
    for (const [col, { column, header }] of table.columns) {
      const ref = cellName(row - 1, col);
      const place = { sheet: name, row, column: header };
      origins.set(`${at}.${column.key}`, { place, ref });
      const cell = cells[col];
      if (!cell || (cellText(cell) === undefined && cell.kind !== "error")) continue;
      const converted = convert(column.kind, cell, ref, locale, { criteria: [] });
      if (converted.ok) item[column.key] = converted.value;
      else errors.push({ path: `${at}.${column.key}`, ...converted.error, cell: place });
    }
    items.push(item);
  });
};

/** A workbook that could not be read at all, as a file error. */
export const workbookReadError = (error: WorkbookReadError): FileError => {
  switch (error.code) {
    case "not_xlsx":
      return { path: "", code: "not_xlsx" };
    case "unpacked_too_large":
      return { path: "", code: "unpacked_too_large", detail: { limit: String(Math.round(error.limit / (1024 * 1024))) } };
    case "too_many_rows":
    case "too_many_columns":
      return { path: "", code: error.code, cell: { sheet: error.sheet }, detail: { limit: String(error.limit) } };
  }
};
