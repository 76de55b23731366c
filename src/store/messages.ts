// Telegram message ids the bot must find again (live counter, judges' ballot messages),
// and the pause that keeps edits of busy group messages a few seconds apart.
import { contestKeys } from "./keys.js";
import type { RedisClient } from "./scripts.js";

export const messageRole = {
  join: () => "join",
  counter: (presenter: number) => `counter:${presenter}`,
  ballot: (presenter: number, judgeId: number) => `ballot:${presenter}:${judgeId}`,
};

export const createMessageStore = (redis: RedisClient, prefix: string) => {
  const set = async (contestId: string, role: string, messageId: number): Promise<void> => {
    await redis.hset(contestKeys(prefix, contestId).messages, role, messageId);
  };

  const get = async (contestId: string, role: string): Promise<number | undefined> => {
    const id = await redis.hget(contestKeys(prefix, contestId).messages, role);
    return id === null ? undefined : Number(id);
  };

  /** True when the caller may edit the counter now; holds the pause for `ms` after that. */
  const claimEdit = async (contestId: string, role: string, ms: number): Promise<boolean> =>
    ms <= 0 || (await redis.set(contestKeys(prefix, contestId).editPause(role), "1", "PX", ms, "NX")) === "OK";

  return { set, get, claimEdit };
};
export type MessageStore = ReturnType<typeof createMessageStore>;
