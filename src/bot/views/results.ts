// The ranking posted to the group.
import type { Contest } from "../../domain/contest.js";
import type { Standings } from "../../domain/standings.js";
import type { Translate } from "../i18n.js";

export type RankingInput = {
  contest: Contest;
  standings: Standings;
  /** The presenter whose round just closed, marked in the list. */
  justClosed?: number;
  final?: boolean;
};

export const rankingText = (t: Translate, { contest, standings, justClosed, final }: RankingInput): string => {
  const title = t(final ? "results-final-title" : "results-title", { title: contest.setup.title });
  const rows = standings.groups.flatMap((group) => group.rows);
  if (rows.length === 0) return [title, "", t("results-none")].join("\n");
  const lines = [title];
  // With prizes over all groups the final ranking is the overall one, each unit with its group.
  const overall = final ? standings.overall : undefined;
  const lists = overall ? [overall] : standings.groups;
  const showGroups = !overall && (standings.groups.length > 1 || standings.groups.some((g) => g.name !== null));
  const nameOf = (row: (typeof rows)[number]) =>
    overall && row.group !== null ? t("ties-name-with-group", { name: row.name, group: row.group }) : row.name;
  for (const group of lists) {
    lines.push("");
    if (showGroups && group.name !== null) lines.push(t("results-group", { group: group.name }));
    for (const row of group.rows) {
      const base =
        row.rank === null || row.finalText === null
          ? t("results-row-unranked", { name: nameOf(row) })
          : t("results-row", { rank: row.rank, name: nameOf(row), score: row.finalText, ballots: row.counted });
      // Prizes and bands are announced with the final standings, not while rounds are still to come.
      const extras = final ? [row.prize, row.band].filter((x): x is string => !!x) : [];
      const marker = row.presenter === justClosed ? ` ${t("results-marker")}` : "";
      lines.push(`${base}${extras.length ? ` · ${extras.join(" · ")}` : ""}${marker}`);
    }
  }
  return lines.join("\n");
};
