import { describe, expect, it } from "vitest";
import { visibility } from "../../src/domain/release.js";

describe("release policy", () => {
  it.each([
    ["live", "running", true, true],
    ["live", "finished", true, true],
    ["scores", "running", true, false],
    ["scores", "finished", true, true],
    ["end", "running", false, false],
    ["end", "finished", true, true],
    ["chair", "running", false, false],
    ["chair", "finished", false, false],
  ] as const)("%s at %s: the public sees unit score %s, ranking %s", (policy, moment, unitScore, ranking) => {
    const seen = visibility(policy, "public", moment);
    expect(seen.unitScore).toBe(unitScore);
    expect(seen.ranking).toBe(ranking);
    expect(seen.detail).toBe(ranking);
  });

  it("always shows the chair everything", () => {
    for (const policy of ["live", "scores", "end", "chair"] as const) {
      expect(visibility(policy, "chair", "running")).toEqual({ unitScore: true, ranking: true, detail: true });
    }
  });
});
