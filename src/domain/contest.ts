// The contest model: every shape the bot stores or accepts, as zod schemas.
// Types are inferred from the schemas so the two never drift apart.
import { z } from "zod";

export const LOCALES = ["zh-CN", "en"] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

/** How many values one criterion may offer: 40 pages of 40 buttons. */
export const MAX_VALUES_PER_CRITERION = 1600;

/** Largest number of decimals a max, step or score may have; keeps arithmetic exact. */
export const MAX_DECIMALS = 2;

const decimalsOf = (value: number): number => {
  const text = String(value);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
};

/** True when `value` is a whole multiple of `step` (both with at most MAX_DECIMALS decimals). */
export const isMultipleOf = (value: number, step: number): boolean => {
  const scale = 10 ** MAX_DECIMALS;
  const v = Math.round(value * scale);
  const s = Math.round(step * scale);
  return s > 0 && v % s === 0;
};

const name = (max: number) => z.string().trim().min(1).max(max);
const decimal = z.number().finite().refine((v) => decimalsOf(v) <= MAX_DECIMALS, {
  message: `at most ${MAX_DECIMALS} decimals`,
});

/**
 * A grade band of a criterion (评分细则 such as 优 27–30): the judge picks the band first, then a
 * value inside it. Bands lie within 0..max, do not overlap, and their bounds are multiples of step.
 */
export const GradeSchema = z.object({
  name: name(10),
  min: decimal.refine((v) => v >= 0, { message: "greater than or equal to 0" }),
  max: decimal.refine((v) => v >= 0, { message: "greater than or equal to 0" }),
});
export type Grade = z.infer<typeof GradeSchema>;

export const MAX_GRADES = 10;

export const GRADE_PROBLEM_CODES = ["grade_min_above_max", "grade_out_of_range", "grade_off_step", "grade_overlap", "grade_duplicate"] as const;
export type GradeProblemCode = (typeof GRADE_PROBLEM_CODES)[number];
export type GradeProblem = { index: number; field: "name" | "min" | "max"; code: GradeProblemCode; detail: Record<string, string | number> };

/**
 * What is wrong with a criterion's grade bands, one entry per problem (empty when they are fine).
 * Shared by the schema (contest file) and the /criteria line parser, so both say the same.
 */
export const gradeProblems = (criterion: { max: number; step: number }, grades: readonly Grade[]): GradeProblem[] => {
  const problems: GradeProblem[] = [];
  grades.forEach((g, index) => {
    const range = `${g.min}–${g.max}`;
    if (g.min > g.max) problems.push({ index, field: "min", code: "grade_min_above_max", detail: { name: g.name, range } });
    else if (g.min < 0 || g.max > criterion.max)
      problems.push({ index, field: "max", code: "grade_out_of_range", detail: { name: g.name, range, limit: criterion.max } });
    else if (!isMultipleOf(g.min, criterion.step) || !isMultipleOf(g.max, criterion.step))
      problems.push({ index, field: "min", code: "grade_off_step", detail: { name: g.name, range, step: criterion.step } });
    else {
      const other = grades.findIndex((o, j) => j < index && o.min <= o.max && o.min <= g.max && g.min <= o.max);
      if (other >= 0)
        problems.push({ index, field: "min", code: "grade_overlap", detail: { name: g.name, range, other: grades[other]!.name } });
    }
    if (grades.findIndex((o) => o.name === g.name) < index)
      problems.push({ index, field: "name", code: "grade_duplicate", detail: { name: g.name } });
  });
  return problems;
};

/** Message of each grade problem in the schema; zod-issues.ts maps them back to the codes. */
export const GRADE_PROBLEM_MESSAGES: Record<GradeProblemCode, string> = {
  grade_min_above_max: "grade min above its max",
  grade_out_of_range: "grade outside 0..max of the criterion",
  grade_off_step: "grade bound not a multiple of step",
  grade_overlap: "grades overlap",
  grade_duplicate: "grade name used twice",
};

