// Judge enrolment and whether the bot may write to a user in private.
import type { Judge } from "../domain/contest.js";
import { contestKeys, userKeys } from "./keys.js";
import { replyCode } from "./codes.js";
import type { RedisClient } from "./scripts.js";
import type { PublishEvent } from "./events.js";

export type EnrolResult = { code: "OK" | "UPDATED" | "LOCKED" | "CONTEST_ENDED" | "NO_CONTEST"; judges: number };

export const createJudgeStore = (redis: RedisClient, prefix: string, publish: PublishEvent) => {
  const enrol = async (contestId: string, judge: Judge): Promise<EnrolResult> => {
    const keys = contestKeys(prefix, contestId);
    // The judge's joinedAt is the time of the audit entry too.
    const reply = await redis.enrolJudge(keys.meta, keys.judges, keys.audit, judge.userId, JSON.stringify(judge), judge.joinedAt);
    const code = replyCode(reply);
    if (code === "OK" || code === "UPDATED") await publish(contestId, "judges");
    if (code === "OK" || code === "UPDATED" || code === "LOCKED" || code === "CONTEST_ENDED" || code === "NO_CONTEST")
      return { code, judges: Number(reply[1] ?? 0) };
    throw new Error(`unexpected enrol reply ${code}`);
  };

  const isJudge = async (contestId: string, userId: number): Promise<boolean> =>
    (await redis.hexists(contestKeys(prefix, contestId).judges, String(userId))) === 1;

  /** A judge's record exactly as stored (for a compare-and-set change), or null. */
  const judgeJson = (contestId: string, userId: number): Promise<string | null> =>
    redis.hget(contestKeys(prefix, contestId).judges, String(userId));

  const count = (contestId: string): Promise<number> => redis.hlen(contestKeys(prefix, contestId).judges);

  /** Remembers the contest a user judges, so a bare /start in private can show their ballot. */
  const setJudging = async (userId: number, contestId: string): Promise<void> => {
    await redis.set(userKeys(prefix, userId).judging, contestId);
  };

  const judging = (userId: number): Promise<string | null> => redis.get(userKeys(prefix, userId).judging);

  const markStarted = async (userId: number): Promise<void> => {
    await redis.set(userKeys(prefix, userId).started, "1");
  };

  const hasStarted = async (userId: number): Promise<boolean> =>
    (await redis.exists(userKeys(prefix, userId).started)) === 1;

  return { enrol, isJudge, judgeJson, count, setJudging, judging, markStarted, hasStarted };
};
export type JudgeStore = ReturnType<typeof createJudgeStore>;
