// Integrity rules of a round: who is conflicted, whose ballot counts, which totals stand out.
// Pure functions; the store keeps the facts (conflicts, observers) and the bot shows the results.
import type { Ballot, Criterion, JudgeEntry, Presenter } from "./contest.js";
import { ballotTotal } from "./scoring.js";
import { type Rational, add, compare, div, fromDecimal, fromInt, sub } from "./rational.js";

const normalizeName = (name: string): string => name.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

/**
 * The contest-file entry describing a Telegram user: the entry with their user id. A display name
 * is never enough (anyone can call themselves "张伟"): entries without an id are seated by invitation.
 */
export const matchJudgeEntry = (entries: readonly JudgeEntry[], user: { id: number }): JudgeEntry | undefined =>
  entries.find((entry) => entry.userId === user.id);

/** Indexes of the presenters an entry is conflicted with (names not found are skipped). */
export const conflictIndexes = (presenters: readonly Presenter[], entry: JudgeEntry): number[] => {
  const wanted = new Set(entry.conflicts.map(normalizeName));
  return presenters.flatMap((presenter, i) => (wanted.has(normalizeName(presenter.name)) ? [i] : []));
};

/** Index of a panel by name (0 when there is no such panel). */
export const panelIndex = (panels: readonly { name: string }[], name: string | undefined): number => {
  if (name === undefined) return 0;
  const index = panels.findIndex((panel) => normalizeName(panel.name) === normalizeName(name));
  return index < 0 ? 0 : index;
};

/** Member of a contest's conflict set: "<judgeId>:<presenter>". */
export const conflictMember = (judgeId: number, presenter: number): string => `${judgeId}:${presenter}`;

export const parseConflictMember = (member: string): { judgeId: number; presenter: number } | undefined => {
  const match = /^(-?\d+):(\d+)$/.exec(member);
  return match ? { judgeId: Number(match[1]), presenter: Number(match[2]) } : undefined;
};

/** The median of some values (the mean of the middle two for an even count); undefined for none. */
export const median = (values: readonly Rational[]): Rational | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort(compare);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : div(add(sorted[mid - 1]!, sorted[mid]!), fromInt(2));
};

/** Fewest counted ballots for which "far from the median" means anything. */
export const MIN_BALLOTS_FOR_OUTLIERS = 3;

export type Outlier = {
  /** 1-based number of the ballot in submission order among the round's counted ballots. */
  ref: number;
  judgeId: number;
  total: Rational;
};

export type OutlierReport = { median: Rational | undefined; outliers: Outlier[] };

/**
 * Counted ballots whose total lies more than `threshold` points from the median of the round's
 * totals. Ballots are numbered in submission order (then judge id), so the chair can be told
 * "ballot #3" without a name. Needs at least MIN_BALLOTS_FOR_OUTLIERS ballots.
 */
export const findOutliers = (
  criteria: Criterion[],
  counted: readonly Pick<Ballot, "judgeId" | "scores" | "submittedAt">[],
  threshold: number,
): OutlierReport => {
  const ordered = [...counted].sort((a, b) => a.submittedAt - b.submittedAt || a.judgeId - b.judgeId);
  const totals = ordered.map((ballot) => ballotTotal(criteria, ballot.scores));
  const middle = median(totals);
  if (!middle || ordered.length < MIN_BALLOTS_FOR_OUTLIERS) return { median: middle, outliers: [] };
  const limit = fromDecimal(threshold);
  const outliers = ordered.flatMap((ballot, i): Outlier[] => {
    const total = totals[i]!;
    const distance = sub(total, middle);
    const far = compare(distance.n < 0n ? sub(middle, total) : distance, limit) > 0;
    return far ? [{ ref: i + 1, judgeId: ballot.judgeId, total }] : [];
  });
  return { median: middle, outliers };
};
