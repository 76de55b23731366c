// Private /start (plain or from a join deep link) and /help for every role.
import { isChair } from "../../domain/contest.js";
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { isGroupChat } from "../group-contest.js";
import { messageRole } from "../../store/messages.js";
import { ballotView, initialStep } from "../views/ballot.js";
import { helpChairVars } from "../views/help.js";
import { ballotAppUrl } from "../ballot-app-link.js";

export const startFeature = (deps: BotDeps, startJoin: (ctx: BotContext, payload: string) => Promise<boolean>) => {
  const composer = new Composer<BotContext>();
  const { store } = deps;

  /** A judge who opens the private chat during a round gets their ballot again. */
  const resendBallot = async (ctx: BotContext, userId: number): Promise<boolean> => {
    const contestId = await store.judges.judging(userId);
    const contest = contestId ? await store.contests.get(contestId) : undefined;
    if (!contest || contest.status !== "running") return false;
    const current = await store.contests.currentRound(contest.id);
    if (current === undefined) return false;
    const state = await store.ballots.state(contest.id, current, userId);
    // A judge conflicted with the presenter gets no ballot for them.
    if (!state?.judge || state.conflicted) return false;
    const input = {
      contest,
      presenter: current,
      draft: state.draft,
      ballot: state.ballot,
      roundOpen: true,
      appUrl: ballotAppUrl(deps.ballotAppBase, contest.id, current),
    };
    const view = ballotView(deps.translate(contest.language), input, initialStep(input), deps.ballotViews);
    const message = await ctx.reply(view.text, { reply_markup: view.keyboard });
    await store.messages.set(contest.id, messageRole.ballot(current, userId), message.message_id);
    return true;
  };

  composer.chatType("private").command("start", async (ctx) => {
    await store.judges.markStarted(ctx.from.id);
    const payload = ctx.match.trim();
    if (payload && (await startJoin(ctx, payload))) return;
    if (await resendBallot(ctx, ctx.from.id)) return;
    const isJudge = !!(await store.judges.judging(ctx.from.id));
    return ctx.reply(ctx.t(isJudge ? "start-ready-judge" : "start-welcome"));
  });

  // The chair's /close and /finish lines say what the group then sees under the contest's release
  // policy (views/help.ts); without a contest, that /reveal decides.
  composer.command("help", async (ctx) => {
    const lines = [ctx.t("help-everyone"), ctx.t("season-help-everyone"), "", ctx.t("help-judge")];
    if (isGroupChat(ctx) && ctx.chat && ctx.from) {
      const contest = await store.contests.activeForChat(ctx.chat.id);
      const t = contest ? deps.translate(contest.language) : ctx.t;
      const chair = contest ? isChair(contest, ctx.from.id) : false;
      const chairLines = ["", t("help-chair", helpChairVars(contest?.setup.reveal)), t("help-chair-integrity"), "", t("season-help-chair")];
      return ctx.reply([t("help-everyone"), t("season-help-everyone"), "", t("help-judge"), ...(chair || !contest ? chairLines : [])].join("\n"));
    }
    return ctx.reply([...lines, "", ctx.t("help-chair", helpChairVars(undefined)), ctx.t("help-chair-integrity"), "", ctx.t("season-help-chair")].join("\n"));
  });

  return composer;
};
