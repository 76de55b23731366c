// Season texts: the standings table per group, one unit's history, the rules, the contest list.
import type { Season, SeasonRow, SeasonStandings, Trend } from "../../domain/season.js";
import type { SeasonExportLabels } from "../../domain/season-export.js";
import { recordText } from "../../domain/season-export.js";
import type { Translate } from "../i18n.js";

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

/** ① … ⑳, then (21), (22), … */
export const contestMark = (index: number): string => CIRCLED[index] ?? `(${index + 1})`;

export const trendMark = (t: Translate, trend: Trend): string =>
  trend === "up" ? "↑" : trend === "down" ? "↓" : trend === "same" ? "=" : t("season-trend-new");

const absentRule = (t: Translate, season: Season): string => t(season.rules.absent === "skip" ? "season-absent-skip" : "season-absent-zero");

const extras = (row: SeasonRow): string => [row.prize, row.band].filter((x): x is string => !!x).map((x) => ` · ${x}`).join("");

export const seasonTableText = (t: Translate, season: Season, standings: SeasonStandings): string => {
  const lines = [
    t(season.status === "closed" ? "season-table-title-closed" : "season-table-title", {
      season: season.name,
      count: standings.contests.length,
      absent: absentRule(t, season),
    }),
    t("season-table-contests", {
      list: standings.contests.map((c, i) => t("season-table-contest", { mark: contestMark(i), title: c.title, weight: String(c.weight) })).join("\n"),
    }),
  ];
  const showGroups = standings.groups.length > 1 || standings.groups.some((g) => g.name !== null);
  for (const group of standings.groups) {
    lines.push("");
    if (showGroups && group.name !== null) lines.push(t("season-group", { group: group.name }));
    for (const row of group.rows) {
      const cells = row.cells.map((cell) => cell?.text ?? "—").join(" · ");
      const vars = { rank: row.rank, name: row.name, score: row.scoreText, cells };
      const text = row.trend ? t("season-row-trend", { ...vars, trend: trendMark(t, row.trend) }) : t("season-row", vars);
      lines.push(`${text}${extras(row)}`);
    }
  }
  lines.push("", t("season-table-legend"));
  return lines.join("\n");
};

export const unitHistoryText = (t: Translate, season: Season, standings: SeasonStandings, entries: { group: string | null; row: SeasonRow }[]): string => {
  const first = entries[0]!.row;
  const lines = [t("season-unit-title", { name: first.name, season: season.name })];
  if (first.formerNames.length > 0) lines.push(t("season-unit-former", { names: first.formerNames.join("、") }));
  for (const { group, row } of entries) {
    lines.push("");
    const trend = row.trend ? trendMark(t, row.trend) : "—";
    lines.push(
      t(group === null ? "season-unit-standing" : "season-unit-standing-group", {
        group: group ?? "",
        rank: row.rank,
        score: row.scoreText,
        trend,
      }) + extras(row),
    );
    row.cells.forEach((cell, i) => {
      const contest = standings.contests[i]!;
      const vars = { mark: contestMark(i), title: contest.title, weight: String(contest.weight) };
      if (!cell) return lines.push(t("season-unit-absent", vars));
      const notes = [cell.band, cell.prize].filter((x): x is string => !!x).map((x) => ` · ${x}`).join("");
      lines.push(t("season-unit-contest", { ...vars, score: cell.text, rank: cell.rank }) + notes);
    });
    lines.push(t("season-unit-record", { record: row.record.length > 0 ? recordText(row.record) : "—" }));
  }
  return lines.join("\n");
};

export const rulesText = (t: Translate, season: Season): string =>
  t("season-rules-show", {
    season: season.name,
    absent: absentRule(t, season),
    bands: season.rules.bands.length > 0 ? season.rules.bands.map((b) => `${b.name} ≥ ${b.min}`).join("、") : t("season-none"),
    prizes: season.rules.prizes.length > 0 ? season.rules.prizes.map((p) => `${p.name} × ${p.count}`).join("、") : t("season-none"),
  });

export const seasonExportLabels = (t: Translate): SeasonExportLabels => ({
  group: t("season-col-group"),
  rank: t("season-col-rank"),
  unit: t("season-col-unit"),
  score: t("season-col-score"),
  contest: (title, weight) => t("season-col-contest", { title, weight: String(weight) }),
  trend: t("season-col-trend"),
  prize: t("season-col-prize"),
  band: t("season-col-band"),
  record: t("season-col-record"),
  taken: t("season-col-taken"),
  formerNames: t("season-col-former"),
  // "=" would start a formula in a spreadsheet (and be defused into "'="): the word instead.
  trends: { up: "↑", down: "↓", same: t("season-trend-same"), new: t("season-trend-new") },
  absent: "—",
});
