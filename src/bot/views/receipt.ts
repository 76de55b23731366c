// What judges and the group see of sealed ballots: receipts, round digests, /verify answers.
import type { Ballot, Contest } from "../../domain/contest.js";
import { receiptOf, roundDigest, shortReceipt } from "../../domain/receipt.js";
import type { Translate } from "../i18n.js";
import type { LoadedResults } from "../standings.js";
import { presenterName } from "./round.js";

/** The line under a submitted ballot: the first digits of its receipt. */
export const receiptLine = (t: Translate, contest: Contest, ballot: Ballot): string =>
  t("receipt-line", { receipt: shortReceipt(receiptOf(contest.id, ballot)) });

/** `/receipt`: the judge's ballots of a contest with their full receipts, latest round first. */
export const receiptsText = (t: Translate, contest: Contest, ballots: Ballot[]): string => {
  if (ballots.length === 0) return t("receipt-none", { title: contest.setup.title });
  const rows = [...ballots]
    .sort((a, b) => b.presenter - a.presenter)
    .map((ballot) =>
      t("receipt-row", {
        n: ballot.presenter + 1,
        name: presenterName(contest, ballot.presenter),
        version: ballot.version,
        receipt: receiptOf(contest.id, ballot),
      }),
    );
  return [t("receipt-title", { title: contest.setup.title }), "", ...rows, "", t("receipt-how")].join("\n");
};

/** Receipts of the ballots that counted in a closed round (as the ranking counted them). */
export const countedReceipts = (contest: Contest, loaded: LoadedResults, presenter: number): string[] => {
  const counted = new Set((loaded.scored.get(presenter) ?? []).filter((s) => s.counted).map((s) => s.judgeId));
  return (loaded.ballots.get(presenter) ?? []).filter((b) => counted.has(b.judgeId)).map((b) => receiptOf(contest.id, b));
};

/** The line posted with a closed round's ranking: the digest of its counted receipts. */
export const digestLine = (t: Translate, contest: Contest, loaded: LoadedResults, presenter: number): string => {
  const receipts = countedReceipts(contest, loaded, presenter);
  return t("receipt-round-digest", { count: receipts.length, digest: roundDigest(receipts) });
};
