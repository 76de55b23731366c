// A Redis lock, so that among replicas exactly one runs a job at a time: a timer that closes a
// round when its time is up, a periodic clean-up. Every replica may try; one gets the lock.
//
//   const ran = await store.locks.withLock({ contestId, name: `auto-close:${p}` }, 30_000, () => closeRound());
//
// The lock is a key holding a random token with a TTL (SET NX PX), released or extended only by
// its holder (a script compares the token). The TTL bounds how long a crashed holder blocks the
// others; work that may outlast it must call `extend`. This is the single-Redis lock (not
// Redlock): fine for jobs that are themselves safe to repeat (closeRound is atomic and idempotent),
// which is what it is meant for. A contest's lock shares the contest's hash tag, so a script may
// check it together with the contest's keys on one Redis Cluster slot.
import { randomBytes } from "node:crypto";
import { contestKeys, lockKey } from "./keys.js";
import type { RedisClient } from "./scripts.js";

export type LockScope = { name: string; contestId?: string };
export type Lock = { key: string; token: string };

export const createLockStore = (redis: RedisClient, prefix: string) => {
  const keyOf = ({ name, contestId }: LockScope): string =>
    contestId === undefined ? lockKey(prefix, name) : contestKeys(prefix, contestId).lock(name);

  /** Takes the lock for `ttlMs` if nobody holds it; undefined when someone does. */
  const acquire = async (scope: LockScope, ttlMs: number): Promise<Lock | undefined> => {
    const key = keyOf(scope);
    const token = randomBytes(12).toString("hex");
    const taken = await redis.set(key, token, "PX", Math.max(1, Math.ceil(ttlMs)), "NX");
    return taken === "OK" ? { key, token } : undefined;
  };

  /** Frees the lock if it is still ours; false when it had expired (and maybe been taken since). */
  const release = async (lock: Lock): Promise<boolean> => Number(await redis.releaseLock(lock.key, lock.token)) === 1;

  /** Keeps the lock for another `ttlMs` if it is still ours. */
  const extend = async (lock: Lock, ttlMs: number): Promise<boolean> =>
    Number(await redis.extendLock(lock.key, lock.token, Math.max(1, Math.ceil(ttlMs)))) === 1;

  /** Runs `job` under the lock; `{ ran: false }` when another holder has it. Always released. */
  const withLock = async <T>(
    scope: LockScope,
    ttlMs: number,
    job: (lock: Lock) => Promise<T>,
  ): Promise<{ ran: true; value: T } | { ran: false }> => {
    const lock = await acquire(scope, ttlMs);
    if (!lock) return { ran: false };
    try {
      return { ran: true, value: await job(lock) };
    } finally {
      await release(lock).catch(() => false);
    }
  };

  return { acquire, release, extend, withLock };
};
export type LockStore = ReturnType<typeof createLockStore>;
