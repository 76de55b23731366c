import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, startRedisServer, testRedis, testRedisUrl, type RedisServerHandle, type TestRedis } from "../support/redis.js";

describe("testRedis", () => {
  const opened: TestRedis[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((r) => r.cleanup()));
  });

  it("gives unique prefixes and cleanup removes only its own keys", async () => {
    const a = testRedis();
    const b = testRedis();
    opened.push(b);
    expect(a.prefix).not.toBe(b.prefix);
    expect(a.prefix).toMatch(/^t:[0-9a-f]{12}:$/);
    await a.redis.set(`${a.prefix}x`, "1");
    await a.redis.hset(`${a.prefix}h`, "f", "v");
    await b.redis.set(`${b.prefix}x`, "2");
    await a.cleanup();
    expect(a.redis.status).toBe("end");
    expect(await b.redis.exists(`${a.prefix}x`, `${a.prefix}h`)).toBe(0);
    expect(await b.redis.get(`${b.prefix}x`)).toBe("2");
    await a.cleanup(); // idempotent
  });

  it("provides a reachable URL", async () => {
    const r = testRedis();
    opened.push(r);
    expect(r.url).toBe(testRedisUrl());
    expect(await r.redis.ping()).toBe("PONG");
  });
});

describe("startRedisServer", () => {
  let server: RedisServerHandle | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it("freePort returns distinct usable ports", async () => {
    const [p1, p2] = await Promise.all([freePort(), freePort()]);
    expect(p1).toBeGreaterThan(0);
    expect(p2).toBeGreaterThan(0);
  });

  it("appendonly data survives SIGKILL + restart on the same port", async () => {
    // fsync on every write: what survives the kill does not depend on how busy the machine is.
    server = await startRedisServer({ appendonly: true, extraArgs: ["--appendfsync", "always"] });
    const client = new Redis(server.url, { maxRetriesPerRequest: null, retryStrategy: () => 50 });
    try {
      await client.set("k", "v");
      await client.rpush("l", "a", "b");
      const firstPid = server.pid();
      await server.kill("SIGKILL");
      expect(server.running()).toBe(false);
      await server.restart();
      expect(server.pid()).not.toBe(firstPid);
      expect(await client.get("k")).toBe("v");
      expect(await client.lrange("l", 0, -1)).toEqual(["a", "b"]);
    } finally {
      client.disconnect();
    }
  });

  it("without appendonly, data is gone after restart", async () => {
    server = await startRedisServer({});
    const client = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: null, retryStrategy: () => 50 });
    try {
      await client.set("k", "v");
      await server.kill("SIGKILL");
      await server.restart();
      expect(await client.get("k")).toBeNull();
    } finally {
      client.disconnect();
    }
  });

  it("fails clearly when the port is taken", async () => {
    server = await startRedisServer({});
    await expect(startRedisServer({ port: server.port, readyTimeoutMs: 3000 })).rejects.toThrow(/exited early|not ready/);
  });
});
