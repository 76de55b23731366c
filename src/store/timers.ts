// Round time limits (/open <n> <minutes>): a warning a minute before, and the close at the end.
// Kept in Redis so they survive a restart: one sorted set of due timers for every contest (the
// bot's scheduler polls it), and the round's deadline in the contest's meta hash. A timer whose
// deadline no longer matches the meta (the round was closed, or reopened with another limit) is
// stale and dropped. Replicas claim a due timer with a lock (see locks.ts) before acting on it.
import { z } from "zod";
import { ContestIdSchema } from "../domain/contest.js";
import { contestKeys, timersKey } from "./keys.js";
import type { RedisClient } from "./scripts.js";
import type { PublishEvent } from "./events.js";

export const TimerKindSchema = z.enum(["warn", "close"]);
export type TimerKind = z.infer<typeof TimerKindSchema>;

export type RoundTimer = { contestId: string; presenter: number; kind: TimerKind; deadline: number };

const deadlineField = (presenter: number) => `deadline:${presenter}`;

export const timerMember = ({ contestId, presenter, kind, deadline }: RoundTimer): string =>
  `${contestId}|${presenter}|${kind}|${deadline}`;

export const parseTimerMember = (member: string): RoundTimer | undefined => {
  const [contestId, presenter, kind, deadline] = member.split("|");
  const id = ContestIdSchema.safeParse(contestId);
  const k = TimerKindSchema.safeParse(kind);
  if (!id.success || !k.success || !/^\d{1,4}$/.test(presenter ?? "") || !/^\d{1,15}$/.test(deadline ?? "")) return undefined;
  return { contestId: id.data, presenter: Number(presenter), kind: k.data, deadline: Number(deadline) };
};

/** `publish` (optional): announces a new deadline, so the scoreboards show the round's countdown. */
export const createTimerStore = (redis: RedisClient, prefix: string, publish?: PublishEvent) => {
  const key = timersKey(prefix);

  /** Sets a round's deadline (replacing any earlier one); warns at `warnAt` when given. */
  const schedule = async (contestId: string, presenter: number, deadline: number, warnAt?: number): Promise<void> => {
    await cancel(contestId, presenter);
    await redis.hset(contestKeys(prefix, contestId).meta, deadlineField(presenter), String(deadline));
    const members: Array<string | number> = [deadline, timerMember({ contestId, presenter, kind: "close", deadline })];
    if (warnAt !== undefined && warnAt < deadline)
      members.push(warnAt, timerMember({ contestId, presenter, kind: "warn", deadline }));
    await redis.zadd(key, ...members);
    // The round was announced as opened before its deadline was stored: tell the scoreboards again.
    await publish?.(contestId, "timer");
  };

  /** The round's deadline, if it has one. */
  const deadline = async (contestId: string, presenter: number): Promise<number | undefined> => {
    const value = await redis.hget(contestKeys(prefix, contestId).meta, deadlineField(presenter));
    return value === null ? undefined : Number(value);
  };

  /** Drops a round's time limit (it was closed by hand, or reopened). */
  const cancel = async (contestId: string, presenter: number): Promise<void> => {
    const previous = await deadline(contestId, presenter);
    if (previous === undefined) return;
    await redis.hdel(contestKeys(prefix, contestId).meta, deadlineField(presenter));
    await redis.zrem(
      key,
      ...TimerKindSchema.options.map((kind) => timerMember({ contestId, presenter, kind, deadline: previous })),
    );
  };

  /** Timers due at `now`, oldest first (malformed members are dropped). */
  const due = async (now: number, limit = 50): Promise<Array<RoundTimer & { member: string }>> => {
    const members = await redis.zrangebyscore(key, "-inf", now, "LIMIT", 0, limit);
    const timers: Array<RoundTimer & { member: string }> = [];
    for (const member of members) {
      const timer = parseTimerMember(member);
      if (timer) timers.push({ ...timer, member });
      else await redis.zrem(key, member);
    }
    return timers;
  };

  /** True while the timer is still scheduled and its round still has that deadline. */
  const isCurrent = async (timer: RoundTimer): Promise<boolean> => {
    const [score, stored] = await Promise.all([
      redis.zscore(key, timerMember(timer)),
      deadline(timer.contestId, timer.presenter),
    ]);
    return score !== null && stored === timer.deadline;
  };

  /** Removes a timer once acted on (or found stale). */
  const done = async (timer: RoundTimer): Promise<void> => {
    await redis.zrem(key, timerMember(timer));
  };

  return { schedule, deadline, cancel, due, isCurrent, done };
};
export type TimerStore = ReturnType<typeof createTimerStore>;
