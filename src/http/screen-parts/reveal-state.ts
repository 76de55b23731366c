// The reveal card (亮分) of the scoreboard: the round closed last, for some seconds after it closed,
// with the numbers of the very results the posted ranking comes from (loadStandings: the domain's
// presenterResult and computeStandings), never computed again here.
//
// What it shows follows the release policy (publicView): the judges' totals, panel subtotals and
// blend parts only when details are public (live, and any policy once released); only the unit's
// score when just that is (scores); a "sealed" card with the ballot count when no score is (end,
// chair). No judge is named or numbered by joining: the totals go best first within each panel and
// are called "Judge 1…n" by that order alone.
import type { Contest } from "../../domain/contest.js";
import { contestOrder, presentingPlace } from "../../domain/draw.js";
import { type Rational, compare, formatHalfUp } from "../../domain/rational.js";
import { publicView } from "../../domain/release.js";
import { describeFormula } from "../../domain/standings.js";
import type { LoadedResults } from "../../bot/standings.js";
import type { LastClosed } from "../../store/screen-moments.js";

/** One counted judge's total as shown, e.g. "86.00"; `dropped` when the trimmed mean left it out. */
export type RevealMark = { total: string; dropped: boolean };

export type RevealPanel = {
  /** The panel's name; null for a contest without panels (one list of judges). */
  name: string | null;
  /** Its share of the live score in percent; null without panels. */
  percent: number | null;
  /** Its combined score as shown ("85.33"), null when nobody in it counted. */
  score: string | null;
  /** Best first: the dropped highest, the counted ones by total, the dropped lowest. */
  marks: RevealMark[];
};

export type RevealCard = {
  /**
   * Milliseconds since the round closed (negative when this server's clock is behind the one that
   * closed it), and how long the card stays: the page works out when the round closed
   * (serverNow − ageMs), so a reload resumes the card where it was.
   */
  ageMs: number;
  durationMs: number;
  /** The unit: its setup number (what /open n means), name and group. */
  n: number;
  /** Its presenting place, only when a draw moved it from its setup number. */
  place?: number;
  name: string;
  group: string | null;
  /** Counted ballots. */
  ballots: number;
  /** What the policy allows: the score with its parts, the score alone, or neither. */
  kind: "detail" | "score" | "sealed";
  /** The final score as in the posted ranking ("87.50"); null without counted ballots or when sealed. */
  final: string | null;
  /** Its rank in its group when the ranking is public, else null. */
  rank: number | null;
  /** What is held back until when: the score ("sealed"), or the ranking ("score" under `scores`). */
  heldUntil: "finish" | "chair" | null;
  /** "detail" only: the judges' totals per panel, and how they were combined. */
  panels?: RevealPanel[];
  /** Totals dropped at each end of each panel (trimmed mean); 0 otherwise. */
  trim?: number;
  /** "median": the panel score is the middle total, not a mean. */
  median?: boolean;
  /** The live score and the prior it is blended with, with their shares in percent. */
  blend?: { live: string; livePercent: number; prior: string; priorPercent: number };
};

/** Default seconds a reveal card stays on the screen (SCREEN_REVEAL_S). */
export const DEFAULT_REVEAL_MS = 12_000;

export type RevealInput = {
  contest: Contest;
  /** The results the standings were computed from (loadStandings). */
  loaded: LoadedResults;
  /** The round closed last and when (store.moments.lastClosed). */
  last: LastClosed | undefined;
  /** The round's status now: a round reopened since is not revealed. */
  roundClosed: boolean;
  now: number;
  durationMs: number;
};

/** The reveal card to show at `now`, or undefined when there is none. */
export const revealCard = ({ contest, loaded, last, roundClosed, now, durationMs }: RevealInput): RevealCard | undefined => {
  if (!last || !roundClosed || durationMs <= 0) return undefined;
  if (contest.status === "cancelled" || contest.status === "draft") return undefined;
  const ageMs = now - last.at;
  if (ageMs >= durationMs || ageMs < -durationMs) return undefined;
  const { setup } = contest;
  const result = loaded.results.find((r) => r.presenter === last.presenter);
  const presenter = setup.presenters[last.presenter];
  if (!result || !presenter) return undefined;
  const row = loaded.standings.groups.flatMap((g) => g.rows).find((r) => r.presenter === last.presenter);
  const seen = publicView(contest);
  const place = presentingPlace(contestOrder(contest), last.presenter);
  const base = {
    ageMs,
    durationMs,
    n: last.presenter + 1,
    ...(place.moved ? { place: place.place } : {}),
    name: presenter.name,
    group: presenter.group ?? null,
    ballots: result.counted,
  };
  if (!seen.unitScore) return { ...base, kind: "sealed", final: null, rank: null, heldUntil: seen.heldUntil ?? "finish" };
  const final = row?.finalText ?? null;
  const rank = seen.ranking ? (row?.rank ?? null) : null;
  if (!seen.detail || final === null) return { ...base, kind: "score", final, rank, heldUntil: seen.ranking ? null : seen.heldUntil };

  const formula = describeFormula(setup);
  const scored = loaded.scored.get(last.presenter) ?? [];
  const dropped = new Set(result.dropped);
  const panelCount = Math.max(1, setup.panels.length);
  // As the maths counts them: a panel index out of range counts in panel 0.
  const panelOf = (panel: number) => (panel >= 0 && panel < panelCount ? panel : 0);
  const panels: RevealPanel[] = Array.from({ length: panelCount }, (_, k) => {
    const totals = scored
      .filter((ballot) => ballot.counted && panelOf(ballot.panel) === k)
      .flatMap((ballot) => {
        const total = result.totals.get(ballot.judgeId);
        return total === undefined ? [] : [{ total, dropped: dropped.has(ballot.judgeId) }];
      });
    const byTotal = (a: { total: Rational }, b: { total: Rational }) => compare(b.total, a.total);
    const kept = totals.filter((t) => !t.dropped).sort(byTotal);
    // The trimmed mean drops as many at the top as at the bottom: the higher half of the dropped
    // totals are the highest, the rest the lowest.
    const gone = totals.filter((t) => t.dropped).sort(byTotal);
    const high = gone.slice(0, gone.length / 2);
    const low = gone.slice(gone.length / 2);
    const score = result.panelScores[k] ?? null;
    return {
      name: setup.panels[k]?.name ?? null,
      percent: setup.panels.length > 1 ? (formula.panels[k]?.percent ?? null) : null,
      score: score === null ? null : formatHalfUp(score, 2),
      marks: [...high, ...kept, ...low].map((t) => ({ total: formatHalfUp(t.total, 2), dropped: t.dropped })),
    };
  }).filter((panel) => panel.marks.length > 0);
  const blend =
    formula.blend && result.live !== null && result.prior !== undefined
      ? {
          live: formatHalfUp(result.live, 2),
          livePercent: formula.blend.live,
          prior: String(result.prior),
          priorPercent: formula.blend.prior,
        }
      : undefined;
  return {
    ...base,
    kind: "detail",
    final,
    rank,
    heldUntil: null,
    panels,
    trim: formula.trim,
    median: formula.method === "median",
    ...(blend ? { blend } : {}),
  };
};
