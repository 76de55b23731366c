import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  ballotReceipt,
  matchesReceipt,
  parseReceiptQuery,
  receiptText,
  roundDigest,
  shortReceipt,
} from "../../src/domain/receipt.js";

const ballot = { contestId: "abc123def0", presenter: 2, judgeId: 42, scores: [25, 8.5, 0.01], submittedAt: 1_700_000_000_123 };

describe("ballot receipts", () => {
  it("hashes a canonical text that anyone can rebuild", () => {
    expect(receiptText(ballot)).toBe('["msb-receipt-v1","abc123def0",2,42,[2500,850,1],1700000000123]');
    const expected = createHash("sha256").update(receiptText(ballot)).digest("hex");
    expect(ballotReceipt(ballot)).toBe(expected);
    expect(ballotReceipt(ballot)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is the same for the same ballot and differs when any part differs", () => {
    const base = ballotReceipt(ballot);
    expect(ballotReceipt({ ...ballot, scores: [25, 8.5, 0.01] })).toBe(base);
    const variants = [
      { ...ballot, contestId: "abc123def1" },
      { ...ballot, presenter: 3 },
      { ...ballot, judgeId: 43 },
      { ...ballot, scores: [25, 8.5, 0.02] },
      { ...ballot, scores: [25, 8.5] },
      { ...ballot, submittedAt: ballot.submittedAt + 1 },
    ];
    const receipts = new Set(variants.map(ballotReceipt));
    expect(receipts.size).toBe(variants.length);
    expect(receipts.has(base)).toBe(false);
  });

  it("treats scores that differ only in float noise as the same (hundredths)", () => {
    expect(ballotReceipt({ ...ballot, scores: [25, 8.5, 0.1 + 0.2 - 0.29] })).toBe(ballotReceipt(ballot));
  });

  it("digests a round's receipts in any order", () => {
    const receipts = [1, 2, 3].map((judgeId) => ballotReceipt({ ...ballot, judgeId }));
    const digest = roundDigest(receipts);
    expect(roundDigest([...receipts].reverse())).toBe(digest);
    expect(roundDigest(receipts.map((r) => r.toUpperCase()))).toBe(digest);
    expect(digest).toBe(createHash("sha256").update([...receipts].sort().join("\n")).digest("hex"));
    expect(roundDigest(receipts.slice(1))).not.toBe(digest);
  });

  it("reads a receipt as typed: its first 12 digits or more, case and spaces ignored", () => {
    const receipt = ballotReceipt(ballot);
    expect(shortReceipt(receipt)).toHaveLength(12);
    for (const typed of [receipt, receipt.toUpperCase(), shortReceipt(receipt), `${shortReceipt(receipt)}…`, ` ${receipt.slice(0, 6)} ${receipt.slice(6, 20)} `]) {
      const query = parseReceiptQuery(typed);
      expect(query, typed).toBeDefined();
      expect(matchesReceipt(query!, receipt)).toBe(true);
    }
    for (const bad of ["", "abc", receipt.slice(0, 11), `${receipt}0`, "g".repeat(12), "12345678901z"]) {
      expect(parseReceiptQuery(bad), bad).toBeUndefined();
    }
    expect(matchesReceipt(shortReceipt(receipt), ballotReceipt({ ...ballot, judgeId: 43 }))).toBe(false);
  });
});
