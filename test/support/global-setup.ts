/**
 * vitest globalSetup: make sure a Redis answers and provide its URL as `redisUrl`.
 *
 * Uses REDIS_URL (default redis://127.0.0.1:6379) when it answers PING, otherwise
 * starts a private `redis-server` on a free port and kills it at teardown.
 */
import type { TestProject } from "vitest/node";
import { pingRedisUrl, startRedisServer, type RedisServerHandle } from "./redis-server.js";
// `redisUrl` in vitest's ProvidedContext is declared in ./redis.ts (same tsconfig program).

const DEFAULT_URL = "redis://127.0.0.1:6379";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const wanted = process.env.REDIS_URL ?? DEFAULT_URL;
  let server: RedisServerHandle | undefined;
  let url = wanted;
  if (!(await pingRedisUrl(wanted, 1000))) {
    server = await startRedisServer({});
    url = server.url;
    console.log(`[global-setup] no Redis at ${wanted}; started private redis-server at ${url}`);
  }
  project.provide("redisUrl", url);
  return async () => {
    await server?.stop();
  };
}
