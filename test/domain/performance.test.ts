import { describe, expect, it } from "vitest";
import { type ScoredBallot, presenterResult } from "../../src/domain/scoring.js";
import { computeStandings } from "../../src/domain/standings.js";
import { setupOf } from "./fixtures.js";

const PRESENTERS = 1000;
const JUDGES = 100;

const setup = setupOf({
  criteria: [
    { name: "实施性", max: 30 },
    { name: "创新性", max: 30, step: 0.5 },
    { name: "持续性", max: 20 },
    { name: "推广性", max: 20 },
  ],
  presenters: Array.from({ length: PRESENTERS }, (_, i) => ({ name: `P${i}`, group: `G${i % 4}`, prior: 60 + (i % 40) })),
  panels: [
    { name: "区领导", weight: 70 },
    { name: "两代表一委员", weight: 30 },
  ],
  aggregate: { method: "trimmed", trim: 1 },
  blend: { live: 60, prior: 40 },
  prizes: [
    { name: "一等奖", count: 1 },
    { name: "二等奖", count: 2 },
    { name: "三等奖", count: 3 },
  ],
  bands: [
    { name: "红", min: 90 },
    { name: "黄", min: 75 },
    { name: "黑", min: 0 },
  ],
});

const ballotsFor = (presenter: number): ScoredBallot[] =>
  Array.from({ length: JUDGES }, (_, j) => {
    const x = (presenter * 7919 + j * 104729) % 997;
    return {
      judgeId: j + 1,
      panel: j % 3 === 0 ? 1 : 0,
      scores: [x % 31, (x % 61) / 2, x % 21, (x >> 3) % 21],
      counted: j % 25 !== 24,
    };
  });

describe("performance", () => {
  it(`ranks ${PRESENTERS} presenters × ${JUDGES} judges, every one of them, repeatably`, () => {
    const ballots = Array.from({ length: PRESENTERS }, (_, p) => ballotsFor(p));
    const rank = () => computeStandings(setup, ballots.map((b, p) => presenterResult(setup, p, b)));
    const timings = Array.from({ length: 5 }, () => {
      const started = performance.now();
      const standings = rank();
      expect(standings.groups.flatMap((g) => g.rows)).toHaveLength(PRESENTERS);
      return performance.now() - started;
    });
    // Timings are reported by `npm run bench`, never asserted: a loaded machine must not fail a test.
    expect(timings).toHaveLength(5);
  });
});
