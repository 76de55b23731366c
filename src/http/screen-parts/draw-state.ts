// The draw's part of the scoreboard state: the presenting order just drawn, for the page to animate
// (names shuffling, then settling into the drawn order). Present only for DRAW_SHOW_MS after the
// draw; nothing in it names a judge.
import type { Contest } from "../../domain/contest.js";
import { drawApplies, type DrawScope } from "../../domain/draw.js";
import type { Store } from "../../store/store.js";

/** How long after a draw the page shows it (the animation, then the order with its seed). */
export const DRAW_SHOW_MS = 15_000;

export type ScreenDraw = {
  /** When it was drawn (ms since the epoch, the server's clock). */
  at: number;
  seed: string;
  scope: DrawScope;
  /** The presenting order: unit number n (as in /open n), name, group; `drawn` = its place was drawn. */
  rows: Array<{ n: number; name: string; group: string | null; drawn: boolean }>;
};

/** The latest draw while it is fresh (and made for the current list of presenters), else undefined. */
export const loadScreenDraw = async (store: Store, contest: Contest, now: number): Promise<ScreenDraw | undefined> => {
  const { record } = await store.draws.read(contest.id);
  if (!record || now - record.at > DRAW_SHOW_MS || contest.status === "finished" || contest.status === "cancelled") return undefined;
  const { presenters } = contest.setup;
  if (!drawApplies(presenters, record)) return undefined;
  const drawn = new Set(record.drawn);
  return {
    at: record.at,
    seed: record.seed,
    scope: record.scope,
    rows: record.order.map((p) => ({ n: p + 1, name: presenters[p]!.name, group: presenters[p]!.group ?? null, drawn: drawn.has(p) })),
  };
};
