/**
 * Redis helpers for tests (run inside vitest workers).
 *
 * The global setup (test/support/global-setup.ts) provides `redisUrl`: either
 * REDIS_URL / redis://127.0.0.1:6379 when it answers, or a private redis-server.
 * Every `testRedis()` gets its own key prefix, so test files can run in parallel.
 */
import { randomBytes } from "node:crypto";
import { Redis, type RedisOptions } from "ioredis";
import { inject } from "vitest";

export { freePort, pingRedisUrl, startRedisServer } from "./redis-server.js";
export type { RedisServerHandle, RedisServerOptions } from "./redis-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

export interface TestRedis {
  /** A dedicated connection (plain: no ioredis keyPrefix; pass `prefix` to the code under test). */
  redis: Redis;
  /** Unique per call, e.g. "t:3f9a1c0b2d4e:" */
  prefix: string;
  /** The URL the connection uses (hand it to a bot process or a second connection). */
  url: string;
  /** Delete every key under `prefix` (SCAN + UNLINK) and close the connection. Idempotent. */
  cleanup(): Promise<void>;
}

/** URL of the Redis that the global setup found or started. */
export function testRedisUrl(): string {
  return inject("redisUrl");
}

/** A fresh unique key prefix, "t:<12 hex>:". */
export function uniquePrefix(tag = "t"): string {
  return `${tag}:${randomBytes(6).toString("hex")}:`;
}

/** Delete every key matching `<prefix>*` with SCAN (never KEYS). Returns how many were removed. */
export async function deleteByPrefix(redis: Redis, prefix: string): Promise<number> {
  const pattern = `${prefix.replace(/[*?[\]\\]/g, "\\$&")}*`;
  let cursor = "0";
  let removed = 0;
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 500);
    cursor = next;
    if (keys.length > 0) removed += await redis.unlink(...keys);
  } while (cursor !== "0");
  return removed;
}

/** QUIT (or disconnect if that fails) and wait until the connection has really ended. */
export async function closeQuietly(redis: Redis): Promise<void> {
  if (redis.status === "end") return;
  const ended = new Promise<void>((resolve) => redis.once("end", () => resolve()));
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
  await ended;
}

/**
 * A connection plus unique prefix for one test (or one file).
 *
 *   const r = testRedis(); afterEach(() => r.cleanup());
 */
export function testRedis(opts: { url?: string; redisOptions?: RedisOptions } = {}): TestRedis {
  const url = opts.url ?? testRedisUrl();
  const redis = new Redis(url, { maxRetriesPerRequest: 2, ...opts.redisOptions });
  const prefix = uniquePrefix();
  let cleaned = false;
  return {
    redis,
    prefix,
    url,
    async cleanup(): Promise<void> {
      if (cleaned) return;
      cleaned = true;
      try {
        if (redis.status === "ready" || redis.status === "connecting" || redis.status === "wait") {
          await deleteByPrefix(redis, prefix);
        }
      } finally {
        await closeQuietly(redis);
      }
    },
  };
}

/** The names of the Redis commands `step` sent on `client` (a round trip each), and what it returned. */
export const commandsSent = async <T>(client: Redis, step: () => Promise<T>): Promise<{ result: T; sent: string[] }> => {
  const sent: string[] = [];
  const send = client.sendCommand.bind(client);
  client.sendCommand = ((command: { name: string }, ...rest: unknown[]) => {
    sent.push(command.name);
    return (send as (...args: unknown[]) => unknown)(command, ...rest);
  }) as typeof client.sendCommand;
  try {
    return { result: await step(), sent };
  } finally {
    client.sendCommand = send;
  }
};
