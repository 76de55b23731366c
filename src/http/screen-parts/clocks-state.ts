// The clocks of the scoreboard: the open round's deadline (a timed round, /open n <minutes>) and
// the chair's speaking timer (/timer). Only times and the presenter's public name and number.
import type { Contest } from "../../domain/contest.js";
import { contestOrder, presentingPlace } from "../../domain/draw.js";
import { TIMER_OVERRUN_MS } from "../../store/screen-controls.js";
import type { Store } from "../../store/store.js";

export type ScreenClocks = {
  /** The open round's deadline (ms since epoch); the page counts down to it. */
  round: { n: number; deadline: number } | null;
  /** The speaking timer: until when it runs; the page shows it large, and "time is up" after. */
  speaking: {
    /** The unit's setup number; `place`, its presenting place, only when a draw moved it. */
    n: number | null;
    place?: number;
    name: string | null;
    startedAt: number;
    endsAt: number;
    /** shown until then */
    until: number;
  } | null;
};

/** `{ place }` when a draw moved the presenter from their setup number, else nothing. */
const movedPlace = (contest: Contest, presenter: number | null): { place?: number } => {
  if (presenter === null) return {};
  const { place, moved } = presentingPlace(contestOrder(contest), presenter);
  return moved ? { place } : {};
};

/** The clocks to show, or undefined when there is none. `current`: the open round's presenter. */
export const loadClocks = async (store: Store, contest: Contest, current: number | undefined, now: number): Promise<ScreenClocks | undefined> => {
  const running = contest.status === "running" || contest.status === "draft";
  const [deadline, timer] = await Promise.all([
    contest.status === "running" && current !== undefined ? store.timers.deadline(contest.id, current) : undefined,
    running ? store.screenControls.timer(contest.id) : undefined,
  ]);
  const round = current !== undefined && deadline !== undefined ? { n: current + 1, deadline } : null;
  const speaking =
    timer && now < timer.endsAt + TIMER_OVERRUN_MS
      ? {
          n: timer.presenter === null ? null : timer.presenter + 1,
          ...movedPlace(contest, timer.presenter),
          name: timer.presenter === null ? null : (contest.setup.presenters[timer.presenter]?.name ?? null),
          startedAt: timer.startedAt,
          endsAt: timer.endsAt,
          until: timer.endsAt + TIMER_OVERRUN_MS,
        }
      : null;
  return round || speaking ? { round, speaking } : undefined;
};
