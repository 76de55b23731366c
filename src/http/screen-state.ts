// What the scoreboard shows, computed on the server from the store. Only counts and scores:
// no judge's name, id or ballot ever leaves here, and no result the release policy holds back.
import type { ContestStatus, Locale, RevealPolicy } from "../domain/contest.js";
import { publicView } from "../domain/release.js";
import { loadStandings } from "../bot/standings.js";
import type { Store } from "../store/store.js";
import { nextInOrder, presentingPlace } from "../domain/draw.js";
import { loadScreenDraw, type ScreenDraw } from "./screen-parts/draw-state.js";
import { loadClocks, type ScreenClocks } from "./screen-parts/clocks-state.js";
import { loadJoin, type ScreenJoin } from "./screen-parts/join-state.js";
import type { Translate } from "../bot/i18n.js";
import { DEFAULT_REVEAL_MS, revealCard, type RevealCard } from "./screen-parts/reveal-state.js";
import { finalView, type FinalView } from "./screen-parts/final-state.js";

export type ScreenRow = {
  /** The unit's number in the setup list (1-based; what /open n means). */
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
  /** The server's clock when the state was made (ms since epoch): the page times its clocks by it. */
  serverNow: number;
  title: string;
  language: Locale;
  status: ContestStatus;
  /** Number of presenters, and how many of their rounds have closed. */
  presenters: number;
  closed: number;
  /** The round being scored: its live counter, never its scores. */
  current: { n: number; place?: number; name: string; group: string | null; submitted: number; judges: number } | null;
  /** The first presenter, in presenting order (a draw's, else the setup list's), whose round has not been opened yet. */
  next: { n: number; place?: number; name: string; group: string | null } | null;
  /**
   * Standings of the closed rounds, by group, as the release policy shows them: ranked (live, and
   * every policy once released); each unit's score in presenting order without ranks (scores);
   * none while results are held back (end, chair).
   */
  groups: ScreenGroup[];
  /** The contest's release policy, and what is held back until when (null: nothing is). */
  reveal: RevealPolicy;
  heldUntil: "finish" | "chair" | null;
  /** The presenting order just drawn (/draw), for a few seconds after the draw. */
  draw?: ScreenDraw;
  /** The clocks (a timed round's deadline, the chair's speaking timer), when there is one. */
  clocks?: ScreenClocks;
  /** The join view (/screen join): each panel's join QR code and judges joined. */
  join?: ScreenJoin;
  /** The reveal card (亮分) of the round that closed last, while it is on (screen-parts/reveal-state.ts). */
  revealCard?: RevealCard;
  /** Once finished: the formula line under the final standings (screen-parts/final-state.ts). */
  finale?: FinalView;
};

/** What the scoreboard is told by its settings. */
export type ScreenOptions = {
  /** How long a reveal card stays (ms); 0 turns reveals off. Default 12 000 (SCREEN_REVEAL_S). */
  revealMs?: number;
  /** Texts in a contest's language (the formula line); without it the final view has none. */
  translate?: (locale: Locale) => Translate;
};

/** What the state needs beyond the store: the bot's username (for join links), once known; the settings. */
export type ScreenStateContext = ScreenOptions & { botUsername?: () => string | undefined };

/** The scoreboard of a contest, or undefined when the contest does not exist. */
export const loadScreenState = async (
  store: Store,
  contestId: string,
  now: () => number = Date.now,
  context: ScreenStateContext = {},
): Promise<ScreenState | undefined> => {
  const contest = await store.contests.get(contestId);
  if (!contest) return undefined;
  const { presenters, prizes } = contest.setup;
  const [rounds, current, loaded, lastClosed] = await Promise.all([
    store.contests.rounds(contestId),
    store.contests.currentRound(contestId),
    loadStandings(store, contest),
    store.moments.lastClosed(contestId),
  ]);
  const live = contest.status === "running" && current !== undefined;
  const counts = live ? await store.ballots.counts(contestId, current) : undefined;
  const { order } = await store.draws.order(contest);
  /** A unit by its setup number (`n`, what /open n means); `place` only when a draw moved it. */
  const presenterAt = (index: number) => {
    const { place, moved } = presentingPlace(order, index);
    return {
      n: index + 1,
      ...(moved ? { place } : {}),
      name: presenters[index]?.name ?? `#${index + 1}`,
      group: presenters[index]?.group ?? null,
    };
  };
  const nextIndex = nextInOrder(order, (p) => rounds.has(p)) ?? -1;
  const prizeLevels = new Map(prizes.map((prize, index) => [prize.name, index] as const));
  // Prizes and bands are announced when the contest finishes, not while ranks still move.
  const final = contest.status === "finished";
  const seen = publicView(contest);
  // Each unit's score without the ranking: presenting order, no ranks, prizes or bands.
  const unranked = (rows: ScreenRow[]): ScreenRow[] =>
    rows.map(({ n, name, score, ballots }) => ({ n, name, rank: null, score, ballots })).sort((a, b) => order.indexOf(a.n - 1) - order.indexOf(b.n - 1));
  const serverNow = now();
  const draw = await loadScreenDraw(store, contest, serverNow);
  const clocks = await loadClocks(store, contest, live ? current : undefined, serverNow);
  const join = await loadJoin(store, contest, context.botUsername?.());
  const card = revealCard({
    contest,
    loaded,
    last: lastClosed,
    roundClosed: lastClosed !== undefined && rounds.get(lastClosed.presenter) === "closed",
    now: serverNow,
    durationMs: context.revealMs ?? DEFAULT_REVEAL_MS,
  });
  const finale = finalView(contest, context.translate?.(contest.language));
  return {
    ...(draw ? { draw } : {}),
    ...(clocks ? { clocks } : {}),
    ...(join ? { join } : {}),
    serverNow,
    title: contest.setup.title,
    language: contest.language,
    status: contest.status,
    presenters: presenters.length,
    closed: loaded.closed.length,
    current: live && counts ? { ...presenterAt(current), ...counts } : null,
    next: nextIndex >= 0 && contest.status !== "finished" && contest.status !== "cancelled" ? presenterAt(nextIndex) : null,
    reveal: contest.setup.reveal,
    heldUntil: seen.heldUntil,
    groups: (seen.unitScore ? loaded.standings.groups : []).map((group) => {
      const rows: ScreenRow[] = group.rows.map((row) => ({
        n: row.presenter + 1,
        name: row.name,
        rank: row.rank,
        score: row.finalText,
        ballots: row.counted,
        ...(final && row.prize !== undefined ? { prize: row.prize, prizeLevel: prizeLevels.get(row.prize) ?? 0 } : {}),
        ...(final && row.band !== undefined ? { band: row.band } : {}),
      }));
      return { name: group.name, rows: seen.ranking ? rows : unranked(rows) };
    }),
    ...(card ? { revealCard: card } : {}),
    ...(finale ? { finale } : {}),
  };
};
