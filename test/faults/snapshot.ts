// Every key under a prefix with its content, to show that something changed nothing (or that a
// restart lost nothing).
import type { Redis } from "ioredis";

const keysUnder = async (redis: Redis, prefix: string): Promise<string[]> => {
  const found: string[] = [];
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix.replace(/[*?[\]\\]/g, "\\$&")}*`, "COUNT", 1000);
    cursor = next;
    found.push(...keys);
  } while (cursor !== "0");
  return found.sort();
};

/** DUMP of every key under `prefix` (except `exclude`d ones): byte-exact, for "nothing was written". */
export const dumpKeys = async (redis: Redis, prefix: string, exclude: (key: string) => boolean = () => false) => {
  const keys = (await keysUnder(redis, prefix)).filter((key) => !exclude(key));
  const dumps = await Promise.all(keys.map((key) => redis.dumpBuffer(key)));
  return new Map(keys.map((key, i) => [key, dumps[i]?.toString("base64") ?? null]));
};

/**
 * The content of every key under `prefix`, independent of encoding (a hash reloaded from the AOF
 * may iterate in another order, so its DUMP differs while its content does not).
 */
export const contentOfKeys = async (redis: Redis, prefix: string): Promise<Map<string, unknown>> => {
  const content = new Map<string, unknown>();
  for (const key of await keysUnder(redis, prefix)) {
    const type = await redis.type(key);
    if (type === "string") content.set(key, await redis.get(key));
    else if (type === "hash") content.set(key, Object.entries(await redis.hgetall(key)).sort());
    else if (type === "set") content.set(key, (await redis.smembers(key)).sort());
    else if (type === "zset") content.set(key, await redis.zrange(key, 0, -1, "WITHSCORES"));
    else if (type === "list") content.set(key, await redis.lrange(key, 0, -1));
    else if (type === "stream") content.set(key, await redis.xrange(key, "-", "+"));
    else content.set(key, `unknown type ${type}`);
  }
  return content;
};

/** Keys whose value differs between two snapshots (added, removed or changed). */
export const changedKeys = <V>(before: Map<string, V>, after: Map<string, V>): string[] =>
  [...new Set([...before.keys(), ...after.keys()])]
    .filter((key) => JSON.stringify(before.get(key)) !== JSON.stringify(after.get(key)))
    .sort();
