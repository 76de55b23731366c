// Every store function that changes what a scoreboard shows publishes a "contest changed" event.
import { describe, expect, it } from "vitest";
import { eventsChannel } from "../../src/store/keys.js";
import { watchContestEvents } from "./contest-events.js";
import { judge, sampleContest } from "./fixtures.js";

describe("contest change events (real Redis pub/sub)", () => {
  const watch = watchContestEvents();

  /** Resolves once `count` events have arrived (pub/sub delivery is asynchronous). */
  const events = (count: number) => watch.until((seen) => (seen.length >= count ? seen.slice(0, count) : undefined));

  it("publishes on join, setup, open, submit, close and end, and nothing for refused changes", async () => {
    const contest = sampleContest("eeeeee0001");
    await watch.store.contests.create(contest);
    await watch.store.judges.enrol(contest.id, judge(7));
    await watch.store.contests.save({ ...contest, setup: { ...contest.setup, title: "改名" } });
    await watch.store.rounds.open(contest.id, 0);
    await watch.store.rounds.open(contest.id, 1); // refused: another round is open
    await watch.store.ballots.tap(contest.id, 0, 7, 0, 20); // a draft is not news
    await watch.store.ballots.tap(contest.id, 0, 7, 1, 5);
    await watch.store.ballots.submit(contest.id, 0, 7, 1);
    await watch.store.ballots.submit(contest.id, 0, 99, 1); // refused: not a judge
    await watch.store.rounds.close(contest.id, 0);
    await watch.store.rounds.close(contest.id, 0); // refused: not open
    await watch.store.contests.end(contest, "finished");
    const kinds = (await events(6)).map((e) => [e.contestId, e.kind]);
    expect(kinds).toEqual([
      ["eeeeee0001", "judges"],
      ["eeeeee0001", "setup"],
      ["eeeeee0001", "round-opened"],
      ["eeeeee0001", "ballot"],
      ["eeeeee0001", "round-closed"],
      ["eeeeee0001", "ended"],
    ]);
    // A marker published last arrives after anything a refused change might have sent.
    await watch.r.redis.publish(eventsChannel(watch.r.prefix), JSON.stringify({ contestId: "marker", kind: "setup" }));
    expect((await events(7)).at(-1)?.contestId).toBe("marker");
  });

  it("ignores malformed messages on the channel", async () => {
    await watch.r.redis.publish(eventsChannel(watch.r.prefix), "not json");
    await watch.r.redis.publish(eventsChannel(watch.r.prefix), JSON.stringify({ contestId: "x", kind: "unknown" }));
    await watch.r.redis.publish(eventsChannel(watch.r.prefix), JSON.stringify({ contestId: "x", kind: "ballot" }));
    expect(await events(1)).toEqual([{ contestId: "x", kind: "ballot" }]);
  });
});
