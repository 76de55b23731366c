// Seasons: the contests of a year add up to one standings table. A season holds a frozen snapshot
// of each added contest's final results; this module is the maths over those snapshots (exact,
// rounded half up only when shown, ties sharing a rank as in a contest). See docs/scoring.md §12.
import { z } from "zod";
import { BandSchema, ContestIdSchema, ContestSeasonSchema, PrizeSchema, SeasonWeightSchema, type Band } from "./contest.js";

export { SeasonWeightSchema };
import { type Rational, div, formatHalfUp, fromDecimal, mul, rational, scaleHalfUp, sum } from "./rational.js";
import { bandFor, prizeFor, sharedRanks, type Standings } from "./standings.js";

export const SeasonIdSchema = ContestIdSchema;

/** A unit that missed a contest: `skip` renormalises its weights, `zero` counts the contest as 0. */
export const AbsentRuleSchema = z.enum(["skip", "zero"]);
export type AbsentRule = z.infer<typeof AbsentRuleSchema>;

export const SeasonNameSchema = ContestSeasonSchema.shape.name;
export const UnitNameSchema = z.string().trim().min(1).max(80);

export const SeasonRulesSchema = z.object({
  absent: AbsentRuleSchema.default("skip"),
  bands: z.array(BandSchema).max(20).default([]),
  prizes: z.array(PrizeSchema).max(20).default([]),
});
export type SeasonRules = z.infer<typeof SeasonRulesSchema>;

/** An exact score as stored: "n/d" in lowest terms. */
export const ExactScoreSchema = z.string().regex(/^-?\d{1,60}\/[1-9]\d{0,60}$/);

export const exactText = (value: Rational): string => `${value.n}/${value.d}`;

export const parseExact = (text: string): Rational => {
  const [n = "0", d = "1"] = ExactScoreSchema.parse(text).split("/");
  return rational(BigInt(n), BigInt(d));
};

/** One unit's final result in a contest, as the contest posted it at /finish. */
export const SnapshotRowSchema = z.object({
  name: UnitNameSchema,
  group: z.string().min(1).max(40).nullable(),
  rank: z.number().int().min(1),
  final: ExactScoreSchema,
  band: z.string().max(40).optional(),
  prize: z.string().max(40).optional(),
});
export type SnapshotRow = z.infer<typeof SnapshotRowSchema>;

/** A contest's final results frozen into a season: later changes to the contest do not reach it. */
export const ContestSnapshotSchema = z.object({
  contestId: ContestIdSchema,
  chatId: z.number().int(),
  title: z.string().min(1).max(120),
  /** When the contest finished (ms); contests are ordered by it. */
  finishedAt: z.number().int(),
  weight: SeasonWeightSchema,
  /** Whether the contest's ranking was public at its end (release policy). */
  public: z.boolean(),
  addedAt: z.number().int(),
  addedBy: z.number().int(),
  rows: z.array(SnapshotRowSchema).max(1000),
});
export type ContestSnapshot = z.infer<typeof ContestSnapshotSchema>;

export const AliasSchema = z.object({ from: UnitNameSchema, to: UnitNameSchema });
export type Alias = z.infer<typeof AliasSchema>;

export const SeasonStatusSchema = z.enum(["open", "closed"]);

export const SeasonSchema = z.object({
  id: SeasonIdSchema,
  name: SeasonNameSchema,
  /** Who created it. */
  ownerId: z.number().int(),
  /** The groups whose contests it holds; its managers must administer every one of them. */
  chats: z.array(z.number().int()).min(1).max(20),
  createdAt: z.number().int(),
  status: SeasonStatusSchema,
  closedAt: z.number().int().optional(),
  rules: SeasonRulesSchema,
  aliases: z.array(AliasSchema).max(500).default([]),
});
export type Season = z.infer<typeof SeasonSchema>;

/** The rows a contest's final standings freeze into (units without a final are left out: absent). */
export const snapshotRows = (standings: Standings): SnapshotRow[] =>
  standings.groups.flatMap((group) =>
    group.rows.flatMap((row) =>
      row.final === null || row.rank === null
        ? []
        : [
            {
              name: row.name,
              group: group.name,
              rank: row.rank,
              final: exactText(row.final),
              ...(row.band === undefined ? {} : { band: row.band }),
              ...(row.prize === undefined ? {} : { prize: row.prize }),
            },
          ],
    ),
  );

// ---------------------------------------------------------------- aliases

