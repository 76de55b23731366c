// The benchmark's ranking workload (bench/ranking-workload.ts), checked for correctness only:
// its time is measured by `npm run bench`, never asserted, so a loaded machine cannot fail a test.
import { describe, expect, it } from "vitest";
import { formatHalfUp } from "../../src/domain/rational.js";
import { rankingBallots, rankingSetup, rankWorkload } from "../../bench/ranking-workload.js";

const PRESENTERS = 1000;
const JUDGES = 100;

describe("the benchmark's ranking workload", () => {
  it(`ranks all ${PRESENTERS} presenters × ${JUDGES} judges, in four groups, the same way every time`, () => {
    const setup = rankingSetup(PRESENTERS);
    const ballots = rankingBallots(PRESENTERS, JUDGES);
    const first = rankWorkload(setup, ballots);
    const rows = first.groups.flatMap((g) => g.rows);
    expect(first.groups.map((g) => g.name)).toEqual(["G0", "G1", "G2", "G3"]);
    expect(rows).toHaveLength(PRESENTERS);
    for (const group of first.groups) {
      expect(group.rows[0]?.rank).toBe(1);
      expect(group.rows[0]?.prize).toBe("一等奖");
      const shown = group.rows.map((r) => Number(r.finalText));
      expect(shown).toEqual([...shown].sort((a, b) => b - a));
    }
    const again = rankWorkload(setup, ballots);
    expect(again.groups.flatMap((g) => g.rows.map((r) => [r.presenter, r.rank, r.final && formatHalfUp(r.final)]))).toEqual(
      rows.map((r) => [r.presenter, r.rank, r.final && formatHalfUp(r.final)]),
    );
  });
});
