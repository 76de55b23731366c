// Seats: who may become a judge. A roster entry is a judge the chair named; an invitation is a
// personal, single-use token bound to one entry; a join code is a token per panel that anyone
// holding it may use (open meetings). Tokens are random (see store/seats.ts), never derived from
// the contest, and only ever logged as a short prefix.
import { z } from "zod";

/** Roster entry ids are short so that they fit in callback data beside a contest id. */
export const EntryIdSchema = z.string().regex(/^[a-z0-9]{8}$/);

/** A token as it travels in a deep link: /start <token>, 22 characters of base64url (128 bits). */
export const SeatTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

export const RosterEntrySchema = z.object({
  id: EntryIdSchema,
  name: z.string().trim().min(1).max(80),
  panel: z.number().int().min(0).default(0),
  observer: z.boolean().default(false),
  /** Presenters (by name) this judge may not score. */
  conflicts: z.array(z.string()).default([]),
  /** The Telegram account the contest file names for this entry, if any. */
  userId: z.number().int().positive().optional(),
  /** The account that holds the entry, once its invitation was used (or its userId joined). */
  boundTo: z.number().int().optional(),
  /** The entry's current invitation token; none after it was revoked. */
  token: SeatTokenSchema.optional(),
  createdAt: z.number().int(),
});
export type RosterEntry = z.infer<typeof RosterEntrySchema>;

export const SeatSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("invite"),
    entry: EntryIdSchema,
    createdAt: z.number().int(),
    usedBy: z.number().int().optional(),
    usedAt: z.number().int().optional(),
    revoked: z.boolean().default(false),
  }),
  z.object({
    kind: z.literal("code"),
    panel: z.number().int().min(0),
    createdAt: z.number().int(),
    revoked: z.boolean().default(false),
  }),
]);
export type Seat = z.infer<typeof SeatSchema>;

/** What may be written to logs and the audit instead of a token. */
export const tokenPrefix = (token: string): string => `${token.slice(0, 4)}…`;

/** The deep link that opens the bot in private with the token as /start payload. */
export const seatLink = (botUsername: string, token: string): string => `https://t.me/${botUsername}?start=${token}`;

const normalizeName = (name: string): string => name.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

/** True when two names mean the same person (ignoring spaces, width and case). */
export const sameName = (a: string, b: string): boolean => normalizeName(a) === normalizeName(b);
