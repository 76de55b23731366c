// The chair's decisions on ties (tie-break rule "chair"): one hash field per tie, written by a
// compare-and-set script so two presses (or two chairs) never both win.
import { type TieDecision, TieDecisionSchema, tieKey } from "../domain/chair-decision.js";
import { type Actor, AuditDataSchemas } from "./audit.js";
import { replyCode } from "./codes.js";
import { contestKeys } from "./keys.js";
import type { RedisClient } from "./scripts.js";

/** A decision as read, with the stored text a later update must still find. */
export type ReadDecision = { decision: TieDecision | undefined; stored: string };

export type SetDecisionResult = "OK" | "STALE" | "CONTEST_ENDED";

const parse = (text: string | null | undefined): TieDecision | undefined => {
  if (!text) return undefined;
  const parsed = TieDecisionSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : undefined;
};

export const createTiebreakStore = (redis: RedisClient, prefix: string) => {
  const keysOf = (contestId: string) => contestKeys(prefix, contestId);

  const read = async (contestId: string, tie: readonly number[]): Promise<ReadDecision> => {
    const stored = (await redis.hget(keysOf(contestId).tiebreaks, tieKey(tie))) ?? "";
    return { decision: parse(stored), stored };
  };

  /** The confirmed orders, best first, for the ranking. */
  const confirmedOrders = async (contestId: string): Promise<number[][]> =>
    Object.values(await redis.hgetall(keysOf(contestId).tiebreaks)).flatMap((text) => {
      const decision = parse(text);
      return decision?.confirmed ? [decision.order] : [];
    });

  /**
   * Stores `next` (undefined = no decision) for the tie when its stored text is still `read.stored`
   * and the contest is running. A confirmed decision writes a "tiebreak-decided" audit entry.
   */
  const set = async (contestId: string, tie: readonly number[], read: ReadDecision, next: TieDecision | undefined, actor: Actor): Promise<SetDecisionResult> => {
    const keys = keysOf(contestId);
    const audit = next?.confirmed ? JSON.stringify(AuditDataSchemas["tiebreak-decided"].parse({ order: next.order })) : "";
    const reply = await redis.setTiebreak(
      keys.meta,
      keys.tiebreaks,
      keys.audit,
      tieKey(tie),
      read.stored,
      next ? JSON.stringify(next) : "",
      actor.at,
      actor.by,
      audit,
    );
    const code = replyCode(reply);
    return code === "OK" || code === "CONTEST_ENDED" ? code : "STALE";
  };

  return { read, confirmedOrders, set };
};
export type TiebreakStore = ReturnType<typeof createTiebreakStore>;