export const CriterionSchema = z
  .object({
    name: name(40),
    max: decimal.refine((v) => v > 0 && v <= 1000, { message: "between 0 (exclusive) and 1000" }),
    step: decimal.refine((v) => v > 0, { message: "greater than 0" }).default(1),
    weight: z.number().finite().positive().optional(),
    /** The rubric (评分细则) shown under the criterion's name on the ballot. */
    description: z.string().trim().min(1).max(200).optional(),
    /** Grade bands; when present the button ballot asks for the band first. */
    grades: z.array(GradeSchema).min(1).max(MAX_GRADES).optional(),
  })
  .refine((c) => isMultipleOf(c.max, c.step), {
    message: "max must be a whole multiple of step",
    path: ["step"],
  })
  // A judge picks a value with at most two taps of at most 40 buttons each.
  .refine((c) => !(c.step > 0) || Math.round(c.max / c.step) + 1 <= MAX_VALUES_PER_CRITERION, {
    message: `between 1 and ${MAX_VALUES_PER_CRITERION} values (max / step + 1)`,
    path: ["step"],
  })
  .superRefine((c, ctx) => {
    if (!c.grades || !(c.step > 0)) return;
    for (const p of gradeProblems(c, c.grades)) {
      const grade = c.grades[p.index]!;
      ctx.addIssue({
        code: "custom",
        message: GRADE_PROBLEM_MESSAGES[p.code],
        path: ["grades", p.index, p.field],
        input: p.field === "name" ? grade.name : `${grade.min}–${grade.max}`,
        params: { expected: p.code === "grade_out_of_range" ? `0–${c.max}` : p.code === "grade_off_step" ? `× ${c.step}` : String(p.detail.other ?? "") },
      });
    }
  });
export type Criterion = z.infer<typeof CriterionSchema>;

export const PresenterSchema = z.object({
  name: name(80),
  group: name(40).optional(),
  prior: z.number().finite().min(0).max(100).optional(),
});
export type Presenter = z.infer<typeof PresenterSchema>;

export const PanelSchema = z.object({
  name: name(40),
  weight: z.number().finite().positive(),
});
export type Panel = z.infer<typeof PanelSchema>;

export const AggregateSchema = z.object({
  method: z.enum(["mean", "trimmed", "median"]).default("mean"),
  trim: z.number().int().min(0).max(10).default(1),
});
export type Aggregate = z.infer<typeof AggregateSchema>;

export const BlendSchema = z.object({
  live: z.number().finite().positive(),
  prior: z.number().finite().positive(),
});
export type Blend = z.infer<typeof BlendSchema>;

export const PrizeSchema = z.object({ name: name(40), count: z.number().int().min(1).max(1000) });
export type Prize = z.infer<typeof PrizeSchema>;

/**
 * How prizes are given (see standings.ts): "group" = down each group's ranking (the default),
 * "overall" = down one ranking of every unit across the groups. A field of its own, beside
 * `prizes`, so every contest file written before it stays valid.
 */
export const PrizeScopeSchema = z.enum(["group", "overall"]);
export type PrizeScope = z.infer<typeof PrizeScopeSchema>;

export const MAX_TIEBREAK_RULES = 10;

/**
 * One rule that orders units whose final scores are equal as shown (higher wins):
 * "live" = the live score before the blend; { criterion } = that criterion's mean;
 * "panel" = the score of the panel with the highest weight; "chair" = the chair decides at /finish.
 */
export const TiebreakRuleSchema = z.union([z.enum(["live", "panel", "chair"]), z.strictObject({ criterion: name(40) })], {
  error: 'one of "live", "panel", "chair" or {"criterion": "<name>"}',
});
export type TiebreakRule = z.infer<typeof TiebreakRuleSchema>;

/** A text that names a rule once, for duplicate checks: "live", "criterion:创新性". */
export const tiebreakRuleKey = (rule: TiebreakRule): string => (typeof rule === "string" ? rule : `criterion:${rule.criterion}`);

/**
 * The ordered tie-break rules: each rule at most once, and "chair" (which orders every unit
 * still tied) only as the last one. The messages are matched to codes in zod-issues.ts.
 */
