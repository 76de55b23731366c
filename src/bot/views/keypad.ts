// Splitting a criterion's allowed values into button pages: one page when there are
// few values, otherwise a first step by tens (or by equal chunks for very fine steps).
import { allowedValues, type Criterion } from "../../domain/contest.js";

export const MAX_BUTTONS_PER_PAGE = 40;

export type ValueGroup = { label: string; values: number[] };

const byTens = (values: number[]): number[][] => {
  const groups = new Map<number, number[]>();
  const last = values[values.length - 1] ?? 0;
  for (const value of values) {
    // The maximum joins the decade below it (90–100 rather than a lone 100).
    let tens = Math.floor(value / 10);
    if (value === last && value % 10 === 0 && tens > 0) tens -= 1;
    groups.set(tens, [...(groups.get(tens) ?? []), value]);
  }
  return [...groups.values()];
};

const inChunks = (values: number[]): number[][] => {
  const count = Math.ceil(values.length / MAX_BUTTONS_PER_PAGE);
  const size = Math.ceil(values.length / count);
  const chunks: number[][] = [];
  for (let i = 0; i < values.length; i += size) chunks.push(values.slice(i, i + size));
  return chunks;
};

const rangeLabel = (values: number[]): string => `${values[0]}–${values[values.length - 1]}`;

const pagesOf = (values: number[]): number[][] => (values.length <= MAX_BUTTONS_PER_PAGE ? [values] : inChunks(values));

/**
 * A criterion with grade bands: one group per band (a band of more than 40 values in several),
 * in the order the chair gave them, then the values no band covers, so every allowed value stays
 * reachable.
 */
const gradeGroups = (criterion: Criterion, grades: NonNullable<Criterion["grades"]>): ValueGroup[] => {
  const values = allowedValues(criterion);
  const groups = grades.flatMap((grade) =>
    pagesOf(values.filter((v) => v >= grade.min && v <= grade.max)).map((page) => ({ label: `${grade.name} ${rangeLabel(page)}`, values: page })),
  );
  const outside = values.filter((v) => !grades.some((g) => v >= g.min && v <= g.max));
  return [...groups, ...(outside.length ? pagesOf(outside).map((page) => ({ label: rangeLabel(page), values: page })) : [])];
};

const plainGroups = (criterion: Criterion): ValueGroup[] | undefined => {
  const values = allowedValues(criterion);
  if (values.length <= MAX_BUTTONS_PER_PAGE) return undefined;
  const tens = byTens(values);
  const groups = tens.every((group) => group.length <= MAX_BUTTONS_PER_PAGE) ? tens : inChunks(values);
  return groups.map((group) => ({ label: rangeLabel(group), values: group }));
};

// Contests handed out by the store are frozen and shared across taps (store/ballots.ts), so a
// criterion's groups are worked out once, not on every tap.
const groupsByCriterion = new WeakMap<Criterion, ValueGroup[] | undefined>();

/**
 * Undefined when every value fits on one page and the criterion has no grade bands; otherwise the
 * groups of the first keypad step (the bands, or ranges of values).
 */
export const valueGroups = (criterion: Criterion): ValueGroup[] | undefined => {
  if (groupsByCriterion.has(criterion)) return groupsByCriterion.get(criterion);
  const groups = criterion.grades ? gradeGroups(criterion, criterion.grades) : plainGroups(criterion);
  if (Object.isFrozen(criterion)) groupsByCriterion.set(criterion, groups);
  return groups;
};

export const valuesOnPage = (criterion: Criterion, group: number | undefined): number[] => {
  const groups = valueGroups(criterion);
  if (!groups) return allowedValues(criterion);
  return groups[group ?? 0]?.values ?? [];
};

export const chunk = <T>(items: T[], size: number): T[][] => {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += size) rows.push(items.slice(i, i + size));
  return rows;
};
