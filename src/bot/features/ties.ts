// Ties: /tiebreak sets the tie-break rules; the chair's private buttons order the ties that the
// rules left (rule "chair"), and the last confirmation lets /finish post the final ranking.
import { Composer } from "grammy";
import { applyTieAction, type TieAction } from "../../domain/chair-decision.js";
import type { Contest } from "../../domain/contest.js";
import { parsePrizeLines } from "../../domain/setup-lines.js";
import { parseTiebreakLine, prizeScopeOf, type TiebreakError } from "../../domain/tiebreak-line.js";
import { callbackPattern } from "../callback-data.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { tieQuestions } from "../finishing.js";
import type { MeetingActions } from "../meeting/actions.js";
import { commandBody, contestCommand } from "../group-contest.js";
import { lineErrorsText } from "../setup-command.js";
import { type Translate } from "../i18n.js";
import { chairButtonPress } from "../roles.js";
import { loadStandings } from "../standings.js";
import { prizeRankings } from "../../domain/standings.js";
import { editIgnoringSame } from "../telegram-errors.js";
import { ruleText, tieId, tieQuestionView } from "../views/ties.js";

const errorText = (t: Translate, e: TiebreakError): string => {
  const reason = t(`ties-error-${e.code.replaceAll("_", "-")}`, { name: "", known: "", limit: "", ...e.detail });
  return e.item ? `• ${e.item}：${reason}` : `• ${reason}`;
};

const actionOf = (data: string): TieAction =>
  data === "r" ? { kind: "reset" } : data === "c" ? { kind: "confirm" } : { kind: "pick", presenter: Number(data) };

/**
 * `/prizes overall` or `/prizes group` (also 全部/统一/总排名/不分组, 分组/各组/按组), optionally
 * followed by prize lines: sets the prize scope (and the prizes). Any other /prizes goes to `lines`.
 */
export const withPrizeScope =
  (deps: BotDeps, lines: (ctx: BotContext) => Promise<unknown>) =>
  async (ctx: BotContext): Promise<unknown> => {
    const scope = prizeScopeOf(commandBody(ctx).args);
    if (scope === undefined) return lines(ctx);
    const setScope = async (ctx: BotContext, contest: Contest, t: Translate) => {
      if (contest.status !== "draft" && contest.status !== "running") return ctx.reply(t("setup-locked"));
      const body = commandBody(ctx).lines.join("\n");
      const parsed = body.trim() ? parsePrizeLines(body) : undefined;
      if (parsed && !parsed.ok) return ctx.reply(lineErrorsText(t, parsed.errors));
      const prizes = parsed?.value ?? contest.setup.prizes;
      await deps.store.contests.save({ ...contest, setup: { ...contest.setup, prizes, prizeScope: scope } }, { by: ctx.from!.id, at: deps.now() });
      const list = prizes.map((p) => `${p.name} × ${p.count}`).join("\n");
      return ctx.reply([t(`ties-scope-saved-${scope}`), ...(list ? [list] : [t("ties-scope-no-prizes")])].join("\n"));
    };
    return contestCommand(deps, setScope, { chairOnly: true })(ctx);
  };

