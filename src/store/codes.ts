// Outcome codes the Lua scripts return; expected failures are values, not exceptions.
import { z } from "zod";

export const ScriptCodeSchema = z.enum([
  "OK",
  "UPDATED",
  "NO_CONTEST",
  "CONTEST_ENDED",
  "ROUND_CLOSED",
  "NOT_JUDGE",
  "BAD_SCORE",
  "INCOMPLETE",
  "OTHER_OPEN",
  "ALREADY_OPEN",
  "ALREADY_CLOSED",
  "NOT_CLOSED",
  "NOT_OPEN",
  "LOCKED",
  "CONFLICT",
  "RETRY",
  "NOT_SUBMITTED",
  "STALE",
  "ALREADY",
  "PENDING",
  "DUPLICATE",
]);
export type ScriptCode = z.infer<typeof ScriptCodeSchema>;

const CODES: ReadonlySet<unknown> = new Set(ScriptCodeSchema.options);

/** The code of a script's reply (our own scripts write it: checked against the list, not parsed). */
export const replyCode = (reply: ReadonlyArray<unknown>): ScriptCode => {
  const code = reply[0];
  if (!CODES.has(code)) throw new Error(`unexpected script reply ${String(code)}`);
  return code as ScriptCode;
};

export const optionalString = (value: unknown): string | undefined =>
  typeof value === "string" ? value : undefined;
