import { describe, expect, it } from "vitest";
import type { Criterion, JudgeEntry } from "../../src/domain/contest.js";
import {
  conflictIndexes,
  conflictMember,
  findOutliers,
  matchJudgeEntry,
  median,
  panelIndex,
  parseConflictMember,
} from "../../src/domain/integrity.js";
import { formatHalfUp, fromInt } from "../../src/domain/rational.js";

const entry = (name: string, extra: Partial<JudgeEntry> = {}): JudgeEntry => ({ name, observer: false, conflicts: [], ...extra });
const criteria: Criterion[] = [{ name: "总分", max: 100, step: 1 }];
const ballot = (judgeId: number, total: number, submittedAt = judgeId) => ({ judgeId, scores: [total], submittedAt });

describe("matching a joining user to a contest-file judge entry", () => {
  const entries = [entry("张 三"), entry("李四", { userId: 42 }), entry("王五"), entry("王五")];

  it("matches by Telegram user id", () => {
    expect(matchJudgeEntry(entries, { id: 42 })?.name).toBe("李四");
  });

  it("never matches by display name alone (anyone can call themselves 张三)", () => {
    expect(matchJudgeEntry(entries, { id: 7 })).toBeUndefined();
    expect(matchJudgeEntry(entries, { id: 8 })).toBeUndefined();
  });

  it("turns conflict names into presenter indexes and panel names into panel indexes", () => {
    const presenters = [{ name: "区教育局" }, { name: "区卫健局" }, { name: "区交通运输局" }];
    expect(conflictIndexes(presenters, entry("x", { conflicts: ["区交通运输局", "区教育局", "不存在"] }))).toEqual([0, 2]);
    expect(panelIndex([{ name: "专家" }, { name: "群众" }], "群众")).toBe(1);
    expect(panelIndex([{ name: "专家" }], "没有")).toBe(0);
    expect(panelIndex([], undefined)).toBe(0);
  });

  it("packs a conflict as judge:presenter", () => {
    expect(conflictMember(11, 2)).toBe("11:2");
    expect(parseConflictMember("11:2")).toEqual({ judgeId: 11, presenter: 2 });
    expect(parseConflictMember("x")).toBeUndefined();
  });
});

describe("outliers", () => {
  it("takes the middle value, or the mean of the middle two", () => {
    expect(median([])).toBeUndefined();
    expect(formatHalfUp(median([fromInt(3), fromInt(1), fromInt(2)])!)).toBe("2.00");
    expect(formatHalfUp(median([fromInt(4), fromInt(1), fromInt(2), fromInt(3)])!)).toBe("2.50");
  });

  it("names the ballot more than the threshold from the median, numbered in submission order", () => {
    const report = findOutliers(criteria, [ballot(11, 86, 3), ballot(12, 92, 1), ballot(13, 45, 2), ballot(14, 84, 4)], 20);
    expect(formatHalfUp(report.median!)).toBe("85.00");
    expect(report.outliers.map((o) => ({ ref: o.ref, judgeId: o.judgeId, total: formatHalfUp(o.total) }))).toEqual([
      { ref: 2, judgeId: 13, total: "45.00" },
    ]);
  });

  it("does not flag a total exactly at the threshold", () => {
    expect(findOutliers(criteria, [ballot(1, 80), ballot(2, 80), ballot(3, 60)], 20).outliers).toEqual([]);
    expect(findOutliers(criteria, [ballot(1, 80), ballot(2, 80), ballot(3, 59)], 20).outliers).toHaveLength(1);
  });

  it("says nothing with fewer than three ballots", () => {
    expect(findOutliers(criteria, [ballot(1, 100), ballot(2, 0)], 20).outliers).toEqual([]);
  });
});
