import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStore, type Store } from "../../src/store/store.js";
import { contestKeys, lockKey } from "../../src/store/keys.js";
import { testRedis, type TestRedis } from "../support/redis.js";

describe("locks (one replica runs a timer's job)", () => {
  let r: TestRedis;
  let a: Store;
  let b: Store;
  beforeEach(() => {
    r = testRedis();
    // Two stores on one prefix stand for two replicas.
    a = createStore(r.redis, r.prefix);
    b = createStore(r.redis.duplicate(), r.prefix);
  });
  afterEach(async () => {
    b.redis.disconnect();
    await r.cleanup();
  });

  it("gives the lock to one holder until it is released", async () => {
    const first = await a.locks.acquire({ name: "sweep" }, 10_000);
    expect(first).toBeDefined();
    expect(await b.locks.acquire({ name: "sweep" }, 10_000)).toBeUndefined();
    expect(await a.locks.release(first!)).toBe(true);
    expect(await b.locks.acquire({ name: "sweep" }, 10_000)).toBeDefined();
  });

  it("never lets a former holder release or extend a lock someone else has taken since", async () => {
    const stale = await a.locks.acquire({ name: "sweep" }, 10_000);
    await r.redis.del(lockKey(r.prefix, "sweep")); // as if its TTL ran out
    const current = await b.locks.acquire({ name: "sweep" }, 10_000);
    expect(current).toBeDefined();
    expect(await a.locks.release(stale!)).toBe(false);
    expect(await a.locks.extend(stale!, 10_000)).toBe(false);
    expect(await r.redis.get(lockKey(r.prefix, "sweep"))).toBe(current!.token);
    expect(await b.locks.extend(current!, 20_000)).toBe(true);
    expect(await r.redis.pttl(lockKey(r.prefix, "sweep"))).toBeGreaterThan(10_000);
  });

  it("sets the TTL given, so a crashed holder blocks the others for that long at most", async () => {
    await a.locks.acquire({ name: "sweep" }, 5_000);
    const ttl = await r.redis.pttl(lockKey(r.prefix, "sweep"));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(5_000);
  });

  it("runs a job on exactly one of several concurrent replicas and releases the lock after it", async () => {
    let runs = 0;
    const job = async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return "closed";
    };
    const scope = { contestId: "abc123def0", name: "auto-close:0" };
    const outcomes = await Promise.all([a, b, a, b].map((s) => s.locks.withLock(scope, 10_000, job)));
    expect(runs).toBe(1);
    expect(outcomes.filter((o) => o.ran)).toEqual([{ ran: true, value: "closed" }]);
    expect(await r.redis.exists(contestKeys(r.prefix, "abc123def0").lock("auto-close:0"))).toBe(0);
  });

  it("keeps a contest's lock under the contest's hash tag (one Redis Cluster slot)", () => {
    expect(contestKeys("p", "abc123def0").lock("auto-close:0")).toContain("{abc123def0}");
  });

  it("releases the lock when the job throws", async () => {
    await expect(a.locks.withLock({ name: "boom" }, 10_000, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await r.redis.exists(lockKey(r.prefix, "boom"))).toBe(0);
  });
});
