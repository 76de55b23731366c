// Sealed ballots, for judges in private: /receipt lists their ballots' full receipts, /verify
// tells whether a receipt is among the counted ballots of a closed round (whose digest the group
// saw when the round closed).
import { Composer } from "grammy";
import type { Ballot, Contest } from "../../domain/contest.js";
import { matchesReceipt, parseReceiptQuery, receiptOf, roundDigest, shortReceipt } from "../../domain/receipt.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { type Translate } from "../i18n.js";
import { loadStandings } from "../standings.js";
import { countedReceipts, receiptsText } from "../views/receipt.js";
import { presenterName } from "../views/round.js";

export const receiptsFeature = (deps: BotDeps) => {
  const composer = new Composer<BotContext>();
  const { store } = deps;
  const inPrivate = composer.chatType("private");

  /** The contest the user most recently joined as a judge. */
  const judgingContest = async (userId: number): Promise<Contest | undefined> => {
    const id = await store.judges.judging(userId);
    return id ? store.contests.get(id) : undefined;
  };

  inPrivate.command("receipt", async (ctx) => {
    const contest = await judgingContest(ctx.from.id);
    if (!contest) return ctx.reply(ctx.t("receipt-no-contest"));
    const t = deps.translate(contest.language);
    const rounds = await store.contests.rounds(contest.id);
    const ballots = await store.ballots.forPresenters(contest.id, [...rounds.keys()]);
    const mine = [...ballots.values()].flat().filter((b) => b.judgeId === ctx.from.id && !b.abstain);
    return ctx.reply(receiptsText(t, contest, mine));
  });

  const whyNotCounted = (t: Translate, ballot: Ballot, observer: boolean): string =>
    t(ballot.abstain ? "receipt-reason-abstained" : observer ? "receipt-reason-observer" : "receipt-reason-excluded");

  inPrivate.command("verify", async (ctx) => {
    const contest = await judgingContest(ctx.from.id);
    if (!contest) return ctx.reply(ctx.t("receipt-no-contest"));
    const t = deps.translate(contest.language);
    const query = parseReceiptQuery(ctx.match);
    if (!query) return ctx.reply(t("receipt-verify-usage"));
    const loaded = await loadStandings(store, contest);
    for (const presenter of loaded.closed) {
      const hit = (loaded.ballots.get(presenter) ?? []).find((b) => matchesReceipt(query, receiptOf(contest.id, b)));
      if (!hit) continue;
      const receipt = receiptOf(contest.id, hit);
      const counted = countedReceipts(contest, loaded, presenter);
      const vars = { receipt: shortReceipt(receipt), n: presenter + 1, name: presenterName(contest, presenter) };
      if (counted.includes(receipt))
        return ctx.reply(t("receipt-verify-counted", { ...vars, count: counted.length, digest: roundDigest(counted) }));
      const observer = loaded.judges.get(hit.judgeId)?.observer ?? false;
      return ctx.reply(t("receipt-verify-not-counted", { ...vars, reason: whyNotCounted(t, hit, observer) }));
    }
    const current = await store.contests.currentRound(contest.id);
    if (current !== undefined) {
      const hit = (await store.ballots.forPresenter(contest.id, current)).find((b) => matchesReceipt(query, receiptOf(contest.id, b)));
      if (hit)
        return ctx.reply(
          t("receipt-verify-open", { receipt: shortReceipt(receiptOf(contest.id, hit)), n: current + 1, name: presenterName(contest, current) }),
        );
    }
    return ctx.reply(t("receipt-verify-unknown", { receipt: query.slice(0, 12), title: contest.setup.title }));
  });

  // Receipts are personal: asked in a group, the bot points to the private chat.
  composer.command(["receipt", "verify"], (ctx) => ctx.reply(ctx.t("receipt-private-only")));

  return composer;
};
