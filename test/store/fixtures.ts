import type { Contest, Judge } from "../../src/domain/contest.js";

export const sampleContest = (id: string, chatId = -1001): Contest => ({
  id,
  chatId,
  chairId: 1,
  cochairs: [],
  language: "zh-CN",
  status: "draft",
  locked: false,
  createdAt: 1_700_000_000_000,
  setup: {
    title: "测试评议",
    criteria: [
      { name: "实施性", max: 30, step: 1 },
      { name: "创新性", max: 10, step: 0.5 },
    ],
    presenters: [{ name: "甲单位" }, { name: "乙单位" }, { name: "丙单位" }],
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

export const judge = (userId: number, name = `评委${userId}`): Judge => ({
  userId,
  name,
  panel: 0,
  observer: false,
  joinedAt: 1_700_000_000_000 + userId,
});
