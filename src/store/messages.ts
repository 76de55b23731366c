// Telegram message ids the bot must find again (live counter, judges' ballot messages, the
// standings message), the pause that keeps edits of busy group messages a few seconds apart, and
// the in-flight mark that lets a round's close be the last edit of its announcement.
import { randomBytes } from "node:crypto";
import { contestKeys } from "./keys.js";
import { replyCode } from "./codes.js";
import type { RedisClient } from "./scripts.js";

/** The name of a counter's in-flight mark among the contest's locks. */
const counterWriteLock = (presenter: number) => `counter-write:${presenter}`;

export const messageRole = {
  join: () => "join",
  counter: (presenter: number) => `counter:${presenter}`,
  /** The contest's one standings message in the group (edited after each close, re-posted by /ranking). */
  standings: () => "standings",
  ballot: (presenter: number, judgeId: number) => `ballot:${presenter}:${judgeId}`,
};

const POLL_MS = 25;

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

  /**
   * Marks an open-state edit of a round's announcement as in flight, only while the round is open
   * (claim-counter-write.lua). Undefined when the round is not open: such an edit writes nothing.
   * Waits (up to `ttlMs`) while another replica's edit is in flight.
   */
  const claimCounterWrite = async (contestId: string, presenter: number, ttlMs: number): Promise<{ release(): Promise<void> } | undefined> => {
    const keys = contestKeys(prefix, contestId);
    const lock = keys.lock(counterWriteLock(presenter));
    const token = randomBytes(12).toString("hex");
    const until = Date.now() + ttlMs;
    for (;;) {
      const code = replyCode(await redis.claimCounterWrite(keys.meta, keys.rounds, lock, presenter, token, Math.max(1, Math.ceil(ttlMs))));
      if (code === "OK") return { release: async () => void (await redis.releaseLock(lock, token)) };
      if (code !== "RETRY" || Date.now() >= until) return undefined;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };

  /** Resolves once no open-state edit of the round's announcement is in flight (or after `timeoutMs`). */
  const awaitCounterWrites = async (contestId: string, presenter: number, timeoutMs: number): Promise<void> => {
    const lock = contestKeys(prefix, contestId).lock(counterWriteLock(presenter));
    const until = Date.now() + timeoutMs;
    while ((await redis.exists(lock)) === 1 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  };

  /** Forgets a message (e.g. the standings message once it was deleted in the group). */
  const remove = async (contestId: string, role: string): Promise<void> => {
    await redis.hdel(contestKeys(prefix, contestId).messages, role);
  };

  /** True the first time it is asked for `flag` of a contest (once across replicas). */
  const once = async (contestId: string, flag: string): Promise<boolean> =>
    (await redis.hsetnx(contestKeys(prefix, contestId).notices, flag, "1")) === 1;

  return { set, get, claimEdit, claimCounterWrite, awaitCounterWrites, remove, once };
};
export type MessageStore = ReturnType<typeof createMessageStore>;
