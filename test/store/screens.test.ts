// Scoreboard links: random, bound to one contest, revocable.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStore, type Store } from "../../src/store/store.js";
import { contestKeys, screenKeys } from "../../src/store/keys.js";
import { testRedis, type TestRedis } from "../support/redis.js";

describe("scoreboard tokens (real Redis)", () => {
  let r: TestRedis;
  let store: Store;
  beforeEach(() => {
    r = testRedis();
    store = createStore(r.redis, r.prefix);
  });
  afterEach(() => r.cleanup());

  it("makes a base64url token of at least 128 bits that resolves to its contest", async () => {
    const token = await store.screens.ensure("ffffff0001");
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    expect(await store.screens.resolve(token)).toBe("ffffff0001");
  });

  it("gives the same link again until it is revoked, then a new one", async () => {
    const first = await store.screens.ensure("ffffff0002");
    expect(await store.screens.ensure("ffffff0002")).toBe(first);
    expect(await store.screens.revoke("ffffff0002")).toBe(true);
    expect(await store.screens.resolve(first)).toBeUndefined();
    expect(await store.screens.revoke("ffffff0002")).toBe(false);
    const second = await store.screens.ensure("ffffff0002");
    expect(second).not.toBe(first);
    expect(await store.screens.resolve(second)).toBe("ffffff0002");
    expect(await store.screens.resolve(first)).toBeUndefined();
  });

  it("hands out one token when two chairs ask at once", async () => {
    const tokens = await Promise.all(Array.from({ length: 8 }, () => store.screens.ensure("ffffff0003")));
    expect(new Set(tokens).size).toBe(1);
    expect(await store.screens.resolve(tokens[0]!)).toBe("ffffff0003");
  });

  it("refuses unknown, malformed and half-bound tokens", async () => {
    const token = await store.screens.ensure("ffffff0004");
    expect(await store.screens.resolve("A".repeat(24))).toBeUndefined();
    expect(await store.screens.resolve("../../etc/passwd")).toBeUndefined();
    expect(await store.screens.resolve("")).toBeUndefined();
    // A lookup key whose contest no longer points back is not a working link.
    await r.redis.set(screenKeys(r.prefix, "B".repeat(24)).contest, "ffffff0004");
    expect(await store.screens.resolve("B".repeat(24))).toBeUndefined();
    expect(await r.redis.get(contestKeys(r.prefix, "ffffff0004").screen)).toBe(token);
  });

  it("keeps tokens of different contests apart", async () => {
    const a = await store.screens.ensure("ffffff0005");
    const b = await store.screens.ensure("ffffff0006");
    expect(a).not.toBe(b);
    await store.screens.revoke("ffffff0005");
    expect(await store.screens.resolve(b)).toBe("ffffff0006");
  });
});
