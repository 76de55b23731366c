// The moments the scoreboard times itself by: the round closed last (and when), for the reveal
// card, and when the contest ended, after which its link stops working some days later.
// Both are written atomically with the change itself by close-round.lua and end-contest.lua
// (fields "last-closed" and "ended-at" of the contest's meta hash).
import { contestKeys } from "./keys.js";
import { parseAuditEntry } from "./audit.js";
import type { RedisClient } from "./scripts.js";

export type LastClosed = { presenter: number; at: number };

/** "<presenter>:<ms>" as the scripts write it; undefined for anything else. */
export const parseLastClosed = (value: string | null | undefined): LastClosed | undefined => {
  const match = /^(\d{1,9}):(\d{1,16})$/.exec(value ?? "");
  if (!match) return undefined;
  return { presenter: Number(match[1]), at: Number(match[2]) };
};

/** Audit entries read back, newest first, to find when a contest ended that has no "ended-at". */
const ENDED_SCAN = 200;

export const createScreenMomentStore = (redis: RedisClient, prefix: string) => {
  /** The round closed last and when (the bot's clock, ms); undefined before any round closed. */
  const lastClosed = async (contestId: string): Promise<LastClosed | undefined> =>
    parseLastClosed(await redis.hget(contestKeys(prefix, contestId).meta, "last-closed"));

  /**
   * When the contest finished or was cancelled (ms); undefined while it has not ended. A contest
   * that ended before "ended-at" was written is looked up in the newest entries of its audit log.
   */
  const endedAt = async (contestId: string): Promise<number | undefined> => {
    const keys = contestKeys(prefix, contestId);
    const [at, status] = await redis.hmget(keys.meta, "ended-at", "status");
    if (status !== "finished" && status !== "cancelled") return undefined;
    if (at && /^\d{1,16}$/.test(at)) return Number(at);
    for (const [id, flat] of await redis.xrevrange(keys.audit, "+", "-", "COUNT", ENDED_SCAN)) {
      try {
        const entry = parseAuditEntry(id, flat);
        if (entry.type === "contest-finished" || entry.type === "contest-cancelled") return entry.at;
      } catch {
        // an entry of a kind this version does not know: not the one looked for
      }
    }
    return undefined;
  };

  return { lastClosed, endedAt };
};
export type ScreenMomentStore = ReturnType<typeof createScreenMomentStore>;