export const TiebreakSchema = z
  .array(TiebreakRuleSchema)
  .max(MAX_TIEBREAK_RULES)
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((rule, i) => {
      const key = tiebreakRuleKey(rule);
      if (seen.has(key)) ctx.addIssue({ code: "custom", message: "tie-break rule listed twice", path: [i], input: rule });
      seen.add(key);
      if (rule === "chair" && i !== rules.length - 1)
        ctx.addIssue({ code: "custom", message: "tie-break rule chair must be the last", path: [i], input: rule });
    });
  });

export const BandSchema = z.object({ name: name(40), min: z.number().finite().min(0).max(100) });
export type Band = z.infer<typeof BandSchema>;

/** A judge named in a contest file (issue: integrity); matched to a Telegram user on enrolment. */
export const JudgeEntrySchema = z.object({
  name: name(80),
  userId: z.number().int().positive().optional(),
  panel: name(40).optional(),
  observer: z.boolean().default(false),
  conflicts: z.array(name(80)).default([]),
});
export type JudgeEntry = z.infer<typeof JudgeEntrySchema>;

/**
 * What results the group (and the scoreboard, /ranking, /detail, the public export) may see:
 * live: each unit's score and the ranking after every close (the default);
 * scores: each unit's own score at its close, the ranking only at /finish;
 * end: nothing until /finish; chair: results only to the chair, the group hears that scoring ended.
 * See release.ts for the one function that answers "may this be shown".
 */
export const RevealPolicySchema = z.enum(["live", "scores", "end", "chair"]);
export type RevealPolicy = z.infer<typeof RevealPolicySchema>;

/** A contest's weight in a season (domain/season.ts): greater than 0, at most 1000, two decimals. */
export const SeasonWeightSchema = decimal.refine((w) => w > 0 && w <= 1000, { message: "between 0 (exclusive) and 1000" });

/** The season a contest file names: the contest is added to it, with this weight, at /finish. */
export const ContestSeasonSchema = z.object({ name: name(60), weight: SeasonWeightSchema.default(1) });
export type ContestSeason = z.infer<typeof ContestSeasonSchema>;

/**
 * Who may become a judge: open (the group button and the panels' join codes), approve (the same,
 * but the chair approves each new judge first), roster (personal invitations only).
 */
export const JoinModeSchema = z.enum(["open", "approve", "roster"]);
export type JoinMode = z.infer<typeof JoinModeSchema>;

/**
 * Everything the chair sets up before the first round opens.
 * A fresh contest has no criteria or presenters yet; opening a round requires both.
 */
export const ContestSetupSchema = z.object({
  title: name(120),
  criteria: z.array(CriterionSchema).max(20).default([]),
  presenters: z.array(PresenterSchema).max(1000).default([]),
  panels: z.array(PanelSchema).max(10).default([]),
  aggregate: AggregateSchema.default({ method: "mean", trim: 1 }),
  blend: BlendSchema.optional(),
  prizes: z.array(PrizeSchema).max(20).default([]),
  /** Absent = "group". Optional rather than defaulted so that setups written as literals stay valid. */
  prizeScope: PrizeScopeSchema.optional(),
  /** Absent = no rules: ties share their rank. */
  tiebreak: TiebreakSchema.optional(),
  bands: z.array(BandSchema).max(20).default([]),
  judges: z.array(JudgeEntrySchema).max(500).default([]),
  quorum: z.number().int().min(0).max(1000).optional(),
  outlier: z.number().finite().positive().max(100).default(20),
  reveal: RevealPolicySchema.default("live"),
  join: JoinModeSchema.default("open"),
  language: LocaleSchema.optional(),
  season: ContestSeasonSchema.optional(),
});
export type ContestSetup = z.infer<typeof ContestSetupSchema>;

export const ContestStatusSchema = z.enum(["draft", "running", "finished", "cancelled"]);
export type ContestStatus = z.infer<typeof ContestStatusSchema>;

