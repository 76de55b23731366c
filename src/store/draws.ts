// The draw of the presenting order (抽签): the latest draw is one field of the contest's meta hash
// ("draw", DrawRecord JSON), written with its audit entry by one script (scripts/draw-order.lua)
// that refuses when a round was opened, or another draw stored, since the state was read.
// Opening "the next presenter" passes the draw it read to open-round.lua, which refuses it when a
// draw changed the order meanwhile (rounds.ts).
import type { Contest } from "../domain/contest.js";
import { DrawRecordSchema, presentingOrder, type DrawRecord } from "../domain/draw.js";
import { auditData, type Actor } from "./audit.js";
import { optionalString, replyCode } from "./codes.js";
import type { PublishEvent } from "./events.js";
import { contestKeys } from "./keys.js";
import type { RedisClient } from "./scripts.js";

/** The stored draw as read: its text (what a later write must still find; "" = none) and record. */
export type DrawRead = { stored: string; record: DrawRecord | undefined };

export type DrawCommit =
  | { code: "OK" | "CONTEST_ENDED" | "STALE" }
  /** A presenter whose place was drawn had their round opened meanwhile. */
  | { code: "ALREADY_OPEN"; presenter: number };

/** The stored draw's record, undefined when none (or unreadable). */
export const parseDrawRecord = (stored: string): DrawRecord | undefined => {
  if (!stored) return undefined;
  try {
    const parsed = DrawRecordSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

export const createDrawStore = (redis: RedisClient, prefix: string, publish: PublishEvent) => {
  const read = async (contestId: string): Promise<DrawRead> => {
    const stored = (await redis.hget(contestKeys(prefix, contestId).meta, "draw")) ?? "";
    return { stored, record: parseDrawRecord(stored) };
  };

  /** The contest's presenting order (presenter indexes), and the draw it was read from. */
  const order = async (contest: Contest): Promise<{ order: number[]; draw: DrawRead }> => {
    const draw = await read(contest.id);
    return { order: presentingOrder(contest.setup.presenters, draw.record), draw };
  };

  /** Stores `record` if the stored draw is still `read` and none of `record.drawn` has a round. */
  const commit = async (contestId: string, read: DrawRead, record: DrawRecord, actor: Actor): Promise<DrawCommit> => {
    const keys = contestKeys(prefix, contestId);
    const json = JSON.stringify(DrawRecordSchema.parse(record));
    const audit = auditData({
      type: "order-drawn",
      data: { seed: record.seed, scope: record.scope, method: record.method, order: record.order, drawn: record.drawn },
    });
    const reply = await redis.drawOrder(keys.meta, keys.rounds, keys.audit, read.stored, json, actor.by, actor.at, audit, ...record.drawn);
    const code = replyCode(reply);
    if (code === "OK") await publish(contestId, "draw");
    if (code === "ALREADY_OPEN") return { code, presenter: Number(optionalString(reply[1])) };
    if (code === "OK" || code === "CONTEST_ENDED" || code === "STALE") return { code };
    throw new Error(`unexpected draw-order reply ${code}`);
  };

  return { read, order, commit };
};
export type DrawStore = ReturnType<typeof createDrawStore>;
