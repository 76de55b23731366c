// Per-user rate-limit windows shared by every replica: one atomic script call per counted update.
import type { RedisClient } from "./scripts.js";
import { rateKey } from "./keys.js";

export const createRateLimitStore = (redis: RedisClient, prefix: string) => {
  /** Counts one hit of `user` and returns the hits in the current window of `windowMs`. */
  const hit = async (user: string, windowMs: number): Promise<number> =>
    Number(await redis.rateHit(rateKey(prefix, user), windowMs));

  return { hit };
};
export type RateLimitStore = ReturnType<typeof createRateLimitStore>;
