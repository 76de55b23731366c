// The scheduler of round time limits: polls Redis for due timers (every second by default) and
// acts on each exactly once across replicas: a timer is claimed with a lock, checked to be still
// current (not already done by another replica, not replaced by a newer deadline), acted on,
// then removed. A crash between the act and the removal repeats the act once the lock expires;
// both acts are safe to repeat (closing is atomic, a second reminder is harmless).
//
// The group hears nothing from a timer but the round's close itself (its announcement closed, the
// standings): the minute's warning goes in private to the judges who have not submitted (with
// their ballot) and to the chairs (how many were reminded, who could not be reached).
import type { Api } from "grammy";
import type { RoundTimer } from "../store/timers.js";
import type { Closing } from "./closing.js";
import type { ChairMessenger } from "./meeting/chair-messages.js";
import type { BotDeps } from "./deps.js";
import type { Reminders } from "./reminders.js";
import { presenterName } from "./views/round.js";

/** How long one replica holds a timer it acts on. */
const TIMER_LOCK_MS = 60_000;

export type RoundSchedulerOptions = {
  deps: BotDeps;
  api: Api;
  closing: Closing;
  reminders: Reminders;
  chairs: ChairMessenger;
  /** False until the bot knows its username (deep links need it). */
  ready: () => boolean;
};

export const createRoundScheduler = ({ deps, api, closing, reminders, chairs, ready }: RoundSchedulerOptions) => {
  const { store, logger } = deps;
  let interval: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  const act = async (timer: RoundTimer): Promise<void> => {
    const contest = await store.contests.get(timer.contestId);
    const round = contest ? (await store.contests.rounds(contest.id)).get(timer.presenter) : undefined;
    if (!contest || contest.status !== "running" || round !== "open") return;
    if (timer.kind === "close") {
      await closing.autoClose(api, contest, timer.presenter);
      return;
    }
    const t = deps.translate(contest.language);
    const vars = { n: timer.presenter + 1, name: presenterName(contest, timer.presenter) };
    const pending = await reminders.pendingJudges(contest, timer.presenter);
    const outcome =
      pending.length > 0
        ? await reminders.remind(api, contest, timer.presenter, t, { heading: t("timer-warn-judge", vars), mentionUnreachable: false })
        : { reminded: [], unreachable: [] };
    const names = outcome.unreachable.map((j) => j.name).join("、");
    await chairs.toChairs(
      api,
      contest,
      t,
      t("timer-warn-chair", { ...vars, pending: pending.length, reminded: outcome.reminded.length, unreachable: outcome.unreachable.length, names }),
    );
  };

  const runOnce = async (): Promise<number> => {
    if (!ready()) return 0;
    let acted = 0;
    for (const timer of await store.timers.due(deps.now())) {
      const scope = { contestId: timer.contestId, name: `timer:${timer.presenter}:${timer.kind}` };
      const outcome = await store.locks.withLock(scope, TIMER_LOCK_MS, async () => {
        if (!(await store.timers.isCurrent(timer))) {
          await store.timers.done(timer);
          return false;
        }
        try {
          await act(timer);
          logger.info({ contestId: timer.contestId, presenter: timer.presenter, kind: timer.kind }, "round timer fired");
        } catch (error) {
          // Dropped rather than retried every second (e.g. the bot was removed from the group).
          logger.error({ err: error, contestId: timer.contestId, presenter: timer.presenter, kind: timer.kind }, "round timer failed");
        } finally {
          await store.timers.done(timer);
        }
        return true;
      });
      if (outcome.ran && outcome.value) acted += 1;
    }
    return acted;
  };

  /** Acts on every due timer once; resolves with how many this process acted on. */
  const tick = async (): Promise<number> => {
    // One tick at a time in a process: a slow tick is not overlapped by the next interval.
    if (running) return running;
    running = runOnce().finally(() => {
      running = undefined;
    });
    return running;
  };

  const start = (intervalMs: number) => {
    if (interval || intervalMs <= 0) return;
    interval = setInterval(() => {
      tick().catch((error: unknown) => logger.warn({ err: error }, "round timer tick failed"));
    }, intervalMs);
    interval.unref();
  };

  const stop = async () => {
    if (interval) clearInterval(interval);
    interval = undefined;
    await running?.catch(() => undefined);
  };

  return { tick, start, stop };
};
export type RoundScheduler = ReturnType<typeof createRoundScheduler>;
