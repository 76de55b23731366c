// Who is asking: a Mini App request carries Telegram's initData (the launch parameters signed with
// the bot token). Its signature is checked by Telegram's documented algorithm with
// @telegram-apps/init-data-node (no crypto of our own); the user is read only from data that passed
// the check; a sign-in older than the limit is refused, as is one dated in the future.
import { isExpiredError, validate } from "@telegram-apps/init-data-node";
import { z } from "zod";

/** Clocks of phones and servers differ a little; more than this ahead is refused. */
const FUTURE_SKEW_S = 60;
/** initData is a few hundred bytes; anything far larger is not Telegram's. */
const MAX_INIT_DATA_LENGTH = 4096;

const UserSchema = z.object({
  id: z.number().int().positive(),
  first_name: z.string().optional(),
  language_code: z.string().max(35).optional(),
});

export type InitDataUser = { id: number; firstName?: string; languageCode?: string };

export type InitDataCheck =
  | { ok: true; user: InitDataUser; authDate: number }
  | { ok: false; reason: "missing" | "invalid" | "expired" };

export type InitDataOptions = {
  botToken: string;
  /** Longest age of auth_date, in seconds (INIT_DATA_MAX_AGE_S). */
  maxAgeS: number;
  now?: () => number;
};

/** Checks raw initData (the query string Telegram hands the page). */
export const createInitDataCheck = (options: InitDataOptions) => {
  const now = options.now ?? Date.now;
  return (raw: string | undefined): InitDataCheck => {
    if (!raw) return { ok: false, reason: "missing" };
    if (raw.length > MAX_INIT_DATA_LENGTH) return { ok: false, reason: "invalid" };
    const params = new URLSearchParams(raw);
    try {
      // The age is checked below with our clock; the library checks the signature.
      validate(params, options.botToken, { expiresIn: 0 });
    } catch (error) {
      return { ok: false, reason: isExpiredError(error) ? "expired" : "invalid" };
    }
    const authDate = Number(params.get("auth_date"));
    const ageS = now() / 1000 - authDate;
    if (!Number.isInteger(authDate) || ageS < -FUTURE_SKEW_S) return { ok: false, reason: "invalid" };
    if (ageS > options.maxAgeS) return { ok: false, reason: "expired" };
    let user: z.infer<typeof UserSchema>;
    try {
      user = UserSchema.parse(JSON.parse(params.get("user") ?? "null"));
    } catch {
      return { ok: false, reason: "invalid" };
    }
    return {
      ok: true,
      authDate,
      user: {
        id: user.id,
        ...(user.first_name === undefined ? {} : { firstName: user.first_name }),
        ...(user.language_code === undefined ? {} : { languageCode: user.language_code }),
      },
    };
  };
};
export type CheckInitData = ReturnType<typeof createInitDataCheck>;
