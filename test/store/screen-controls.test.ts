// The scoreboard's controls in Redis: the speaking timer and the view, each change announced by a
// contest event (so every replica's pages refresh) and audited; a round's deadline is announced
// too, since the round itself was announced before its deadline was stored.
import { describe, expect, it } from "vitest";
import { eventsChannel } from "../../src/store/keys.js";
import { watchContestEvents } from "./contest-events.js";
import { sampleContest } from "./fixtures.js";

describe("scoreboard controls (real Redis)", () => {
  const watch = watchContestEvents();

  /** Every event up to a marker published last (pub/sub delivers in order). */
  const eventsSoFar = async (): Promise<Array<[string, string]>> => {
    await watch.r.redis.publish(eventsChannel(watch.r.prefix), JSON.stringify({ contestId: "marker", kind: "setup" }));
    await watch.until((seen) => (seen.some((e) => e.contestId === "marker") ? true : undefined));
    const until = watch.seen.findIndex((e) => e.contestId === "marker");
    const got = watch.seen.slice(0, until).map((e): [string, string] => [e.contestId, e.kind]);
    watch.seen = watch.seen.slice(until + 1);
    return got;
  };

  it("keeps the speaking timer with a TTL, announces and audits starting and stopping it", async () => {
    const contest = sampleContest("ffffff0001");
    await watch.store.contests.create(contest);
    const at = Date.now();
    await watch.store.screenControls.startTimer(contest.id, { presenter: 1, startedAt: at, endsAt: at + 300_000 }, { by: 5, at });
    expect(await watch.store.screenControls.timer(contest.id)).toEqual({ presenter: 1, startedAt: at, endsAt: at + 300_000 });
    const ttl = await watch.r.redis.pttl(`${watch.r.prefix}:c:{${contest.id}}:speaking-timer`);
    expect(ttl).toBeGreaterThan(300_000);
    expect(ttl).toBeLessThanOrEqual(300_000 + 3 * 60_000);
    expect(await watch.store.screenControls.stopTimer(contest.id, { by: 5, at })).toBe(true);
    expect(await watch.store.screenControls.stopTimer(contest.id, { by: 5, at })).toBe(false); // nothing to stop: no event
    expect(await watch.store.screenControls.timer(contest.id)).toBeUndefined();
    expect(await eventsSoFar()).toEqual([
      [contest.id, "timer"],
      [contest.id, "timer"],
    ]);
    const audit = (await watch.store.audit.read(contest.id)).filter((e) => e.type === "speaking-timer");
    expect(audit.map((e) => [e.by, e.data])).toEqual([
      [5, { action: "started", presenter: 1, seconds: 300 }],
      [5, { action: "stopped", presenter: 1, seconds: 0 }],
    ]);
  });

  it("switches the view once per change, announced and audited", async () => {
    const contest = sampleContest("ffffff0002");
    await watch.store.contests.create(contest);
    expect(await watch.store.screenControls.view(contest.id)).toBe("board");
    const actor = { by: 5, at: Date.now() };
    expect(await watch.store.screenControls.setView(contest.id, "board", actor)).toBe(false);
    expect(await watch.store.screenControls.setView(contest.id, "join", actor)).toBe(true);
    expect(await watch.store.screenControls.setView(contest.id, "join", actor)).toBe(false);
    expect(await watch.store.screenControls.view(contest.id)).toBe("join");
    expect(await watch.store.screenControls.setView(contest.id, "board", actor)).toBe(true);
    expect(await eventsSoFar()).toEqual([
      [contest.id, "screen-view"],
      [contest.id, "screen-view"],
    ]);
    expect((await watch.store.audit.read(contest.id)).filter((e) => e.type === "screen-view").map((e) => e.data)).toEqual([{ view: "join" }, { view: "board" }]);
  });

  it("announces a round's deadline once it is stored", async () => {
    const contest = sampleContest("ffffff0003");
    await watch.store.contests.create(contest);
    await watch.store.rounds.open(contest.id, 0);
    await watch.store.timers.schedule(contest.id, 0, Date.now() + 60_000);
    expect(await eventsSoFar()).toEqual([
      [contest.id, "round-opened"],
      [contest.id, "timer"],
    ]);
  });
});
