// What the chair puts on the scoreboard: the speaking timer (/timer) and the view (/screen join,
// /screen board, the console's button). Shared by the group commands and the console.
import { z } from "zod";
import type { Contest } from "../domain/contest.js";
import { nextInOrder } from "../domain/draw.js";
import type { Actor } from "../store/audit.js";
import type { ScreenView } from "../store/screen-controls.js";
import type { BotDeps } from "./deps.js";
import type { Translate } from "./i18n.js";
import { presenterName } from "./views/round.js";

export const MIN_TIMER_MINUTES = 0.5;
export const MAX_TIMER_MINUTES = 60;

/** `/timer <minutes>` (a half-minute step at most: 0.5–60) or `/timer stop`. */
export const TimerArgsSchema = z.union([
  z
    .string()
    .regex(/^(stop|off|停止|结束)$/i)
    .transform(() => ({ stop: true as const })),
  z
    .string()
    .regex(/^\d{1,3}(\.\d)?$/)
    .transform(Number)
    .pipe(z.number().min(MIN_TIMER_MINUTES).max(MAX_TIMER_MINUTES).multipleOf(0.5))
    .transform((minutes) => ({ minutes })),
]);
export type TimerArgs = z.infer<typeof TimerArgsSchema>;

export const parseTimerArgs = (args: string): TimerArgs | undefined => {
  const parsed = TimerArgsSchema.safeParse(args.trim());
  return parsed.success ? parsed.data : undefined;
};

/** The presenter a speaking timer is for: the open round's, else the next one to present (in the drawn order, if any). */
const speakerOf = async (deps: BotDeps, contest: Contest): Promise<number | null> => {
  const [current, rounds, { order }] = await Promise.all([
    deps.store.contests.currentRound(contest.id),
    deps.store.contests.rounds(contest.id),
    deps.store.draws.order(contest),
  ]);
  if (current !== undefined) return current;
  return nextInOrder(order, (p) => rounds.has(p)) ?? null;
};

/** Starts or stops the speaking timer; resolves with the note for the chair. */
export const runTimer = async (deps: BotDeps, contest: Contest, args: TimerArgs, actor: Actor, t: Translate): Promise<string> => {
  const { store } = deps;
  if ("stop" in args) return t((await store.screenControls.stopTimer(contest.id, actor)) ? "screen-timer-stopped" : "screen-timer-none");
  const presenter = await speakerOf(deps, contest);
  await store.screenControls.startTimer(contest.id, { presenter, startedAt: actor.at, endsAt: actor.at + Math.round(args.minutes * 60_000) }, actor);
  deps.logger.info({ contestId: contest.id, presenter, minutes: args.minutes }, "speaking timer started");
  return presenter === null
    ? t("screen-timer-started-plain", { minutes: args.minutes })
    : t("screen-timer-started", { minutes: args.minutes, n: presenter + 1, name: presenterName(contest, presenter) });
};

/**
 * Switches the scoreboard to the join view or back to the board; resolves with the note for the
 * chair. The join view needs each panel's join code: they are made here when /join has not yet.
 */
export const switchScreenView = async (deps: BotDeps, contest: Contest, view: ScreenView, actor: Actor, t: Translate): Promise<string> => {
  const { store } = deps;
  if (view === "join") {
    if (contest.setup.join === "roster") return t("screen-join-roster-mode");
    const codes = await store.seats.ensurePanelCodes(contest.id, contest.setup.panels.length, actor);
    await store.screenControls.setView(contest.id, "join", actor);
    deps.logger.info({ contestId: contest.id, panels: codes.length }, "scoreboard shows the join codes");
    return t("screen-join-shown", { panels: codes.length });
  }
  await store.screenControls.setView(contest.id, "board", actor);
  return t("screen-board-shown");
};
