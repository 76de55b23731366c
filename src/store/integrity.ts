// Roles and integrity: conflicts of interest, removed judges, observers, comments on ballots, and
// the short-lived state around them (a judge's pending comment, the chair's outlier references).
// Every change that touches ballots is one Lua script with its audit entry (see scripts/*.lua).
import { z } from "zod";
import { JudgeSchema, RoundStatusSchema, type Judge, type RoundStatus } from "../domain/contest.js";
import { conflictMember, parseConflictMember } from "../domain/integrity.js";
import type { Actor } from "./audit.js";
import { optionalString, replyCode } from "./codes.js";
import type { PublishEvent } from "./events.js";
import { contestKeys, userKeys } from "./keys.js";
import type { RedisClient } from "./scripts.js";

export type Conflict = { judgeId: number; presenter: number };

export type RemoveJudgeResult =
  | { code: "OK"; judge: Judge; presenter: number | undefined; discardedBallot: boolean; discardedDraft: boolean }
  | { code: "NOT_JUDGE" };

export type ConflictResult = { changed: boolean; round: RoundStatus | undefined; discardedBallot: boolean };

export type CommentResult = "OK" | "ROUND_CLOSED" | "NOT_SUBMITTED";

const PendingCommentSchema = z.string().regex(/^([a-z0-9]{6,12})\|(\d{1,4})$/);

