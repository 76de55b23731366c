import { describe, expect, it } from "vitest";
import { CriterionSchema, type Ballot, type Contest, type Criterion, type Draft } from "../../src/domain/contest.js";
import { ballotView, createBallotViewCache, type BallotStep } from "../../src/bot/views/ballot.js";
import { decodeCallback } from "../../src/bot/callback-data.js";
import { createI18n, translatorFor } from "../../src/bot/i18n.js";
import { valueGroups } from "../../src/bot/views/keypad.js";

const t = translatorFor(createI18n("zh-CN"), "zh-CN");

const contestWith = (criteria: Criterion[]): Contest => ({
  id: "abcdef123456",
  chatId: -1,
  chairId: 1,
  cochairs: [],
  language: "zh-CN",
  status: "running",
  locked: false,
  createdAt: 0,
  setup: {
    title: "测试",
    criteria,
    presenters: [{ name: "甲" }],
    panels: [],
    aggregate: { method: "mean", trim: 1 },
    prizes: [],
    bands: [],
    judges: [],
    outlier: 20,
    reveal: "live",
    join: "open",
  },
});

const shapes: Criterion[] = [
  { name: "十分制", max: 10, step: 1 },
  { name: "半分", max: 10, step: 0.5 },
  { name: "三十", max: 30, step: 1 },
  { name: "百分", max: 100, step: 1 },
  { name: "百分半", max: 100, step: 0.5 },
  { name: "细", max: 10, step: 0.1 },
  { name: "百分细", max: 100, step: 0.1 },
  { name: "很长的评分项名称一二三四五六七八九十", max: 159.9, step: 0.1 },
];

describe("criterion limits", () => {
  it("refuses a criterion with more values than two pages of buttons can offer", () => {
    expect(CriterionSchema.safeParse({ name: "x", max: 159.9, step: 0.1 }).success).toBe(true);
    expect(CriterionSchema.safeParse({ name: "x", max: 160, step: 0.1 }).success).toBe(false);
    expect(CriterionSchema.safeParse({ name: "x", max: 1000, step: 0.5 }).success).toBe(false);
  });
});

describe("ballot keyboards", () => {
  it.each(shapes)("offers every allowed value of $name (max $max, step $step) with ≤ 40 buttons a page and valid data", (criterion) => {
    const contest = contestWith([criterion]);
    const input = { contest, presenter: 999, draft: { scores: {} }, ballot: undefined, roundOpen: true };
    const groups = valueGroups(criterion);
    const steps: BallotStep[] = groups ? groups.map((_, group) => ({ criterion: 0, group })) : [{ criterion: 0 }];
    const offered: number[] = [];
    for (const step of [{ criterion: 0 } as BallotStep, ...steps, { review: true } as BallotStep]) {
      const rows = ballotView(t, input, step).keyboard?.inline_keyboard ?? [];
      for (const row of rows) {
        expect(row.length).toBeGreaterThan(0);
        for (const button of row) {
          const data = "callback_data" in button ? button.callback_data : undefined;
          expect(Buffer.byteLength(data ?? "")).toBeLessThanOrEqual(64);
          const decoded = decodeCallback(data);
          expect(decoded).toBeDefined();
          if (decoded?.kind === "v" && !("review" in step) && step.group !== undefined) offered.push(decoded.args[3]);
          if (decoded?.kind === "v" && !groups) offered.push(decoded.args[3]);
        }
        expect(row.length).toBeLessThanOrEqual(6);
      }
      expect(rows.flat().length).toBeLessThanOrEqual(42);
    }
    const expected = Math.round(criterion.max / criterion.step) + 1;
    expect(new Set(offered).size).toBe(expected);
    expect(Math.max(...offered)).toBe(criterion.max);
  });
});

describe("ballot screens built from a bot's kept parts", () => {
  it("are the same as screens built afresh, for every step, draft and ballot, and for another presenter or language", () => {
    const zh = translatorFor(createI18n("zh-CN"), "zh-CN");
    const en = translatorFor(createI18n("zh-CN"), "en");
    const base = contestWith([shapes[0]!, shapes[3]!, { name: "等级", max: 30, step: 1, grades: [{ name: "优", min: 27, max: 30 }, { name: "良", min: 0, max: 26 }] }]);
    const contest = Object.freeze({ ...base, setup: Object.freeze({ ...base.setup, presenters: [{ name: "甲" }, { name: "乙" }] }) }) as Contest;
    const cache = createBallotViewCache();
    const drafts: Draft[] = [{ scores: {} }, { scores: { "0": 7 } }, { scores: { "0": 7, "1": 55, "2": 28 } }];
    const ballots: Array<Ballot | undefined> = [
      undefined,
      { judgeId: 5, presenter: 0, scores: [7, 55, 28], abstain: false, submittedAt: 1_700_000_000_000, version: 2, comment: "好" },
      { judgeId: 5, presenter: 0, scores: [], abstain: true, submittedAt: 1_700_000_000_000, version: 1 },
    ];
    const steps: BallotStep[] = [{ criterion: 0 }, { criterion: 1 }, { criterion: 1, group: 5 }, { criterion: 2 }, { criterion: 2, group: 0 }, { review: true }];
    let compared = 0;
    for (const t of [zh, en, zh])
      for (const presenter of [0, 1, 0])
        for (const draft of drafts)
          for (const ballot of ballots)
            for (const step of steps) {
              const input = { contest, presenter, draft, ballot, roundOpen: true };
              const kept = ballotView(t, input, step, cache);
              const fresh = ballotView(t, input, step);
              expect(kept.text).toBe(fresh.text);
              expect(JSON.stringify(kept.keyboard)).toBe(JSON.stringify(fresh.keyboard));
              compared += 1;
            }
    expect(compared).toBe(3 * 3 * 3 * 3 * steps.length);
  });
});
