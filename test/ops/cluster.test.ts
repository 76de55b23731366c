// A whole meeting on a local 3-master Redis Cluster (the bot's store behind REDIS_CLUSTER_NODES).
// Skips only where redis-server or redis-cli is not installed.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import type { Cluster } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedis } from "../../src/redis.js";
import { createStore } from "../../src/store/store.js";
import { contestKeys } from "../../src/store/keys.js";
import { SeasonRulesSchema } from "../../src/domain/season.js";
import { createHarness } from "../bot/harness.js";
import { startRedisServer, uniquePrefix, type RedisServerHandle } from "../support/redis.js";
import { runMeeting } from "./meeting-script.js";

const run = promisify(execFile);

const installed = (bin: string): boolean => {
  try {
    execFileSync(bin, ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};
const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? "redis-server";
const haveRedis = installed(REDIS_SERVER) && installed("redis-cli");
if (!haveRedis) console.warn(`[cluster.test] skipped: ${REDIS_SERVER} and redis-cli are needed to start a local Redis Cluster`);

/** Deletes every key under `prefix` on every master, one key per command (keys of many slots). */
const deleteOnCluster = async (cluster: Cluster, prefix: string): Promise<void> => {
  for (const node of cluster.nodes("master")) {
    for (const key of await node.keys(`${prefix}*`)) await node.unlink(key);
  }
};

const onCluster = (cluster: Cluster) => {
  const prefix = uniquePrefix("c");
  return { redis: cluster, prefix, cleanup: () => deleteOnCluster(cluster, prefix) };
};

describe.skipIf(!haveRedis)("Redis Cluster (3 masters)", () => {
  const servers: RedisServerHandle[] = [];
  let cluster: Cluster;

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) {
      servers.push(await startRedisServer({ clusterEnabled: true, extraArgs: ["--cluster-announce-ip", "127.0.0.1", "--cluster-node-timeout", "2000"] }));
    }
    await run("redis-cli", ["--cluster", "create", ...servers.map((s) => `127.0.0.1:${s.port}`), "--cluster-replicas", "0", "--cluster-yes"], {
      timeout: 25_000,
    });
    // Wait until every node agrees that all slots are served.
    for (const server of servers) {
      for (let attempt = 0; ; attempt++) {
        const { stdout } = await run("redis-cli", ["-p", String(server.port), "cluster", "info"]);
        if (stdout.includes("cluster_state:ok")) break;
        if (attempt > 100) throw new Error(`cluster not ok on ${server.port}:\n${stdout}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    cluster = createRedis("redis://127.0.0.1:6379", { clusterNodes: servers.map((s) => ({ host: "127.0.0.1", port: s.port })) }) as Cluster;
    await cluster.connect();
  }, 40_000);

  afterAll(async () => {
    await cluster?.quit().catch(() => cluster.disconnect());
    // Kills the servers and removes their temp dirs (AOF, nodes-<port>.conf).
    await Promise.all(servers.map((s) => s.stop()));
  });

  it("runs a whole meeting with the same result as on a single Redis", async () => {
    const h = await createHarness({ redis: onCluster(cluster) });
    const clusterRun = await runMeeting(h.model, h.deliver);
    await h.close();
    const single = await createHarness();
    const singleRun = await runMeeting(single.model, single.deliver);
    await single.close();
    expect(clusterRun.finalRanking).toContain("最终排名");
    expect(clusterRun.finalRanking).toBe(singleRun.finalRanking);
  });

  it("keeps a contest's keys on one slot while the store as a whole spreads over the masters", async () => {
    const redis = onCluster(cluster);
    const { prefix } = redis;
    const h = await createHarness({ redis });
    await runMeeting(h.model, h.deliver);
    const masters = cluster.nodes("master");
    const keys = (await Promise.all(masters.map((node) => node.keys(`${prefix}*`)))).map((found) => found.length);
    expect(keys.filter((n) => n > 0).length).toBeGreaterThan(1);
    const all = (await Promise.all(masters.map((node) => node.keys(`${prefix}:c:*`)))).flat();
    const slots = new Set(await Promise.all(all.map((key) => cluster.call("CLUSTER", "KEYSLOT", key))));
    expect(all.length).toBeGreaterThan(3);
    expect(slots.size).toBe(1);
    expect(contestKeys(prefix, "x").meta).toContain("{x}");
    await h.close();
  });

  it("claims updates and takes locks on the cluster", async () => {
    const prefix = uniquePrefix("c");
    const store = createStore(cluster, prefix);
    expect(await store.updates.claim(42, 60)).toBe(true);
    expect(await store.updates.claim(42, 60)).toBe(false);
    const outcome = await store.locks.withLock({ contestId: "abc123def0", name: "auto-close:0" }, 5_000, async () => "ran");
    expect(outcome).toEqual({ ran: true, value: "ran" });
    await deleteOnCluster(cluster, prefix);
  });

  it("keeps a season's keys on one slot and runs its writes on the cluster", async () => {
    const prefix = uniquePrefix("c");
    const store = createStore(cluster, prefix);
    const actor = { by: 1, at: 1 };
    const season = { id: "seasn00001", name: "赛季", ownerId: 1, chats: [-1], createdAt: 1, status: "open" as const, rules: SeasonRulesSchema.parse({}), aliases: [] };
    await store.seasons.create(season, actor);
    const snapshot = { contestId: "cccccc0001", chatId: -1, title: "评议", finishedAt: 1, weight: 1, public: true, addedAt: 1, addedBy: 1, rows: [{ name: "甲", group: null, rank: 1, final: "85/1" }] };
    expect(await store.seasons.putSnapshot(season.id, snapshot, actor)).toEqual({ code: "OK", replaced: false });
    expect(await store.seasons.close(season, actor)).toBe("OK");
    const keys = (await Promise.all(cluster.nodes("master").map((node) => node.keys(`${prefix}:s:*`)))).flat();
    expect(keys.length).toBe(3);
    expect(new Set(await Promise.all(keys.map((key) => cluster.call("CLUSTER", "KEYSLOT", key)))).size).toBe(1);
    expect((await store.seasons.audit(season.id)).map((e) => e.type)).toEqual(["season-created", "season-contest-added", "season-closed"]);
    await deleteOnCluster(cluster, prefix);
  });
});
