// What the contest workbook holds: its sheets, their columns and the rows of the 设置 sheet, each
// named in both languages (a workbook in either language is accepted, whatever the group's
// language). The template (contest-workbook.ts) and the import are both driven by these tables:
// a new contest field is one entry here.
import type { Locale } from "./contest.js";

export type Names = Record<Locale, string>;

export type Choice = { value: string | boolean; names: Names; aliases?: readonly string[] };

/** What a cell holds: text, a number (what kind, for the message), one of some choices, a list of names. */
export type Kind =
  | { type: "text" }
  | { type: "number"; expect: "positive" | "integer" | "score" }
  | { type: "choice"; choices: readonly Choice[] }
  | { type: "names" }
  /** A criterion's grade bands as on a /criteria line: "优 27-30、良 24-26". */
  | { type: "grades" }
  /** Tie-break rules as on a /tiebreak line: "现场得分、创新性、主持人". */
  | { type: "tiebreak" };

export const TEXT: Kind = { type: "text" };
export const POSITIVE: Kind = { type: "number", expect: "positive" };
export const INTEGER: Kind = { type: "number", expect: "integer" };
/** 0–100. */
export const SCORE: Kind = { type: "number", expect: "score" };

export const YES_NO: Kind = {
  type: "choice",
  choices: [
    { value: true, names: { "zh-CN": "是", en: "yes" }, aliases: ["true", "y", "√", "✓", "1", "观察员"] },
    { value: false, names: { "zh-CN": "否", en: "no" }, aliases: ["false", "n", "×", "0"] },
  ],
};

/**
 * A drop-down list a column gets in the template: its kind's choices, the names in another
 * sheet's column (strict), or the values the example rows use (a suggestion; others allowed).
 */
export type ListSource = { sheet: TableKey; column: string } | "examples";

export type Column = { key: string; names: Names; kind: Kind; list?: ListSource };

export const TABLE_KEYS = ["criteria", "presenters", "judges", "panels", "prizes", "bands"] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

/** A sheet of rows: each row is one item of the contest file's array of the same key. */
export type TableSheet = { key: TableKey; names: Names; columns: readonly Column[] };

const NAME: Column = { key: "name", names: { "zh-CN": "名称", en: "Name" }, kind: TEXT };

export const TABLE_SHEETS: readonly TableSheet[] = [
  {
    key: "criteria",
    names: { "zh-CN": "评分项", en: "Criteria" },
    columns: [
      NAME,
      { key: "max", names: { "zh-CN": "满分", en: "Max" }, kind: POSITIVE },
      { key: "step", names: { "zh-CN": "步长", en: "Step" }, kind: POSITIVE },
      { key: "weight", names: { "zh-CN": "权重", en: "Weight" }, kind: POSITIVE },
      { key: "description", names: { "zh-CN": "评分细则", en: "Description" }, kind: TEXT },
      { key: "grades", names: { "zh-CN": "等级", en: "Grades" }, kind: { type: "grades" } },
    ],
  },
  {
    key: "presenters",
    names: { "zh-CN": "汇报单位", en: "Presenters" },
    columns: [
      NAME,
      { key: "group", names: { "zh-CN": "分组", en: "Group" }, kind: TEXT, list: "examples" },
      { key: "prior", names: { "zh-CN": "平时成绩", en: "Prior score" }, kind: SCORE },
    ],
  },
  {
    key: "judges",
    names: { "zh-CN": "评委", en: "Judges" },
    columns: [
      { key: "name", names: { "zh-CN": "姓名", en: "Name" }, kind: TEXT },
      { key: "userId", names: { "zh-CN": "用户ID", en: "User ID" }, kind: INTEGER },
      { key: "panel", names: { "zh-CN": "评审组", en: "Panel" }, kind: TEXT, list: { sheet: "panels", column: "name" } },
      { key: "observer", names: { "zh-CN": "观察员", en: "Observer" }, kind: YES_NO },
      { key: "conflicts", names: { "zh-CN": "回避", en: "Conflicts" }, kind: { type: "names" } },
    ],
  },
  {
    key: "panels",
    names: { "zh-CN": "评审组", en: "Panels" },
    columns: [NAME, { key: "weight", names: { "zh-CN": "权重", en: "Weight" }, kind: POSITIVE }],
  },
  {
    key: "prizes",
    names: { "zh-CN": "奖项", en: "Prizes" },
    columns: [NAME, { key: "count", names: { "zh-CN": "名额", en: "Count" }, kind: INTEGER }],
  },
  {
    key: "bands",
    names: { "zh-CN": "等次", en: "Bands" },
    columns: [NAME, { key: "min", names: { "zh-CN": "最低分", en: "Min score" }, kind: SCORE }],
  },
];

/** One row of the 设置 sheet: where its value goes in the contest file. */
export type Setting = { path: readonly string[]; names: Names; kind: Kind };

export const SETTINGS_SHEET: Names = { "zh-CN": "设置", en: "Settings" };

