// The Redis connection. Commands fail fast while Redis is unreachable, so that a judge is
// told at once that a ballot was not recorded instead of waiting on a queued command.
import { Redis } from "ioredis";

export const createRedis = (url: string): Redis =>
  new Redis(url, {
    maxRetriesPerRequest: 1,
    commandTimeout: 3000,
    connectTimeout: 5000,
    lazyConnect: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
