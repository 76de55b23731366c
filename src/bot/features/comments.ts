// Comments (点评): after submitting, a judge taps "💬 添加点评" and sends one text in private; it is
// kept with their ballot and shown without names in /detail and the export. The "next text is a
// comment" state lives in Redis with a TTL, so it survives a restart and works on any replica.
import { Composer } from "grammy";
import { messageRole } from "../../store/messages.js";
import { callbackPattern, decodeCallback } from "../callback-data.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { editIgnoringSame } from "../telegram-errors.js";
import { ballotView } from "../views/ballot.js";
import { ballotAppUrl } from "../ballot-app-link.js";
import { presenterName } from "../views/round.js";

/** How long the bot waits for the comment after the button. */
export const COMMENT_WAIT_S = 600;
/** Longest comment kept (the ballot model allows 1000 characters). */
export const COMMENT_MAX_CHARS = 500;

export const commentsFeature = (deps: BotDeps) => {
  const composer = new Composer<BotContext>();
  const { store } = deps;

  composer.callbackQuery(callbackPattern("m"), async (ctx) => {
    const data = deps.decodeCallback(ctx.callbackQuery.data);
    if (data?.kind !== "m") return ctx.answerCallbackQuery(ctx.t("common-unknown-button"));
    if (ctx.chat?.type !== "private" || ctx.chat.id !== ctx.from.id)
      return ctx.answerCallbackQuery({ text: ctx.t("common-not-your-ballot"), show_alert: true });
    const [contestId, presenter] = data.args;
    const state = await store.ballots.state(contestId, presenter, ctx.from.id);
    if (!state) return ctx.answerCallbackQuery(ctx.t("common-unknown-button"));
    const t = deps.translate(state.contest.language);
    if (!state.judge) return ctx.answerCallbackQuery({ text: t("common-not-judge"), show_alert: true });
    if (state.round !== "open") return ctx.answerCallbackQuery({ text: t("common-round-closed"), show_alert: true });
    if (!state.ballot || state.ballot.abstain)
      return ctx.answerCallbackQuery({ text: t("comment-not-submitted"), show_alert: true });
    await store.integrity.awaitComment(ctx.from.id, contestId, presenter, COMMENT_WAIT_S);
    await ctx.answerCallbackQuery();
    return ctx.reply(
      t("comment-prompt", {
        n: presenter + 1,
        name: presenterName(state.contest, presenter),
        max: COMMENT_MAX_CHARS,
        minutes: COMMENT_WAIT_S / 60,
      }),
    );
  });

  // A private text (not a command) from a judge who asked to comment is the comment.
  composer.chatType("private").on("message:text", async (ctx, next) => {
    if (ctx.msg.text.startsWith("/")) return next();
    const pending = await store.integrity.takePendingComment(ctx.from.id);
    if (!pending) return next();
    const contest = await store.contests.get(pending.contestId);
    if (!contest) return next();
    const t = deps.translate(contest.language);
    const text = ctx.msg.text.trim();
    if (text.length > COMMENT_MAX_CHARS) {
      await store.integrity.awaitComment(ctx.from.id, pending.contestId, pending.presenter, COMMENT_WAIT_S);
      return ctx.reply(t("comment-too-long", { max: COMMENT_MAX_CHARS, length: text.length }));
    }
    if (!text) return ctx.reply(t("comment-empty"));
    const result = await store.integrity.setComment(pending.contestId, pending.presenter, ctx.from.id, text, deps.now());
    if (result === "ROUND_CLOSED") return ctx.reply(t("comment-round-closed"));
    if (result === "NOT_SUBMITTED") return ctx.reply(t("comment-not-submitted"));
    deps.logger.info({ contestId: contest.id, presenter: pending.presenter, judge: ctx.from.id }, "comment saved");
    await ctx.reply(t("comment-saved", { n: pending.presenter + 1, name: presenterName(contest, pending.presenter) }));
    // The ballot message shows the comment too.
    const messageId = await store.messages.get(contest.id, messageRole.ballot(pending.presenter, ctx.from.id));
    const state = await store.ballots.state(contest.id, pending.presenter, ctx.from.id);
    if (messageId === undefined || !state || state.round !== "open") return;
    const input = {
      contest: state.contest,
      presenter: pending.presenter,
      draft: state.draft,
      ballot: state.ballot,
      roundOpen: true,
      appUrl: ballotAppUrl(deps.ballotAppBase, contest.id, pending.presenter),
    };
    const view = ballotView(t, input, { review: true }, deps.ballotViews);
    await editIgnoringSame(() =>
      ctx.api.editMessageText(ctx.chat.id, messageId, view.text, view.keyboard ? { reply_markup: view.keyboard } : {}),
    ).catch((error: unknown) => deps.logger.debug({ err: error }, "ballot message not refreshed after comment"));
  });

  return composer;
};

/** A round's comments, without judge names, in a stable order that does not follow the judges. */
export const roundComments = async (store: BotDeps["store"], contestId: string, presenter: number): Promise<string[]> =>
  (await store.ballots.forPresenter(contestId, presenter))
    .flatMap((ballot) => (ballot.comment ? [ballot.comment] : []))
    .sort((a, b) => a.localeCompare(b, "zh-CN"));
