// What the scoreboard shows, computed on the server from the store. Only counts and scores:
// no judge's name, id or ballot ever leaves here.
import type { ContestStatus, Locale } from "../domain/contest.js";
import { loadStandings } from "../bot/standings.js";
import type { Store } from "../store/store.js";

export type ScreenRow = {
  /** 1-based presenting order. */
  n: number;
  name: string;
  rank: number | null;
  /** Final score with two decimals, e.g. "87.50"; null without counted ballots. */
  score: string | null;
  /** Counted ballots. */
  ballots: number;
  prize?: string;
  /** Place of the prize in the contest's prize list (0 = the best), for its colour. */
  prizeLevel?: number;
  band?: string;
};

export type ScreenGroup = { name: string | null; rows: ScreenRow[] };

export type ScreenState = {
  title: string;
  language: Locale;
  status: ContestStatus;
  /** Number of presenters, and how many of their rounds have closed. */
  presenters: number;
  closed: number;
  /** The round being scored: its live counter, never its scores. */
  current: { n: number; name: string; group: string | null; submitted: number; judges: number } | null;
  /** The first presenter whose round has not been opened yet. */
  next: { n: number; name: string; group: string | null } | null;
  /** Standings of the closed rounds, by group. */
  groups: ScreenGroup[];
};

/** The scoreboard of a contest, or undefined when the contest does not exist. */
export const loadScreenState = async (store: Store, contestId: string): Promise<ScreenState | undefined> => {
  const contest = await store.contests.get(contestId);
  if (!contest) return undefined;
  const { presenters, prizes } = contest.setup;
  const [rounds, current, loaded] = await Promise.all([
    store.contests.rounds(contestId),
    store.contests.currentRound(contestId),
    loadStandings(store, contest),
  ]);
  const presenterAt = (index: number) => ({
    n: index + 1,
    name: presenters[index]?.name ?? `#${index + 1}`,
    group: presenters[index]?.group ?? null,
  });
  const live = contest.status === "running" && current !== undefined;
  const counts = live ? await store.ballots.counts(contestId, current) : undefined;
  const nextIndex = presenters.findIndex((_, index) => !rounds.has(index));
  const prizeLevels = new Map(prizes.map((prize, index) => [prize.name, index] as const));
  // Prizes and bands are announced when the contest finishes, not while ranks still move.
  const final = contest.status === "finished";
  return {
    title: contest.setup.title,
    language: contest.language,
    status: contest.status,
    presenters: presenters.length,
    closed: loaded.closed.length,
    current: live && counts ? { ...presenterAt(current), ...counts } : null,
    next: nextIndex >= 0 && contest.status !== "finished" && contest.status !== "cancelled" ? presenterAt(nextIndex) : null,
    groups: loaded.standings.groups.map((group) => ({
      name: group.name,
      rows: group.rows.map((row) => ({
        n: row.presenter + 1,
        name: row.name,
        rank: row.rank,
        score: row.finalText,
        ballots: row.counted,
        ...(final && row.prize !== undefined ? { prize: row.prize, prizeLevel: prizeLevels.get(row.prize) ?? 0 } : {}),
        ...(final && row.band !== undefined ? { band: row.band } : {}),
      })),
    })),
  };
};
