import { describe, expect, it } from "vitest";
import { momentOf, visibility } from "../../src/domain/release.js";

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
      expect(visibility(policy, "chair", "running")).toEqual({ unitScore: true, ranking: true, detail: true, heldUntil: null });
    }
  });

  it.each([
    ["live", "running", null],
    ["scores", "running", "finish"],
    ["end", "running", "finish"],
    ["end", "finished", null],
    ["chair", "running", "chair"],
    ["chair", "finished", "chair"],
    ["chair", "published", null],
  ] as const)("%s at %s: what is held back comes at %s", (policy, moment, heldUntil) => {
    expect(visibility(policy, "public", moment).heldUntil).toBe(heldUntil);
  });

  it("shows everything once the chair has published the results, whatever the policy", () => {
    for (const policy of ["live", "scores", "end", "chair"] as const)
      expect(visibility(policy, "public", "published")).toMatchObject({ unitScore: true, ranking: true, detail: true });
  });

  it("tells the moment from the contest's status and publication", () => {
    expect(momentOf({ status: "draft" })).toBe("running");
    expect(momentOf({ status: "running", published: true })).toBe("running");
    expect(momentOf({ status: "finished" })).toBe("finished");
    expect(momentOf({ status: "finished", published: true })).toBe("published");
    expect(momentOf({ status: "cancelled" })).toBe("running");
  });
});
