// The Redis connection: one server (REDIS_URL) or a Redis Cluster (REDIS_CLUSTER_NODES).
// Commands fail fast while Redis is unreachable, so that a judge is told at once that a ballot
// was not recorded instead of waiting on a queued command.
import { Cluster, Redis, type RedisOptions } from "ioredis";

export type RedisConnection = Redis | Cluster;
export type ClusterNode = { host: string; port: number };

const connectionOptions = {
  maxRetriesPerRequest: 1,
  commandTimeout: 3000,
  enableAutoPipelining: true,
  connectTimeout: 5000,
} satisfies RedisOptions;

/** Password, user name and TLS of a redis:// or rediss:// URL (for the nodes of a cluster). */
const credentialsOf = (url: string): RedisOptions => {
  const parsed = new URL(url);
  return {
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.protocol === "rediss:" ? { tls: {} } : {}),
  };
};

/**
 * A lazily connecting client (call `connect()`). With `clusterNodes`, an ioredis Cluster seeded
 * with those nodes; every multi-key command of the store uses the keys of one contest, which
 * share the hash tag {contestId} and so one slot.
 */
export const createRedis = (url: string, options: { clusterNodes?: ClusterNode[] | undefined } = {}): RedisConnection => {
  if (options.clusterNodes && options.clusterNodes.length > 0) {
    return new Cluster(options.clusterNodes, {
      lazyConnect: true,
      redisOptions: { ...connectionOptions, ...credentialsOf(url) },
      clusterRetryStrategy: (attempt) => Math.min(attempt * 200, 2000),
      // A slot that moves (failover, resharding) is followed within a few retries.
      retryDelayOnFailover: 200,
      retryDelayOnClusterDown: 300,
      slotsRefreshTimeout: 2000,
    });
  }
  return new Redis(url, {
    ...connectionOptions,
    lazyConnect: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
};
