// Opening and closing rounds, atomically (see scripts/open-round.lua, close-round.lua).
import { contestKeys } from "./keys.js";
import { replyCode, optionalString } from "./codes.js";
import type { RedisClient } from "./scripts.js";
import type { PublishEvent } from "./events.js";

export type OpenResult =
  | { code: "OK" | "CONTEST_ENDED" | "ALREADY_OPEN" | "ALREADY_CLOSED" | "NOT_CLOSED" }
  | { code: "OTHER_OPEN"; other: number };

export const createRoundStore = (redis: RedisClient, prefix: string, publish: PublishEvent) => {
  const open = async (contestId: string, presenter: number, reopen = false): Promise<OpenResult> => {
    const keys = contestKeys(prefix, contestId);
    const reply = await redis.openRound(keys.meta, keys.rounds, presenter, reopen ? "1" : "0");
    const code = replyCode(reply);
    if (code === "OTHER_OPEN") return { code, other: Number(optionalString(reply[1])) };
    if (code === "OK") await publish(contestId, "round-opened");
    if (code === "OK" || code === "CONTEST_ENDED" || code === "ALREADY_OPEN" || code === "ALREADY_CLOSED" || code === "NOT_CLOSED")
      return { code };
    throw new Error(`unexpected open-round reply ${code}`);
  };

  /** True when this call closed the round; false when it was not open. */
  const close = async (contestId: string, presenter: number): Promise<boolean> => {
    const keys = contestKeys(prefix, contestId);
    const closed = replyCode(await redis.closeRound(keys.meta, keys.rounds, presenter)) === "OK";
    if (closed) await publish(contestId, "round-closed");
    return closed;
  };

  return { open, close };
};
export type RoundStore = ReturnType<typeof createRoundStore>;
