// The season's standings and colour records as a table: CSV, and a workbook (two sheets: the
// standings, the colour records) that src/xlsx.ts writes. Pure: the caller loads the season and
// translates the labels.
import { toCsv, type CsvCell } from "./export.js";
import type { SeasonStandings, Trend } from "./season.js";
import { type Cell, type Row, type SheetSpec, type WorkbookSpec, fitWidths } from "./workbook.js";

export type SeasonExportLabels = {
  group: string;
  rank: string;
  unit: string;
  score: string;
  /** Header of a contest's column, e.g. "五月评议（权重 1）". */
  contest: (title: string, weight: number) => string;
  trend: string;
  prize: string;
  band: string;
  record: string;
  taken: string;
  formerNames: string;
  trends: Record<Trend, string>;
  absent: string;
};

/** "红 2 · 黄 1" */
export const recordText = (record: readonly { band: string; count: number }[]): string =>
  record.map((entry) => `${entry.band} ${entry.count}`).join(" · ");

/** One row per unit and group: rank, season score, one column per contest ("—" absent), trend, prize, band, colour record. */
export const seasonRows = (standings: SeasonStandings, labels: SeasonExportLabels): CsvCell[][] => {
  const header = [
    labels.group,
    labels.rank,
    labels.unit,
    labels.score,
    ...standings.contests.map((c) => labels.contest(c.title, c.weight)),
    labels.trend,
    labels.prize,
    labels.band,
    labels.record,
    labels.taken,
    labels.formerNames,
  ];
  const rows = standings.groups.flatMap((group) =>
    group.rows.map((row) => [
      group.name ?? "",
      row.rank,
      row.name,
      row.scoreText,
      ...row.cells.map((cell) => cell?.text ?? labels.absent),
      row.trend ? labels.trends[row.trend] : "",
      row.prize ?? "",
      row.band ?? "",
      recordText(row.record),
      row.cells.filter((cell) => cell !== null).length,
      row.formerNames.join("、"),
    ]),
  );
  return [header, ...rows];
};

export const seasonCsv = (standings: SeasonStandings, labels: SeasonExportLabels): string => toCsv(seasonRows(standings, labels));

export type SeasonWorkbookLabels = {
  /** Sheet names: the standings, the colour records. */
  sheets: { standings: string; record: string };
  /** Title row of the standings sheet, e.g. "2026年度综合考评 赛季总排名（缺席不计入）". */
  title: string;
  font: string;
};

const text = (value: string): Cell => ({ value, style: "text" });
const header = (values: readonly string[]): Row => values.map((value) => ({ value, style: "header" }));

const sheet = (name: string, rows: Row[], title: boolean): SheetSpec => {
  const cols = Math.max(...rows.map((row) => row.length));
  const merges = title ? [{ row: 0, col: 0, rows: 1, cols }] : [];
  return {
    name,
    rows,
    widths: fitWidths(rows, merges),
    merges,
    freezeRows: title ? 2 : 1,
    validations: [],
    print: { landscape: true, repeatRows: title ? 2 : 1 },
  };
};

/**
 * The season as a workbook: the standings sheet has every column of the CSV (scores as numbers
 * shown with two decimals, "—" for absent), the record sheet each unit's band in every contest and
 * how many times it got each band of the season.
 */
export const seasonWorkbook = (standings: SeasonStandings, bands: readonly string[], labels: SeasonExportLabels, book: SeasonWorkbookLabels): WorkbookSpec => {
  const [head = [], ...body] = seasonRows(standings, labels);
  const width = head.length;
  const scoreColumns = new Set([3, ...standings.contests.map((_, i) => 4 + i)]);
  const standingsRows: Row[] = [
    [{ value: book.title, style: "title" }, ...Array.from({ length: width - 1 }, (): Cell => ({ value: "", style: "title" }))],
    header(head.map(String)),
    ...body.map((row) =>
      row.map((cell, c): Cell => {
        if (typeof cell === "number") return { value: cell, style: "integer" };
        const value = cell ?? "";
        return scoreColumns.has(c) && /^\d+\.\d{2}$/.test(value) ? { value: Number(value), style: "decimal2" } : text(value);
      }),
    ),
  ];
  // The season's bands in their order, then any other band a contest gave.
  const bandNames = [...new Set([...bands, ...standings.groups.flatMap((g) => g.rows.flatMap((r) => r.record.map((e) => e.band)))])];
  const recordRows: Row[] = [
    header([labels.group, labels.unit, ...standings.contests.map((c) => labels.contest(c.title, c.weight)), ...bandNames]),
    ...standings.groups.flatMap((group) =>
      group.rows.map((row): Row => [
        text(group.name ?? ""),
        text(row.name),
        ...row.cells.map((cell) => text(cell ? (cell.band ?? "") : labels.absent)),
        ...bandNames.map((band): Cell => ({ value: row.record.find((e) => e.band === band)?.count ?? 0, style: "integer" })),
      ]),
    ),
  ];
  return { font: book.font, sheets: [sheet(book.sheets.standings, standingsRows, true), sheet(book.sheets.record, recordRows, false)] };
};
