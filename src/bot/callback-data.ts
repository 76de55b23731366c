// Button data: compact ("kind|contest|…", ≤ 64 bytes) and decoded with zod,
// because a modified client can send any data for any message.
import { z } from "zod";
import { ContestIdSchema } from "../domain/contest.js";

const index = z.string().regex(/^\d{1,4}$/).transform(Number);
const score = z.string().regex(/^\d{1,4}(\.\d{1,2})?$/).transform(Number);
const userId = z.string().regex(/^\d{1,16}$/).transform(Number);

const CallbackSchemas = {
  /** join as judge, in panel n */
  j: z.tuple([ContestIdSchema, index]),
  /** add contest c to season s with weight w (the /season add list) */
  y: z.tuple([ContestIdSchema, ContestIdSchema, score]),
  /** set criterion c of presenter p to value */
  v: z.tuple([ContestIdSchema, index, index, score]),
  /** show the units of one decade of criterion c (two-step keypad) */
  k: z.tuple([ContestIdSchema, index, index, index]),
  /** go to criterion c of presenter p (c = number of criteria → review) */
  g: z.tuple([ContestIdSchema, index, index]),
  /** submit the ballot for presenter p */
  s: z.tuple([ContestIdSchema, index]),
  /** cancel the contest: 1 = yes, 0 = no */
  x: z.tuple([ContestIdSchema, z.enum(["0", "1"])]),
  /** abstain on presenter p: 0 = ask to confirm, 1 = confirmed */
  a: z.tuple([ContestIdSchema, index, z.enum(["0", "1"])]),
  /** add (or change) the comment on the submitted ballot for presenter p */
  m: z.tuple([ContestIdSchema, index]),
  /** close presenter p's round despite the quorum/outlier warning: 1 = close, 0 = keep open */
  q: z.tuple([ContestIdSchema, index, z.enum(["0", "1"])]),
  /** show the chair whose ballot is outlier number n of presenter p */
  o: z.tuple([ContestIdSchema, index, index]),
  /**
   * the chair's decision on the tie whose first presenter is f, at step s (units placed so far):
   * place presenter n next, r = start again, c = confirm
   */
  t: z.tuple([ContestIdSchema, index, index, z.string().regex(/^(\d{1,4}|r|c)$/)]),
  /** remove judge u: a = ask to confirm, 1 = confirmed, 0 = keep */
  r: z.tuple([ContestIdSchema, userId, z.enum(["a", "1", "0"])]),
  /** a button of the chair's console: step (see views/console.ts CONSOLE_STEPS) on presenter p (0 when none) */
  c: z.tuple([ContestIdSchema, z.enum(["n", "c", "C", "r", "o", "O", "j", "s", "f", "F", "b", "v"]), index]),
  /** publish the finished contest's results in the group (release policy `chair`) */
  rp: z.tuple([ContestIdSchema]),
  /** the chair approves (1) or refuses (0) user u waiting to judge (join mode "approve") */
  ap: z.tuple([ContestIdSchema, userId, z.enum(["0", "1"])]),
  /**
   * the chair's judges view: on target (a roster entry id, "u<user id>" for a judge without one,
   * "-" for the list), do: l list page n · c card · i resend invitation · v revoke it ·
   * m move (n = panel, "-" = choose) · n rename · o observer on/off · d remove (a ask, 1 yes, 0 no)
   */
  jv: z.tuple([
    ContestIdSchema,
    z.string().regex(/^([0-9a-f]{8}|u\d{1,16}|-)$/),
    z.enum(["l", "c", "i", "v", "m", "n", "o", "d"]),
    z.string().regex(/^(\d{1,3}|[a10-])$/),
  ]),
} as const;

export type CallbackKind = keyof typeof CallbackSchemas;
export type CallbackData = { [K in CallbackKind]: { kind: K; args: z.infer<(typeof CallbackSchemas)[K]> } }[CallbackKind];
/** The decoded fields of one kind of button data. */
export type CallbackArgs<K extends CallbackKind> = Extract<CallbackData, { kind: K }>["args"];

const isKind = (kind: string): kind is CallbackKind => Object.hasOwn(CallbackSchemas, kind);

/**
 * Packs button data. Only the 64-byte limit is checked here, since keypads render many buttons
 * per tap; that every button decodes again is a test (test/bot/ballot-view.test.ts).
 */
export const encodeCallback = (kind: CallbackKind, ...args: Array<string | number>): string => {
  const data = [kind, ...args].join("|");
  if (Buffer.byteLength(data) > 64) throw new Error(`callback data over 64 bytes: ${data}`);
  return data;
};

const parseCallback = (data: string): CallbackData | undefined => {
  const [kind, ...args] = data.split("|");
  if (!kind || !isKind(kind)) return undefined;
  const parsed = CallbackSchemas[kind].safeParse(args);
  return parsed.success ? (Object.freeze({ kind, args: Object.freeze(parsed.data) }) as CallbackData) : undefined;
};

/** How many decoded button data a decoder keeps (the judges of a meeting press the same buttons). */
const DECODED_KEPT = 4096;

/** Decodes button data, or undefined for anything malformed (checked every time; see createCallbackDecoder). */
export const decodeCallback = (data: string | undefined): CallbackData | undefined =>
  !data || data.length > 64 ? undefined : parseCallback(data);

export type CallbackDecoder = (data: string | undefined) => CallbackData | undefined;

/**
 * A decoder that checks each text once and keeps its (frozen) result for the next press: the same
 * data always decodes the same. One per bot (BotDeps.decodeCallback), bounded.
 */
export const createCallbackDecoder = (limit = DECODED_KEPT): CallbackDecoder => {
  const decoded = new Map<string, CallbackData | undefined>();
  return (data) => {
    if (!data || data.length > 64) return undefined;
    if (decoded.has(data)) return decoded.get(data);
    const result = parseCallback(data);
    if (decoded.size >= limit) decoded.clear();
    decoded.set(data, result);
    return result;
  };
};

/** A callback-query filter for one kind, usable with bot.callbackQuery(). */
export const callbackPattern = (kind: CallbackKind): RegExp => new RegExp(`^${kind}\\|`);
