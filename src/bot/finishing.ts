// Finishing a contest: the final post, or first the chair's decision on ties that the rules left
// (tie-break rule "chair"). The chair who asked for /finish gets one private question per such tie;
// the final post waits until every one is confirmed (see features/ties.ts), then this runs again.
import { InlineKeyboard, type Api } from "grammy";
import type { ActionInput } from "./meeting/action-input.js";
import type { Contest } from "../domain/contest.js";
import { tiesAwaitingChair, prizeRankings, type Standings } from "../domain/standings.js";
import type { BotDeps } from "./deps.js";
import { type Translate } from "./i18n.js";
import { loadStandings } from "./standings.js";
import { isForbidden } from "./telegram-errors.js";
import { formulaText } from "./views/formula.js";
import { rankingText } from "./views/results.js";
import { tieNotesText, tieQuestionView, type TieQuestion } from "./views/ties.js";

/** How long one finish may hold the contest's finish lock. */
const FINISH_LOCK_MS = 30_000;

export type FinishOutcome = "finished" | "awaiting-chair" | "round-open" | "busy" | "ended";

/** The questions for the ties waiting for the chair, with the decisions taken so far. */
export const tieQuestions = async (deps: BotDeps, contest: Contest, standings: Standings): Promise<TieQuestion[]> => {
  const pending = tiesAwaitingChair(standings);
  const notes = prizeRankings(standings).flatMap((group) => group.ties.map((tie) => ({ group: group.name, tie })));
  return Promise.all(
    pending.map(async (tie) => {
      const note = notes.find((n) => n.tie.presenters.includes(tie[0]!));
      const { decision } = await deps.store.tiebreaks.read(contest.id, tie);
      return { contest, tie, finalText: note?.tie.finalText ?? "", group: note?.group ?? null, decision };
    }),
  );
};

/** Tells the meeting a finished contest's final results (announcements.ts: as the release policy allows). */
export type AnnounceFinish = (api: Api, contest: Contest, chairId: number) => Promise<void>;

/** The final results: ranking, how ties were split, the formula line (with the release policy). */
export const finalResultsText = (t: Translate, contest: Contest, standings: Standings): string =>
  [rankingText(t, { contest, standings, final: true }), tieNotesText(t, contest, standings), formulaText(t, contest.setup), t("results-finished")]
    .filter((part) => part !== "")
    .join("\n\n");

export const createFinishing = (deps: BotDeps, botUsername: () => string, announce: AnnounceFinish) => {
  const { store } = deps;

  /** Sends the chair the questions; false when the bot may not write to them. */
  const askChair = async (api: Api, chairId: number, questions: TieQuestion[], t: Translate): Promise<boolean> => {
    try {
      for (const question of questions) {
        const view = tieQuestionView(t, question);
        await api.sendMessage(chairId, view.text, view.keyboard ? { reply_markup: view.keyboard } : {});
      }
      return true;
    } catch (error) {
      if (isForbidden(error)) return false;
      throw error;
    }
  };

  /**
   * Posts the final ranking in the group and ends the contest, unless ties wait for the chair: then
   * the chair who acted (`actor.by`) is asked in private and the group is told why the results wait
   * (when the bot may not write to the chair, `reply` says so). One finish at a time per contest (a
   * Redis lock), only while the contest is in progress and no round is open.
   */
  const finish = async ({ api, contest, actor, reply }: ActionInput): Promise<FinishOutcome> => {
    const done = await store.locks.withLock({ contestId: contest.id, name: "finish" }, FINISH_LOCK_MS, async (): Promise<FinishOutcome> => {
      const fresh = await store.contests.get(contest.id);
      if (!fresh || (fresh.status !== "draft" && fresh.status !== "running")) return "ended";
      if ((await store.contests.currentRound(fresh.id)) !== undefined) return "round-open";
      const t = deps.translate(fresh.language);
      const { standings } = await loadStandings(store, fresh);
      const questions = await tieQuestions(deps, fresh, standings);
      if (questions.length > 0) {
        deps.logger.info({ contestId: fresh.id, ties: questions.length, chair: actor.by }, "finish waits for the chair's tie decisions");
        if (await askChair(api, actor.by, questions, t)) {
          await api.sendMessage(fresh.chatId, t("ties-finish-waiting", { count: questions.length }));
        } else {
          const keyboard = new InlineKeyboard().url(t("ties-open-private"), `https://t.me/${botUsername()}`);
          await reply(t("ties-finish-unreachable"), { reply_markup: keyboard });
        }
        return "awaiting-chair";
      }
      await store.contests.end(fresh, "finished", actor);
      deps.logger.info({ contestId: fresh.id }, "contest finished");
      await announce(api, { ...fresh, status: "finished" }, actor.by || fresh.chairId);
      return "finished";
    });
    return done.ran ? done.value : "busy";
  };

  return { finish };
};
export type Finishing = ReturnType<typeof createFinishing>;