/** The 设置 sheet's columns: which setting, its value, and a note (ignored on import). */
export const SETTINGS_COLUMNS: readonly Column[] = [
  { key: "setting", names: { "zh-CN": "设置项", en: "Setting" }, kind: TEXT },
  { key: "value", names: { "zh-CN": "值", en: "Value" }, kind: TEXT },
  { key: "note", names: { "zh-CN": "说明", en: "Note" }, kind: TEXT },
];

export const SETTINGS: readonly Setting[] = [
  { path: ["title"], names: { "zh-CN": "评议名称", en: "Title" }, kind: TEXT },
  {
    path: ["language"],
    names: { "zh-CN": "语言", en: "Language" },
    kind: {
      type: "choice",
      choices: [
        { value: "zh-CN", names: { "zh-CN": "中文", en: "Chinese" }, aliases: ["简体中文", "zh"] },
        { value: "en", names: { "zh-CN": "英文", en: "English" }, aliases: ["英语"] },
      ],
    },
  },
  {
    path: ["aggregate", "method"],
    names: { "zh-CN": "计分方法", en: "Method" },
    kind: {
      type: "choice",
      choices: [
        { value: "mean", names: { "zh-CN": "平均分", en: "Mean" }, aliases: ["平均"] },
        { value: "trimmed", names: { "zh-CN": "去掉最高最低分后平均", en: "Trimmed mean" }, aliases: ["去掉最高最低分", "去极值平均"] },
        { value: "median", names: { "zh-CN": "中位数", en: "Median" } },
      ],
    },
  },
  { path: ["aggregate", "trim"], names: { "zh-CN": "去掉最高最低分个数", en: "Trim" }, kind: INTEGER },
  { path: ["blend", "live"], names: { "zh-CN": "现场成绩权重", en: "Live weight" }, kind: POSITIVE },
  { path: ["blend", "prior"], names: { "zh-CN": "平时成绩权重", en: "Prior weight" }, kind: POSITIVE },
  { path: ["quorum"], names: { "zh-CN": "最少有效评分数", en: "Quorum" }, kind: INTEGER },
  { path: ["outlier"], names: { "zh-CN": "偏离提醒分差", en: "Outlier gap" }, kind: POSITIVE },
  { path: ["season", "name"], names: { "zh-CN": "赛季", en: "Season" }, kind: TEXT },
  { path: ["season", "weight"], names: { "zh-CN": "赛季权重", en: "Season weight" }, kind: POSITIVE },
  {
    path: ["reveal"],
    names: { "zh-CN": "结果公布", en: "Reveal" },
    kind: {
      type: "choice",
      choices: [
        { value: "live", names: { "zh-CN": "每轮亮分和排名", en: "Live" } },
        { value: "scores", names: { "zh-CN": "每轮只亮本单位得分", en: "Scores only" } },
        { value: "end", names: { "zh-CN": "结束后公布", en: "At the end" } },
        { value: "chair", names: { "zh-CN": "仅主持人可见", en: "Chair only" } },
      ],
    },
  },
  {
    path: ["prizeScope"],
    names: { "zh-CN": "评奖范围", en: "Prize scope" },
    kind: {
      type: "choice",
      choices: [
        { value: "group", names: { "zh-CN": "各分组分别评奖", en: "Per group" } },
        { value: "overall", names: { "zh-CN": "全部单位统一评奖", en: "Overall" } },
      ],
    },
  },
  { path: ["tiebreak"], names: { "zh-CN": "并列规则", en: "Tie-break" }, kind: { type: "tiebreak" } },
  {
    path: ["join"],
    names: { "zh-CN": "评委加入方式", en: "Judges join by" },
    kind: {
      type: "choice",
      // The /joinmode words (开放, 审批, 名单) are read too.
      choices: [
        { value: "open", names: { "zh-CN": "公开加入", en: "Open" }, aliases: ["开放", "公开"] },
        { value: "approve", names: { "zh-CN": "主持人审核", en: "Approve" }, aliases: ["审批", "审核"] },
        { value: "roster", names: { "zh-CN": "仅限名单邀请", en: "Roster" }, aliases: ["名单", "名单邀请"] },
      ],
    },
  },
];

/** A note row (the template's second row) starts with this mark; such rows are not data. */
export const NOTE_MARK = "※";

/** The name a cell may carry for something: either language, or its key in the contest file. */
export const spellings = (names: Names, key?: string): string[] =>
  [names["zh-CN"], names.en, ...(key ? [key] : [])].map((n) => n.toLowerCase());

/** The table sheet or settings sheet a sheet name refers to, and in which language it is written. */
export const sheetOf = (name: string): { sheet: TableSheet | "settings"; locale: Locale } | undefined => {
  const wanted = name.trim().toLowerCase();
  for (const locale of ["zh-CN", "en"] as const) {
    if (SETTINGS_SHEET[locale].toLowerCase() === wanted) return { sheet: "settings", locale };
    const table = TABLE_SHEETS.find((t) => t.names[locale].toLowerCase() === wanted);
    if (table) return { sheet: table, locale };
  }
  return undefined;
};
