// The season's standings and colour records as rows of a table (CSV now; any sheet writer can
// take the same rows). Pure: the caller loads the season and translates the labels.
import { toCsv, type CsvCell } from "./export.js";
import type { SeasonStandings, Trend } from "./season.js";

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
