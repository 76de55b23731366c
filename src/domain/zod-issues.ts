// Turns zod issues into stable error codes that the bot layer translates.
import type { z } from "zod";
import { GRADE_PROBLEM_MESSAGES, type GradeProblemCode } from "./contest.js";

export type IssueCode =
  | "required"
  | "wrong_type"
  | "not_integer"
  | "too_small"
  | "too_big"
  | "empty_text"
  | "too_short"
  | "too_long"
  | "too_few"
  | "too_many"
  | "not_one_of"
  | "too_many_decimals"
  | "step_not_divisor"
  | "out_of_range"
  | GradeProblemCode
  | "duplicate_rule"
  | "chair_not_last"
  | "invalid";

export type IssueInfo = { code: IssueCode; expected?: string; received?: string };

/** "presenters[3].prior" for ["presenters", 3, "prior"]; "" for the root. */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((text, key) => {
    if (typeof key === "number") return `${text}[${key}]`;
    return text === "" ? String(key) : `${text}.${String(key)}`;
  }, "");

/** The JSON type of a value, as named in messages: "array", "null", "number", … */
export const typeName = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value;

const describeInput = (input: unknown): string | undefined => {
  if (input === undefined) return undefined;
  if (typeof input === "string") return JSON.stringify(input);
  if (typeof input === "number" || typeof input === "boolean" || input === null) return String(input);
  return undefined;
};

const withReceived = (info: IssueInfo, input: unknown): IssueInfo => {
  const received = describeInput(input);
  return received === undefined ? info : { ...info, received };
};

const bound = (inclusive: boolean | undefined, below: boolean, limit: number | bigint): string =>
  `${below ? (inclusive === false ? ">" : ">=") : inclusive === false ? "<" : "<="} ${String(limit)}`;

/**
 * Messages of the refinements in contest.ts, matched to codes. The messages are the contract:
 * test/domain/contest-file.test.ts fails when one of them changes without this table.
 */
const CUSTOM_MESSAGES: readonly [string, IssueCode, string][] = [
  ["decimals", "too_many_decimals", "at most 2 decimals"],
  ["multiple of step", "step_not_divisor", "max = n × step"],
  ["values (max / step + 1)", "out_of_range", "max / step + 1 <= 1600"],
  ["between", "out_of_range", "> 0 and <= 1000"],
  ["greater than 0", "too_small", "> 0"],
  ["rule listed twice", "duplicate_rule", "each rule once"],
  ["chair must be the last", "chair_not_last", "chair last"],
];

const GRADE_MESSAGES = Object.entries(GRADE_PROBLEM_MESSAGES) as [GradeProblemCode, string][];

const customInfo = (message: string, params: Record<string, unknown> | undefined): IssueInfo => {
  const grade = GRADE_MESSAGES.find(([, text]) => text === message);
  if (grade) return { code: grade[0], expected: typeof params?.expected === "string" ? params.expected : "" };
  const known = CUSTOM_MESSAGES.find(([fragment]) => message.includes(fragment));
  return known ? { code: known[1], expected: known[2] } : { code: "invalid", expected: message };
};

/** A stable code, and what was expected and received, for one zod issue (parsed with reportInput). */
export const describeIssue = (issue: z.core.$ZodIssue): IssueInfo => {
  const input = "input" in issue ? issue.input : undefined;
  switch (issue.code) {
    case "invalid_type":
      if (input === undefined) return { code: "required", expected: issue.expected };
      if (issue.expected === "int") return withReceived({ code: "not_integer", expected: "integer" }, input);
      return { code: "wrong_type", expected: issue.expected, received: typeName(input) };
    case "too_small":
      if (issue.origin === "string") {
        return withReceived({ code: issue.minimum === 1 ? "empty_text" : "too_short", expected: bound(true, true, issue.minimum) }, input);
      }
      if (issue.origin === "array") return { code: "too_few", expected: bound(issue.inclusive, true, issue.minimum) };
      return withReceived({ code: "too_small", expected: bound(issue.inclusive, true, issue.minimum) }, input);
    case "too_big":
      if (issue.origin === "string") return { code: "too_long", expected: bound(issue.inclusive, false, issue.maximum) };
      if (issue.origin === "array") return { code: "too_many", expected: bound(issue.inclusive, false, issue.maximum) };
      return withReceived({ code: "too_big", expected: bound(issue.inclusive, false, issue.maximum) }, input);
    case "invalid_value":
      return withReceived({ code: "not_one_of", expected: issue.values.map(String).join("|") }, input);
    case "custom":
      return withReceived(customInfo(issue.message, issue.params), input);
    default:
      return withReceived({ code: "invalid", expected: issue.message }, input);
  }
};