export const tiesFeature = (deps: BotDeps, actions: Pick<MeetingActions, "finish">) => {
  const composer = new Composer<BotContext>();
  const { store } = deps;

  /** /tiebreak <rules>: chair only, until /finish (the rules only decide the final order). */
  const tiebreak = async (ctx: BotContext, contest: Contest, t: Translate) => {
    if (contest.status !== "draft" && contest.status !== "running") return ctx.reply(t("setup-locked"));
    const { args, lines } = commandBody(ctx);
    const text = [args, ...lines].join("\n");
    if (!text.trim()) {
      const current = contest.setup.tiebreak ?? [];
      const now = current.length ? current.map((rule, i) => `${i + 1}. ${ruleText(t, contest.setup, rule)}`).join("\n") : t("ties-none");
      return ctx.reply(t("ties-usage", { current: now }));
    }
    const parsed = parseTiebreakLine(text, contest.setup.criteria);
    if (!parsed.ok) return ctx.reply(t("ties-invalid", { errors: parsed.errors.map((e) => errorText(t, e)).join("\n") }));
    const { tiebreak: _old, ...rest } = contest.setup;
    const setup = parsed.value.length > 0 ? { ...rest, tiebreak: parsed.value } : rest;
    await store.contests.save({ ...contest, setup }, { by: ctx.from!.id, at: deps.now() });
    if (parsed.value.length === 0) return ctx.reply(t("ties-off"));
    const list = parsed.value.map((rule, i) => `${i + 1}. ${ruleText(t, setup, rule)}`).join("\n");
    return ctx.reply([t("ties-saved", { list }), ...(parsed.value.includes("chair") ? [t("ties-saved-chair")] : [])].join("\n"));
  };

  composer.command("tiebreak", contestCommand(deps, tiebreak, { chairOnly: true }));

  // The questions are sent to the chair in private; a forwarded one still does nothing for anyone else.
  composer.callbackQuery(callbackPattern("t"), async (ctx) => {
    const pressed = await chairButtonPress(deps, ctx, "t", "anywhere");
    if (!pressed) return;
    const { args, contest, t } = pressed;
    const [, id, step, actionData] = args;
    if (contest.status !== "running") {
      await ctx.answerCallbackQuery({ text: t("common-contest-ended"), show_alert: true });
      return editIgnoringSame(() => ctx.editMessageReplyMarkup({ reply_markup: undefined }));
    }
    const { standings } = await loadStandings(store, contest);
    const question = (await tieQuestions(deps, contest, standings)).find((q) => tieId(q.tie) === id);
    if (!question) {
      const decided = prizeRankings(standings).some((group) =>
        group.ties.some((tie) => tie.splits.some((split) => split.rule === "chair" && split.blocks.some((b) => b.presenters.includes(id)))),
      );
      await ctx.answerCallbackQuery({ text: t(decided ? "ties-press-decided" : "ties-press-gone"), show_alert: true });
      return editIgnoringSame(() => ctx.editMessageReplyMarkup({ reply_markup: undefined }));
    }
    const show = (q: typeof question) => {
      const view = tieQuestionView(t, q);
      return editIgnoringSame(() => ctx.editMessageText(view.text, view.keyboard ? { reply_markup: view.keyboard } : {}));
    };
    const read = await store.tiebreaks.read(contest.id, question.tie);
    const next = (read.decision?.order.length ?? 0) === step ? applyTieAction(question.tie, read.decision, actionOf(actionData)) : undefined;
    if (!next?.ok) {
      // An old message, a second tap, or data no button of this tie carries: show where it stands.
      await ctx.answerCallbackQuery(t("ties-press-stale"));
      return show({ ...question, decision: read.decision });
    }
    const stored = await store.tiebreaks.set(contest.id, question.tie, read, next.decision, { by: ctx.from.id, at: deps.now() });
    if (stored === "CONTEST_ENDED") return ctx.answerCallbackQuery({ text: t("common-contest-ended"), show_alert: true });
    if (stored === "STALE") {
      await ctx.answerCallbackQuery(t("ties-press-stale"));
      return show({ ...question, decision: (await store.tiebreaks.read(contest.id, question.tie)).decision });
    }
    await ctx.answerCallbackQuery();
    await show({ ...question, decision: next.decision });
    if (!next.decision.confirmed) return;
    deps.logger.info({ contestId: contest.id, order: next.decision.order, chair: ctx.from.id }, "tie decided by the chair");
    const left = (await tieQuestions(deps, contest, (await loadStandings(store, contest)).standings)).length;
    if (left > 0) return ctx.reply(t("ties-ask-more", { count: left }));
    // The same step as /finish, answering in this private chat.
    const input = { api: ctx.api, contest, t, actor: { by: ctx.from.id, at: deps.now() }, reply: (text: string, other?: object) => ctx.reply(text, other) };
    if (await actions.finish(input)) return ctx.reply(t("ties-ask-published"));
  });

  return composer;
};
