// What the chair puts on the scoreboard besides the board itself: a speaking timer (/timer) and
// the choice of view (/screen join|board). Both live in Redis, so the page of every replica shows
// them, and each change is announced by a contest event (the scoreboards refresh at once) and
// written to the audit log with the chair who made it.
import { z } from "zod";
import { auditFields, execOrThrow, type Actor } from "./audit.js";
import type { PublishEvent } from "./events.js";
import { contestKeys } from "./keys.js";
import type { RedisClient } from "./scripts.js";

/** How long the page keeps showing a speaking timer that has run out ("time is up"). */
export const TIMER_OVERRUN_MS = 2 * 60_000;

export const SpeakingTimerSchema = z.object({
  /** The presenter it times (0-based), null when the meeting has none to name. */
  presenter: z.number().int().min(0).nullable(),
  startedAt: z.number().int(),
  endsAt: z.number().int(),
});
export type SpeakingTimer = z.infer<typeof SpeakingTimerSchema>;

export const ScreenViewSchema = z.enum(["board", "join"]);
export type ScreenView = z.infer<typeof ScreenViewSchema>;
/** Why the view changed when not by the chair's /screen or console button. */
export type ScreenViewReason = "round-opened";

export const createScreenControlStore = (redis: RedisClient, prefix: string, publish: PublishEvent) => {
  const keysOf = (contestId: string) => contestKeys(prefix, contestId);

  /** Starts (or replaces) the speaking timer; it is forgotten a while after it ran out. */
  const startTimer = async (contestId: string, timer: SpeakingTimer, actor: Actor): Promise<void> => {
    const keys = keysOf(contestId);
    const ttlMs = Math.max(1, timer.endsAt - actor.at) + TIMER_OVERRUN_MS + 60_000;
    const seconds = Math.round((timer.endsAt - timer.startedAt) / 1000);
    await execOrThrow(
      redis
        .multi()
        .set(keys.speakingTimer, JSON.stringify(SpeakingTimerSchema.parse(timer)), "PX", ttlMs)
        .xadd(keys.audit, "*", ...auditFields({ type: "speaking-timer", data: { action: "started", presenter: timer.presenter, seconds } }, actor)),
    );
    await publish(contestId, "timer");
  };

  /** Stops the speaking timer; false when none was running. */
  const stopTimer = async (contestId: string, actor: Actor): Promise<boolean> => {
    const keys = keysOf(contestId);
    const json = await redis.getdel(keys.speakingTimer);
    if (json === null) return false;
    const was = parseTimer(json);
    await redis.xadd(
      keys.audit,
      "*",
      ...auditFields({ type: "speaking-timer", data: { action: "stopped", presenter: was?.presenter ?? null, seconds: 0 } }, actor),
    );
    await publish(contestId, "timer");
    return true;
  };

  const parseTimer = (json: string): SpeakingTimer | undefined => {
    try {
      const parsed = SpeakingTimerSchema.safeParse(JSON.parse(json));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  };

  /** The speaking timer, if one was started and has not been stopped or forgotten. */
  const timer = async (contestId: string): Promise<SpeakingTimer | undefined> => {
    const json = await redis.get(keysOf(contestId).speakingTimer);
    return json === null ? undefined : parseTimer(json);
  };

  /**
   * Switches what the scoreboard shows; false when it already showed that. `reason` names what
   * switched it when the chair did not choose it directly (a round opening brings the board back).
   */
  const setView = async (contestId: string, view: ScreenView, actor: Actor, reason?: ScreenViewReason): Promise<boolean> => {
    const keys = keysOf(contestId);
    const previous = await redis.getset(keys.screenView, view);
    if ((previous ?? "board") === view) return false;
    await redis.xadd(keys.audit, "*", ...auditFields({ type: "screen-view", data: reason ? { view, reason } : { view } }, actor));
    await publish(contestId, "screen-view");
    return true;
  };

  /** What the scoreboard shows ("board" unless the chair chose otherwise). */
  const view = async (contestId: string): Promise<ScreenView> => {
    const parsed = ScreenViewSchema.safeParse(await redis.get(keysOf(contestId).screenView));
    return parsed.success ? parsed.data : "board";
  };

  return { startTimer, stopTimer, timer, setView, view };
};
export type ScreenControlStore = ReturnType<typeof createScreenControlStore>;
