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
]);
export type ScriptCode = z.infer<typeof ScriptCodeSchema>;

export const replyCode = (reply: ReadonlyArray<unknown>): ScriptCode => ScriptCodeSchema.parse(reply[0]);

export const optionalString = (value: unknown): string | undefined =>
  typeof value === "string" ? value : undefined;
