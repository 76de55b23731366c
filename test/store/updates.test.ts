import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStore, type Store } from "../../src/store/store.js";
import { updateKey } from "../../src/store/keys.js";
import { testRedis, type TestRedis } from "../support/redis.js";

describe("update claims (dedupe across deliveries and replicas)", () => {
  let r: TestRedis;
  let store: Store;
  beforeEach(() => {
    r = testRedis();
    store = createStore(r.redis, r.prefix);
  });
  afterEach(() => r.cleanup());

  it("lets the first claim of an update_id win and refuses every later one", async () => {
    expect(await store.updates.claim(1001, 60)).toBe(true);
    expect(await store.updates.claim(1001, 60)).toBe(false);
    expect(await store.updates.claim(1002, 60)).toBe(true);
  });

  it("gives concurrent claims of one update to exactly one caller", async () => {
    const claims = await Promise.all(Array.from({ length: 20 }, () => store.updates.claim(7, 60)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("forgets a claim after its TTL", async () => {
    await store.updates.claim(5, 60);
    const ttl = await r.redis.ttl(updateKey(r.prefix, 5));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  });
});
