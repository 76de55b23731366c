// A spreadsheet as plain data, both ways: what the domain asks to be written (sheets of styled
// cells, merges, frozen rows, list validations, print setup) and what a read workbook hands back
// (sheets of typed cells). Only src/xlsx.ts turns these into XLSX bytes and back.

/** How a written cell looks; numbers with "decimal2" show two decimals, "integer" none, "number" as typed. */
export type CellStyle =
  | "number"
  | "title"
  | "subtitle"
  | "header"
  | "note"
  | "text"
  | "integer"
  | "decimal2"
  | "line"
  | "label"
  | "signature";

export type Cell = { value: string | number; style?: CellStyle };

/** A row of cells; null leaves the cell empty (unstyled). */
export type Row = (Cell | null)[];

/** A block of cells, 0-based. */
export type Area = { row: number; col: number; rows: number; cols: number };

/** A drop-down list on some cells of one column: fixed values, or the values of a column range. */
export type ListValidation = {
  area: Area;
  /** Fixed values (together at most 255 characters, no commas), or cells of another sheet. */
  values: string[] | { sheet: string; area: Area };
  /** true: other values are refused; false: the list only suggests. */
  strict: boolean;
};

export type PrintSetup = {
  landscape: boolean;
  /** Top rows printed again on every page (0 for none). */
  repeatRows: number;
};

export type SheetSpec = {
  name: string;
  rows: Row[];
  /** Column widths in characters (a CJK character counts two). */
  widths: number[];
  merges: Area[];
  /** Top rows that stay visible while scrolling. */
  freezeRows: number;
  validations: ListValidation[];
  /** Row heights in points, by 0-based row, for rows that wrap text. */
  heights?: Record<number, number>;
  /** Every sheet prints on A4, fit to one page wide. */
  print: PrintSetup;
};

export type WorkbookSpec = { sheets: SheetSpec[]; font: string };

// ---------------------------------------------------------------- read side

/** A read cell's value; `formula` says it was computed (its value is Excel's saved result). */
export type ReadCell =
  | { kind: "number"; value: number; formula: boolean }
  | { kind: "text"; value: string; formula: boolean }
  | { kind: "boolean"; value: boolean; formula: boolean }
  /** A formula error such as #DIV/0!, or a formula saved without its result. */
  | { kind: "error"; value: string; formula: boolean };

/** One row as read: its 1-based row number as Excel shows it, cells by 0-based column. */
export type ReadRow = { row: number; cells: (ReadCell | undefined)[] };

export type ReadSheet = { name: string; rows: ReadRow[]; merges: Area[] };

/** Why a workbook could not be read at all (before any of its content is looked at). */
export type WorkbookReadError =
  | { code: "not_xlsx" }
  | { code: "unpacked_too_large"; limit: number }
  | { code: "too_many_rows"; sheet: string; limit: number }
  | { code: "too_many_columns"; sheet: string; limit: number };

export type WorkbookReadResult = { ok: true; sheets: ReadSheet[] } | { ok: false; error: WorkbookReadError };

// ---------------------------------------------------------------- helpers

/** "A" for 0, "Z" for 25, "AA" for 26. */
export const columnLetter = (col: number): string => {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
};

/** "C5" for row 4, column 2 (0-based). */
export const cellName = (row: number, col: number): string => `${columnLetter(col)}${row + 1}`;

/** Display width of text in characters: CJK and other full-width characters count two. */
const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

export const textWidth = (text: string): number => {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += WIDE.some(([from, to]) => code >= from && code <= to) ? 2 : 1;
  }
  return width;
};

/**
 * Column widths that fit the cells' text (numbers as shown with two decimals), between `min` and
 * `max` characters, ignoring the cells of `skip` (merged titles and lines span many columns).
 */
export const fitWidths = (rows: readonly Row[], skip: readonly Area[] = [], min = 6, max = 48): number[] => {
  const skipped = (r: number, c: number) => skip.some((a) => r >= a.row && r < a.row + a.rows && c >= a.col && c < a.col + a.cols);
  const widths: number[] = [];
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell || skipped(r, c)) return;
      const text = typeof cell.value === "number" ? cell.value.toFixed(2) : cell.value;
      const longest = Math.max(...text.split("\n").map(textWidth));
      widths[c] = Math.max(widths[c] ?? min, Math.min(max, longest + 2));
    }),
  );
  return Array.from(widths, (w) => w ?? min);
};