/** Contest ids are short so that they fit in 64-byte callback data. */
export const ContestIdSchema = z.string().regex(/^[a-z0-9]{6,12}$/);

export const ContestSchema = z.object({
  id: ContestIdSchema,
  chatId: z.number().int(),
  chairId: z.number().int(),
  cochairs: z.array(z.number().int()).default([]),
  language: LocaleSchema,
  status: ContestStatusSchema,
  locked: z.boolean().default(false),
  /** The chair published the final results (what the `chair` release policy waits for). */
  published: z.boolean().optional(),
  createdAt: z.number().int(),
  setup: ContestSetupSchema,
  /**
   * The presenting order of the draw in force (presenter indexes, first to present first; see
   * draw.ts), absent without one. Like `status`, read with the contest from the meta hash (its
   * "draw" field), never saved with the definition.
   */
  presentingOrder: z.array(z.number().int().min(0)).optional(),
});
export type Contest = z.infer<typeof ContestSchema>;

export const JudgeSchema = z.object({
  userId: z.number().int(),
  /** The roster's name when the judge came by invitation; else their Telegram name. Shown everywhere. */
  name: name(120),
  panel: z.number().int().min(0).default(0),
  observer: z.boolean().default(false),
  joinedAt: z.number().int(),
  /** The Telegram account's own name, kept beside the roster's. */
  telegramName: z.string().max(200).optional(),
  /** Id of the roster entry the judge holds (see seats.ts), if any. */
  entry: z.string().optional(),
});
export type Judge = z.infer<typeof JudgeSchema>;

export const RoundStatusSchema = z.enum(["open", "closed"]);
export type RoundStatus = z.infer<typeof RoundStatusSchema>;

/** A score tapped so far, by criterion index; kept so a restart loses nothing. */
export const DraftSchema = z.object({
  scores: z.record(z.string().regex(/^\d+$/), z.number().finite()),
});
export type Draft = z.infer<typeof DraftSchema>;

export const BallotSchema = z.object({
  judgeId: z.number().int(),
  presenter: z.number().int().min(0),
  scores: z.array(z.number().finite()),
  abstain: z.boolean().default(false),
  comment: z.string().max(1000).optional(),
  submittedAt: z.number().int(),
  version: z.number().int().min(1),
  receipt: z.string().optional(),
});
export type Ballot = z.infer<typeof BallotSchema>;

/** Values a judge may choose for a criterion: 0, step, 2·step, …, max. */
export const allowedValues = (criterion: Criterion): number[] => {
  const scale = 10 ** MAX_DECIMALS;
  const step = Math.round(criterion.step * scale);
  const max = Math.round(criterion.max * scale);
  const values: number[] = [];
  for (let v = 0; v <= max; v += step) values.push(v / scale);
  return values;
};

export const isAllowedScore = (criterion: Criterion, value: number): boolean =>
  Number.isFinite(value) &&
  value >= 0 &&
  value <= criterion.max &&
  decimalsOf(value) <= MAX_DECIMALS &&
  isMultipleOf(value, criterion.step);

/** The grade band a value falls in, if the criterion has bands and the value lies in one. */
export const gradeOf = (criterion: Criterion, value: number): Grade | undefined =>
  criterion.grades?.find((g) => value >= g.min && value <= g.max);

/** Scores of a draft in criterion order, or undefined when some criterion is not yet scored. */
export const completeScores = (criteria: Criterion[], draft: Draft): number[] | undefined => {
  const scores: number[] = [];
  for (let i = 0; i < criteria.length; i++) {
    const value = draft.scores[String(i)];
    if (value === undefined) return undefined;
    scores.push(value);
  }
  return scores;
};

/** Roles are decided by the server, never by message text. */
export const isChair = (contest: Contest, userId: number): boolean =>
  contest.chairId === userId || contest.cochairs.includes(userId);

/** The chair and the co-chairs, chair first. */
export const allChairs = (contest: Contest): number[] => [contest.chairId, ...contest.cochairs.filter((id) => id !== contest.chairId)];
