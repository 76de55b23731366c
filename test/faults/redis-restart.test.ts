// Redis dies (SIGKILL) in the middle of a round and comes back: with AOF
// nothing that was stored is lost, a judge who submits while it is down is told the ballot was
// NOT recorded (never a false "recorded"), and can submit again once it is back.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { createRedis } from "../../src/redis.js";
import { startRedisServer, uniquePrefix, type RedisServerHandle } from "../support/redis.js";
import { createHarness, GROUP, type Harness } from "../bot/harness.js";
import { ballotMessage, chair, judgesFrom, rankingRows, setUpContest, submit, tapScores } from "./meeting.js";
import { changedKeys, contentOfKeys } from "./snapshot.js";

const SCORES = [25, 26, 18, 17]; // 86.00

// "everysec" is Redis's default (and docker-compose.yml's): the AOF is written before Redis replies, so a
// killed process loses nothing it acknowledged; "always" also survives the machine losing power.
describe.each(["always", "everysec"])("Redis killed with SIGKILL mid-round (appendonly yes, appendfsync %s)", (fsync) => {
  let server: RedisServerHandle;
  let client: Redis;
  let h: Harness;

  beforeEach(async () => {
    server = await startRedisServer({ appendonly: true, extraArgs: ["--appendfsync", fsync] });
    // The bot's own client: fails fast (maxRetriesPerRequest 1, commandTimeout) while Redis is away.
    client = createRedis(server.url) as Redis;
    client.on("error", () => undefined);
    await client.connect();
    h = await createHarness({ redis: { redis: client, prefix: uniquePrefix("fault"), cleanup: async () => client.disconnect() } });
  });
  afterEach(async () => {
    await h.close();
    await server.stop();
  });

  const waitUntilReady = async (timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        if ((await client.ping()) === "PONG") return;
      } catch {
        // still reconnecting
      }
      if (Date.now() > deadline) throw new Error("the bot's Redis client did not reconnect");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it("keeps every submitted ballot and draft, refuses honestly while down, and accepts again after", async () => {
    const judges = judgesFrom(11, 8);
    const [before, during] = [judges.slice(0, 5), judges.slice(5)];
    const contest = await setUpContest(h, judges);
    await h.say(chair, GROUP, "/open");

    for (const judge of before) {
      await tapScores(h, judge, SCORES);
      expect(await submit(h, judge)).toContain("已记录");
    }
    // The others have scored every criterion (a complete draft) but not yet submitted.
    for (const judge of during) await tapScores(h, judge, SCORES);
    const stored = await contentOfKeys(client, h.redis.prefix);

    await server.kill("SIGKILL");

    // Three submits and a tap arrive while Redis is down (handled concurrently, as they would be).
    const presses = [
      ...during.map((judge) => h.model.tap(judge, judge.id, ballotMessage(h, judge).messageId, /^✅/)),
      h.model.tap(during[0]!, during[0]!.id, ballotMessage(h, during[0]!).messageId, /^✏️ 实施性/),
    ];
    const started = Date.now();
    await Promise.all(h.model.takeUpdates().map((update) => h.bot.handleUpdate(update)));
    const answers = presses.map((update) => h.model.callbacks.get(update.callback_query!.id)?.answer?.text ?? "");
    expect(answers).toEqual(presses.map(() => "❌ 评分未记录：存储暂时不可用。请稍后再点一次。"));
    const refusedInMs = Date.now() - started;

    await server.restart();
    await waitUntilReady();

    // Nothing stored before the kill is lost, and nothing was half-written while it was down:
    // every key holds what it held (ballots, drafts, the audit stream, the round state).
    const restored = await contentOfKeys(client, h.redis.prefix);
    expect(changedKeys(stored, restored)).toEqual([]);
    expect(restored.size).toBe(stored.size);
    const ballots = await h.store.ballots.forPresenter(contest.id, 0);
    expect(ballots.map((b) => b.judgeId)).toEqual(before.map((j) => j.id));
    for (const judge of during) {
      const state = await h.store.ballots.state(contest.id, 0, judge.id);
      expect(state?.draft.scores).toEqual({ "0": 25, "1": 26, "2": 18, "3": 17 });
      expect(state?.ballot).toBeUndefined();
    }

    // Those who were refused submit again, and are counted.
    for (const judge of during) expect(await submit(h, judge)).toContain("已记录");
    await h.say(chair, GROUP, "/close");
    expect(rankingRows(h.model.lastMessage(GROUP)!.text!)).toEqual(["1. 区交通运输局 — 86.00（8 份） ◀ 刚结束"]);
    const audit = await h.store.audit.read(contest.id);
    expect(audit.filter((e) => e.type === "ballot-submitted")).toHaveLength(8);
    console.info(`[faults] Redis SIGKILL (appendfsync ${fsync}): ballots lost 0 of ${before.length}; drafts lost 0 of ${during.length}; ${during.length} submits while down and 1 tap while down answered "not recorded" within ${refusedInMs} ms, all ${during.length} accepted after restart`);
  });
});
