// The ranking workload of the benchmark (1,000 presenters × 100 judges by default): a realistic
// contest (4 criteria, 2 panels, trimmed mean, blend, prizes, bands) and deterministic ballots.
// test/domain/performance.test.ts ranks the same workload for correctness.
import { ContestSetupSchema, type ContestSetup } from "../src/domain/contest.js";
import { presenterResult, type ScoredBallot } from "../src/domain/scoring.js";
import { computeStandings, type Standings } from "../src/domain/standings.js";

export const rankingSetup = (presenters: number): ContestSetup =>
  ContestSetupSchema.parse({
    title: "ranking bench",
    criteria: [
      { name: "实施性", max: 30 },
      { name: "创新性", max: 30, step: 0.5 },
      { name: "持续性", max: 20 },
      { name: "推广性", max: 20 },
    ],
    presenters: Array.from({ length: presenters }, (_, i) => ({ name: `P${i}`, group: `G${i % 4}`, prior: 60 + (i % 40) })),
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

/** Judges' ballots per presenter; every 25th judge is not counted (an observer). */
export const rankingBallots = (presenters: number, judges: number): ScoredBallot[][] =>
  Array.from({ length: presenters }, (_, p) =>
    Array.from({ length: judges }, (_, j) => {
      const x = (p * 7919 + j * 104729) % 997;
      return { judgeId: j + 1, panel: j % 3 === 0 ? 1 : 0, scores: [x % 31, (x % 61) / 2, x % 21, (x >> 3) % 21], counted: j % 25 !== 24 };
    }),
  );

/** Ranks the workload from scratch, as a close does. */
export const rankWorkload = (setup: ContestSetup, ballots: ScoredBallot[][]): Standings =>
  computeStandings(setup, ballots.map((b, p) => presenterResult(setup, p, b)));
