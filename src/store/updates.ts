// Updates handled once across deliveries and replicas: the first process to claim an update_id
// handles it (SET NX with a TTL; one round trip).
import type { Redis, Cluster } from "ioredis";
import { updateKey } from "./keys.js";

export const createUpdateStore = (redis: Redis | Cluster, prefix: string) => {
  /** True for the first claim of `updateId` within `ttlSeconds`; false for every later one. */
  const claim = async (updateId: number, ttlSeconds: number): Promise<boolean> =>
    (await redis.set(updateKey(prefix, updateId), "1", "EX", ttlSeconds, "NX")) === "OK";

  return { claim };
};
export type UpdateStore = ReturnType<typeof createUpdateStore>;