const parseRound = (value: unknown): RoundStatus | undefined => {
  const parsed = RoundStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

export const createIntegrityStore = (redis: RedisClient, prefix: string, publish: PublishEvent) => {
  const keysOf = (contestId: string) => contestKeys(prefix, contestId);

  /** Every conflict of a contest, by judge then presenter. */
  const conflicts = async (contestId: string): Promise<Conflict[]> =>
    (await redis.smembers(keysOf(contestId).conflicts))
      .flatMap((member) => parseConflictMember(member) ?? [])
      .sort((a, b) => a.judgeId - b.judgeId || a.presenter - b.presenter);

  /** Judges conflicted with one presenter. */
  const conflictedJudges = async (contestId: string, presenter: number): Promise<Set<number>> =>
    new Set((await conflicts(contestId)).filter((c) => c.presenter === presenter).map((c) => c.judgeId));

  /** True when the judge may not score the presenter. */
  const isConflicted = async (contestId: string, judgeId: number, presenter: number): Promise<boolean> =>
    (await redis.sismember(keysOf(contestId).conflicts, conflictMember(judgeId, presenter))) === 1;

  /**
   * Records (add) or withdraws a conflict. Recording one for the open round's presenter discards
   * the judge's ballot and draft for it (audited as ballot-removed, reason "conflict").
   */
  const setConflict = async (
    contestId: string,
    judgeId: number,
    presenter: number,
    add: boolean,
    actor: Actor,
  ): Promise<ConflictResult> => {
    const keys = keysOf(contestId);
    const reply = await redis.setConflict(
      keys.rounds,
      keys.conflicts,
      keys.drafts(presenter),
      keys.ballots(presenter),
      keys.audit,
      judgeId,
      presenter,
      add ? "1" : "0",
      actor.at,
      actor.by,
    );
    const result = { changed: Number(reply[1]) === 1, round: parseRound(reply[2]), discardedBallot: Number(reply[3]) === 1 };
    if (result.changed && result.round === "open") await publish(contestId, "ballot");
    return result;
  };

  /** Conflicts named by a contest file for a judge who just joined (no round of theirs is running yet). */
  const addConflicts = async (contestId: string, judgeId: number, presenters: number[]): Promise<number> =>
    presenters.length === 0
      ? 0
      : redis.sadd(keysOf(contestId).conflicts, ...presenters.map((p) => conflictMember(judgeId, p)));

  /**
   * Removes a judge: their ballot and draft in the open round are discarded (audited), ballots of
   * closed rounds still count (the judge's record is kept in `removed`).
   */
  const removeJudge = async (contestId: string, judgeId: number, actor: Actor): Promise<RemoveJudgeResult> => {
    const keys = keysOf(contestId);
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await redis.hget(keys.meta, "current");
      const presenter = current === null ? undefined : z.coerce.number().int().min(0).parse(current);
      const p = presenter ?? 0;
      const reply = await redis.removeJudge(
        keys.meta,
        keys.judges,
        keys.removed,
        keys.drafts(p),
        keys.ballots(p),
        keys.audit,
        judgeId,
        presenter === undefined ? "" : String(presenter),
        actor.at,
        actor.by,
      );
      const code = replyCode(reply);
      if (code === "RETRY") continue;
      if (code === "NOT_JUDGE") return { code };
      if (code !== "OK") throw new Error(`unexpected remove-judge reply ${code}`);
      const judge = JudgeSchema.parse(JSON.parse(optionalString(reply[1]) ?? "null"));
      await publish(contestId, "judges");
      if (presenter !== undefined) await publish(contestId, "ballot");
      return {
        code,
        judge,
        presenter,
        discardedBallot: Number(reply[2]) === 1,
        discardedDraft: Number(reply[3]) === 1,
      };
    }
    throw new Error("remove-judge: the open round kept changing");
  };

  /** Judges the chair removed (their ballots of closed rounds still count). */
  const removedJudges = async (contestId: string): Promise<Judge[]> =>
    Object.values(await redis.hgetall(keysOf(contestId).removed)).map((json) => JudgeSchema.parse(JSON.parse(json)));

  /** Rewrites an enrolled judge (e.g. the observer flag); false when they are not enrolled. */
  const updateJudge = async (contestId: string, judge: Judge, actor: Actor): Promise<boolean> => {
    const keys = keysOf(contestId);
    const reply = await redis.updateJudge(keys.judges, keys.audit, judge.userId, JSON.stringify(judge), actor.at, actor.by);
    const updated = replyCode(reply) === "OK";
    if (updated) await publish(contestId, "judges");
    return updated;
  };

  /** Keeps a comment with the judge's submitted ballot while the round is open (audited). */
  const setComment = async (
    contestId: string,
    presenter: number,
    judgeId: number,
    text: string,
    now: number,
  ): Promise<CommentResult> => {
    const keys = keysOf(contestId);
    const reply = await redis.setComment(keys.rounds, keys.ballots(presenter), keys.audit, presenter, judgeId, text, now);
    const code = replyCode(reply);
    if (code === "OK" || code === "ROUND_CLOSED" || code === "NOT_SUBMITTED") return code;
    throw new Error(`unexpected set-comment reply ${code}`);
  };

  /** The judge's next private text becomes their comment on this ballot (for `ttlSeconds`). */
  const awaitComment = async (userId: number, contestId: string, presenter: number, ttlSeconds: number): Promise<void> => {
    await redis.set(userKeys(prefix, userId).pendingComment, `${contestId}|${presenter}`, "EX", ttlSeconds);
  };

  /** Takes (and clears) the ballot a judge's text is a comment on, if they asked to comment. */
  const takePendingComment = async (userId: number): Promise<{ contestId: string; presenter: number } | undefined> => {
    const value = await redis.getdel(userKeys(prefix, userId).pendingComment);
    const parsed = PendingCommentSchema.safeParse(value);
    if (!parsed.success) return undefined;
    const [contestId, presenter] = parsed.data.split("|");
    return { contestId: contestId!, presenter: Number(presenter) };
  };

  const hasPendingComment = async (userId: number): Promise<boolean> =>
    (await redis.exists(userKeys(prefix, userId).pendingComment)) === 1;

  /** Remembers which judge each outlier number shown to the chair stands for. */
  const saveOutlierRefs = async (contestId: string, presenter: number, refs: Map<number, number>, ttlSeconds: number) => {
    const key = keysOf(contestId).outliers(presenter);
    await redis.del(key);
    if (refs.size === 0) return;
    await redis.hset(key, Object.fromEntries([...refs].map(([ref, judgeId]) => [String(ref), String(judgeId)])));
    await redis.expire(key, ttlSeconds);
  };

  const outlierJudge = async (contestId: string, presenter: number, ref: number): Promise<number | undefined> => {
    const id = await redis.hget(keysOf(contestId).outliers(presenter), String(ref));
    return id === null ? undefined : Number(id);
  };

  return {
    conflicts,
    conflictedJudges,
    isConflicted,
    setConflict,
    addConflicts,
    removeJudge,
    removedJudges,
    updateJudge,
    setComment,
    awaitComment,
    takePendingComment,
    hasPendingComment,
    saveOutlierRefs,
    outlierJudge,
  };
};
export type IntegrityStore = ReturnType<typeof createIntegrityStore>;