/** The name a unit counts under: aliases followed to the end (a cycle stops where it began). */
export const canonicalName = (aliases: readonly Alias[], name: string): string => {
  const next = new Map(aliases.map((a) => [a.from, a.to] as const));
  const seen = new Set<string>([name]);
  let current = name;
  for (let to = next.get(current); to !== undefined && !seen.has(to); to = next.get(current)) {
    seen.add(to);
    current = to;
  }
  return current;
};

export type AliasError = "same_name" | "cycle";

/** The aliases with `from` → `to` added (replacing an earlier alias of `from`), or why not. */
export const withAlias = (aliases: readonly Alias[], from: string, to: string): { ok: true; aliases: Alias[] } | { ok: false; code: AliasError } => {
  if (from === to) return { ok: false, code: "same_name" };
  const rest = aliases.filter((a) => a.from !== from);
  if (canonicalName(rest, to) === from) return { ok: false, code: "cycle" };
  return { ok: true, aliases: [...rest, { from, to }] };
};

/** Two rows of one contest that would count as the same unit under the aliases. */
export type AliasClash = { contestId: string; title: string; group: string | null; name: string; names: string[] };

export const aliasClashes = (aliases: readonly Alias[], snapshots: readonly ContestSnapshot[]): AliasClash[] => {
  const clashes: AliasClash[] = [];
  for (const snapshot of snapshots) {
    const byUnit = new Map<string, string[]>();
    for (const row of snapshot.rows) {
      const key = unitKey(row.group, canonicalName(aliases, row.name));
      byUnit.set(key, [...(byUnit.get(key) ?? []), row.name]);
    }
    for (const [key, names] of byUnit) {
      if (names.length < 2) continue;
      const [group, name] = JSON.parse(key) as [string | null, string];
      clashes.push({ contestId: snapshot.contestId, title: snapshot.title, group, name, names });
    }
  }
  return clashes;
};

// ---------------------------------------------------------------- standings

const unitKey = (group: string | null, name: string): string => JSON.stringify([group, name]);

/** Contests in the order they happened: by finish time, then by when they were added. */
export const contestOrder = (snapshots: readonly ContestSnapshot[]): ContestSnapshot[] =>
  [...snapshots].sort((a, b) => a.finishedAt - b.finishedAt || a.addedAt - b.addedAt || a.contestId.localeCompare(b.contestId));

export type SeasonCell = { final: Rational; text: string; rank: number; band?: string; prize?: string };

/** ↑ better rank than after the previous contest, ↓ worse, = the same, new = not ranked then. */
export type Trend = "up" | "down" | "same" | "new";

export type SeasonRow = {
  name: string;
  /** Other names it appeared under (aliases), in contest order. */
  formerNames: string[];
  rank: number;
  score: Rational;
  /** score rounded half up to two decimals. */
  scoreText: string;
  /** One per contest of the season, in contest order; null when the unit was absent. */
  cells: (SeasonCell | null)[];
  /** null while the season has fewer than two contests. */
  trend: Trend | null;
  band?: string;
  prize?: string;
  /** How many contests gave the unit each band, in the season's band order, then first seen. */
  record: { band: string; count: number }[];
};

export type SeasonGroup = { name: string | null; rows: SeasonRow[] };

export type SeasonStandings = {
  contests: { contestId: string; title: string; weight: number }[];
  groups: SeasonGroup[];
};

type Unit = {
  key: string;
  group: string | null;
  name: string;
  names: string[];
  order: number;
  cells: (SnapshotRow | null)[];
};

const collectUnits = (aliases: readonly Alias[], contests: readonly ContestSnapshot[]): Unit[] => {
  const units = new Map<string, Unit>();
  contests.forEach((snapshot, c) => {
    for (const row of snapshot.rows) {
      const name = canonicalName(aliases, row.name);
      const key = unitKey(row.group, name);
      let unit = units.get(key);
      if (!unit) {
        unit = { key, group: row.group, name, names: [], order: units.size, cells: contests.map(() => null) };
        units.set(key, unit);
      }
      // Two rows that the aliases join within one contest: the first counts (aliasClashes reports it).
      if (unit.cells[c] === null) unit.cells[c] = row;
      if (row.name !== name && !unit.names.includes(row.name)) unit.names.push(row.name);
    }
  });
  return [...units.values()];
};

/**
 * A unit's season score over the first `upto` contests, or null when it took part in none:
 *   skip: Σ w_c·f_c / Σ w_c over the contests c it took part in;
 *   zero: Σ w_c·f_c over those / Σ w_c over the contests its group took part in.
 */
