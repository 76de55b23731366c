// Sealed ballots: a receipt is a SHA-256 over what a submitted ballot says, so a judge can later
// check that the ballot counted is the one they submitted; a round's digest is a SHA-256 over the
// sorted receipts of its counted ballots, posted when the round closes.
//
// The hashed text is canonical and written down here so that anyone can recompute it:
//   receipt = hex(SHA-256(UTF-8(JSON.stringify(["msb-receipt-v1", contestId, presenter, judgeId, hundredths, submittedAt]))))
// where presenter is the 0-based index, hundredths the scores in criterion order times 100 as
// integers (exact: scores have at most two decimals), submittedAt milliseconds since the epoch;
//   digest = hex(SHA-256(UTF-8(the receipts, lower-case hex, sorted, joined with "\n"))).
import { createHash } from "node:crypto";

export const RECEIPT_VERSION = "msb-receipt-v1";

/** How many hex digits of a receipt the bot shows; `/verify` accepts this many or more. */
export const SHORT_RECEIPT_LENGTH = 12;

export type ReceiptInput = {
  contestId: string;
  presenter: number;
  judgeId: number;
  scores: readonly number[];
  submittedAt: number;
};

const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/** The exact text a receipt hashes. */
export const receiptText = ({ contestId, presenter, judgeId, scores, submittedAt }: ReceiptInput): string =>
  JSON.stringify([RECEIPT_VERSION, contestId, presenter, judgeId, scores.map((s) => Math.round(s * 100)), submittedAt]);

/** The ballot's receipt: 64 lower-case hex digits. */
export const ballotReceipt = (input: ReceiptInput): string => sha256(receiptText(input));

/** The digest of a round: over its counted ballots' receipts, in any order given. */
export const roundDigest = (receipts: readonly string[]): string =>
  sha256([...receipts].map((r) => r.toLowerCase()).sort().join("\n"));

export const shortReceipt = (receipt: string): string => receipt.slice(0, SHORT_RECEIPT_LENGTH);

/**
 * A receipt (or its first digits) as a judge may type it: 12–64 hex digits, spaces and a
 * trailing "…" ignored; lower-cased. Undefined for anything else.
 */
export const parseReceiptQuery = (text: string): string | undefined => {
  const cleaned = text.replace(/[\s…]/g, "").replace(/\.{3}$/, "").toLowerCase();
  return new RegExp(`^[0-9a-f]{${SHORT_RECEIPT_LENGTH},64}$`).test(cleaned) ? cleaned : undefined;
};

/** True when `query` (from parseReceiptQuery) is the receipt or its beginning. */
export const matchesReceipt = (query: string, receipt: string): boolean => receipt.startsWith(query);

/** The receipt of a stored ballot of `contestId`. */
export const receiptOf = (
  contestId: string,
  ballot: { presenter: number; judgeId: number; scores: readonly number[]; submittedAt: number },
): string =>
  ballotReceipt({ contestId, presenter: ballot.presenter, judgeId: ballot.judgeId, scores: ballot.scores, submittedAt: ballot.submittedAt });
