// What the group, the judges and the chair are told when a round closes and when the contest
// finishes, as the release policy allows (domain/release.ts): the group gets the round's
// announcement edited to its closed state and the one standings message (only when it may see the
// ranking); each judge's ballot message shows the round's digest under their counted ballot; under
// the `chair` policy the chair gets the final results in private and publishes them explicitly.
import { InlineKeyboard, type Api } from "grammy";
import type { Contest } from "../domain/contest.js";
import { receiptOf, roundDigest } from "../domain/receipt.js";
import { publicView } from "../domain/release.js";
import type { Actor } from "../store/audit.js";
import { messageRole } from "../store/messages.js";
import { encodeCallback } from "./callback-data.js";
import type { BotDeps } from "./deps.js";
import { type Translate } from "./i18n.js";
import type { LiveMessages } from "./live-messages.js";
import { loadStandings, type LoadedResults } from "./standings.js";
import type { StandingsMessage } from "./standings-message.js";
import { ballotView } from "./views/ballot.js";
import { finalResultsText } from "./finishing.js";
import { countedReceipts } from "./views/receipt.js";
import { rankingText } from "./views/results.js";

export const createAnnouncements = (deps: BotDeps, live: LiveMessages, standings: StandingsMessage) => {
  const { store, logger } = deps;
  const tOf = (contest: Contest) => deps.translate(contest.language);

  /** The final standings, the tie notes and the formula line (which states the release policy). */
  const finalText = (t: Translate, contest: Contest, loaded: LoadedResults): string => finalResultsText(t, contest, loaded.standings);

  /** The standings as they stand: the final ones once the contest has finished. */
  const standingsText = (t: Translate, contest: Contest, loaded: LoadedResults, justClosed?: number): string =>
    contest.status === "finished"
      ? finalText(t, contest, loaded)
      : rankingText(t, { contest, standings: loaded.standings, ...(justClosed === undefined ? {} : { justClosed }) });

  /** What the group is told in place of results the policy holds back. */
  const heldText = (t: Translate, contest: Contest): string =>
    t(publicView(contest).heldUntil === "chair" ? "standings-held-chair" : "standings-held-finish", { title: contest.setup.title });

  /**
   * The judges' ballot messages of a closed round, redrawn closed (no buttons left); under a
   * ballot that counted, the round's digest and how to check it (/verify).
   */
  const closeBallots = async (api: Api, contest: Contest, presenter: number, loaded: LoadedResults) => {
    const t = tOf(contest);
    const counted = new Set(countedReceipts(contest, loaded, presenter));
    const digest = { count: counted.size, digest: roundDigest([...counted]) };
    const ballots = new Map((loaded.ballots.get(presenter) ?? []).map((b) => [b.judgeId, b] as const));
    const judges = await store.contests.judges(contest.id);
    await Promise.all(
      judges.map(async (judge) => {
        const messageId = await store.messages.get(contest.id, messageRole.ballot(presenter, judge.userId));
        if (messageId === undefined) return;
        const ballot = ballots.get(judge.userId);
        const isCounted = ballot !== undefined && counted.has(receiptOf(contest.id, ballot));
        const view = ballotView(
          t,
          { contest, presenter, draft: { scores: {} }, ballot, roundOpen: false, ...(isCounted ? { digest } : {}) },
          { review: true },
        );
        try {
          await deps.sendQueue.enqueue(judge.userId, () => api.editMessageText(judge.userId, messageId, view.text));
        } catch (error) {
          logger.info({ err: error, contestId: contest.id, presenter, judge: judge.userId }, "closed ballot not redrawn");
        }
      }),
    );
  };

  /** Everything that follows the close of round `presenter` (already closed in Redis). */
  const roundClosed = async (api: Api, contest: Contest, presenter: number): Promise<LoadedResults> => {
    const loaded = await loadStandings(store, contest);
    await live.closeCounter(api, contest, presenter, loaded);
    if (publicView(contest).ranking) await standings.show(api, contest, standingsText(tOf(contest), contest, loaded, presenter));
    await closeBallots(api, contest, presenter, loaded);
    return loaded;
  };

  /** The final results in private for `chairId`, with the button that publishes them. */
  const sendToChair = async (api: Api, contest: Contest, chairId: number, loaded: LoadedResults): Promise<boolean> => {
    const t = tOf(contest);
    const publishable = contest.status === "finished" && !publicView(contest).ranking;
    const text = [t("closing-chair-results"), "", standingsText(t, contest, loaded), ...(publishable ? ["", t("closing-publish-hint")] : [])].join("\n");
    try {
      await api.sendMessage(chairId, text, {
        ...(publishable ? { reply_markup: new InlineKeyboard().text(t("closing-publish-button"), encodeCallback("rp", contest.id)) } : {}),
      });
      return true;
    } catch (error) {
      logger.info({ err: error, contestId: contest.id, chairId }, "results not delivered to the chair in private");
      return false;
    }
  };

  /**
   * After /finish (the contest is finished in Redis): the final standings become the standings
   * message, or, while the policy holds them back (`chair`), the group hears that scoring ended and
   * the chair who finished gets them in private.
   */
  const contestFinished = async (api: Api, contest: Contest, chairId: number): Promise<void> => {
    const t = tOf(contest);
    const loaded = await loadStandings(store, contest);
    if (publicView(contest).ranking) {
      await standings.post(api, contest, finalText(t, contest, loaded));
      return;
    }
    await standings.post(api, contest, [t("closing-finished-chair")].join("\n"));
    await sendToChair(api, contest, chairId, loaded);
  };

  /** The chair publishes the final results (`chair` policy): recorded, then posted as the standings message. */
  const publish = async (api: Api, contest: Contest, actor: Actor): Promise<"OK" | "NOT_FINISHED"> => {
    if (contest.status !== "finished") return "NOT_FINISHED";
    const published: Contest = { ...contest, published: true };
    if (!contest.published) await store.contests.save(published, actor);
    logger.info({ contestId: contest.id, by: actor.by }, "results published");
    await standings.post(api, published, finalText(tOf(contest), published, await loadStandings(store, published)));
    return "OK";
  };

  /** /ranking in the group: the standings re-posted, or what the policy allows instead. */
  const repost = async (api: Api, contest: Contest): Promise<"POSTED" | "HELD"> => {
    if (!publicView(contest).ranking) return "HELD";
    await standings.post(api, contest, standingsText(tOf(contest), contest, await loadStandings(store, contest)));
    return "POSTED";
  };

  /** The standings text the group sees now (the standings message after a change of policy). */
  const refreshStandings = async (api: Api, contest: Contest): Promise<void> => {
    const t = tOf(contest);
    const text = publicView(contest).ranking ? standingsText(t, contest, await loadStandings(store, contest)) : heldText(t, contest);
    await standings.refresh(api, contest, text);
  };

  return { roundClosed, contestFinished, publish, repost, sendToChair, refreshStandings, heldText, finalText };
};
export type Announcements = ReturnType<typeof createAnnouncements>;