const scoreOf = (unit: Unit, weights: readonly Rational[], groupPresent: readonly boolean[], upto: number, absent: AbsentRule): Rational | null => {
  const taken: Rational[] = [];
  const weighed: Rational[] = [];
  const possible: Rational[] = [];
  for (let c = 0; c < upto; c++) {
    const weight = weights[c]!;
    const cell = unit.cells[c];
    if (cell) {
      taken.push(mul(weight, parseExact(cell.final)));
      weighed.push(weight);
    }
    if (groupPresent[c]) possible.push(weight);
  }
  if (weighed.length === 0) return null;
  return div(sum(taken), sum(absent === "skip" ? weighed : possible));
};

type Ranked = { unit: Unit; score: Rational; hundredths: bigint; rank: number };

/** Units of one group ranked by season score over the first `upto` contests (absent from all: left out). */
const rankUnits = (units: readonly Unit[], weights: readonly Rational[], groupPresent: readonly boolean[], upto: number, absent: AbsentRule): Ranked[] => {
  const scored = units.flatMap((unit) => {
    const score = scoreOf(unit, weights, groupPresent, upto, absent);
    return score === null ? [] : [{ unit, score, hundredths: scaleHalfUp(score, 2) }];
  });
  scored.sort((a, b) => (a.hundredths === b.hundredths ? a.unit.order - b.unit.order : a.hundredths > b.hundredths ? -1 : 1));
  const ranks = sharedRanks(scored.map((s) => s.hundredths));
  return scored.map((s, i) => ({ ...s, rank: ranks[i] ?? i + 1 }));
};

const colourRecord = (cells: readonly (SnapshotRow | null)[], bands: readonly Band[]): { band: string; count: number }[] => {
  const counts = new Map<string, number>(bands.map((b) => [b.name, 0] as const));
  for (const cell of cells) if (cell?.band !== undefined) counts.set(cell.band, (counts.get(cell.band) ?? 0) + 1);
  return [...counts].filter(([, count]) => count > 0).map(([band, count]) => ({ band, count }));
};

const trendOf = (rank: number, previous: number | undefined): Trend =>
  previous === undefined ? "new" : rank < previous ? "up" : rank > previous ? "down" : "same";

/**
 * The season's standings, per group (组别, in order of first appearance): units matched by name
 * after aliases within their group, ranked by season score (ties at two decimals share a rank
 * and keep first-appearance order), with one cell per contest, the trend of the rank since the
 * previous contest, the season's band and prize, and each unit's colour record.
 */
export const seasonStandings = (season: Pick<Season, "rules" | "aliases">, snapshots: readonly ContestSnapshot[]): SeasonStandings => {
  const contests = contestOrder(snapshots);
  const weights = contests.map((c) => fromDecimal(c.weight));
  const units = collectUnits(season.aliases, contests);
  const groupNames = [...new Set(units.map((u) => u.group))];
  const { absent, bands, prizes } = season.rules;
  const groups = groupNames.map((name) => {
    const members = units.filter((u) => u.group === name);
    const groupPresent = contests.map((_, c) => members.some((u) => u.cells[c] !== null));
    const ranked = rankUnits(members, weights, groupPresent, contests.length, absent);
    const before =
      contests.length >= 2
        ? new Map(rankUnits(members, weights, groupPresent, contests.length - 1, absent).map((r) => [r.unit.key, r.rank] as const))
        : undefined;
    const rows: SeasonRow[] = ranked.map(({ unit, score, hundredths, rank }) => {
      const band = bandFor(hundredths, bands);
      const prize = prizeFor(rank, prizes);
      return {
        name: unit.name,
        formerNames: unit.names,
        rank,
        score,
        scoreText: formatHalfUp(score, 2),
        cells: unit.cells.map((cell) => {
          if (!cell) return null;
          const final = parseExact(cell.final);
          return {
            final,
            text: formatHalfUp(final, 2),
            rank: cell.rank,
            ...(cell.band === undefined ? {} : { band: cell.band }),
            ...(cell.prize === undefined ? {} : { prize: cell.prize }),
          };
        }),
        trend: before ? trendOf(rank, before.get(unit.key)) : null,
        ...(band === undefined ? {} : { band }),
        ...(prize === undefined ? {} : { prize }),
        record: colourRecord(unit.cells, bands),
      };
    });
    return { name, rows };
  });
  return { contests: contests.map((c) => ({ contestId: c.contestId, title: c.title, weight: c.weight })), groups };
};

/** The rows of the unit called `name` (directly or by an alias), one per group it is in. */
export const unitRows = (standings: SeasonStandings, aliases: readonly Alias[], name: string): { group: string | null; row: SeasonRow }[] => {
  const wanted = canonicalName(aliases, name.trim());
  return standings.groups.flatMap((group) => group.rows.filter((row) => row.name === wanted).map((row) => ({ group: group.name, row })));
};
