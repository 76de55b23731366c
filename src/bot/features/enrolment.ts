// Judges join: /join posts a button; a tap enrols the member, or, when the bot may not write
// to them yet, answers with a deep link that completes the enrolment in private.
import { Composer, type Api } from "grammy";
import type { User } from "grammy/types";
import type { Contest } from "../../domain/contest.js";
import { messageRole } from "../../store/messages.js";
import { callbackPattern, decodeCallback } from "../callback-data.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { contestCommand, displayName } from "../group-contest.js";
import { translatorFor, type Translate } from "../i18n.js";
import type { LiveMessages } from "../live-messages.js";
import { isForbidden } from "../telegram-errors.js";
import { joinPayload, joinView, parseJoinPayload } from "../views/join.js";
import { applyJudgeEntry } from "../judge-entries.js";

export type EnrolOutcome = "joined" | "already" | "locked" | "ended" | "unreachable";

export const enrolmentFeature = (deps: BotDeps, live: LiveMessages, botUsername: () => string) => {
  const composer = new Composer<BotContext>();
  const { store } = deps;

  const panelSuffix = (contest: Contest, panel: number): string => {
    const name = contest.setup.panels.length > 1 ? contest.setup.panels[panel]?.name : undefined;
    return name ? `（${name}）` : "";
  };

  /** Enrols `user` after making sure the bot can write to them in private. */
  const enrol = async (api: Api, contest: Contest, user: User, panel: number, t: Translate): Promise<EnrolOutcome> => {
    if (contest.status !== "draft" && contest.status !== "running") return "ended";
    if (await store.judges.isJudge(contest.id, user.id)) return "already";
    if (contest.locked) return "locked";
    try {
      await api.sendMessage(user.id, t("join-welcome", { title: contest.setup.title, panel: panelSuffix(contest, panel) }));
    } catch (error) {
      if (isForbidden(error)) return "unreachable";
      throw error;
    }
    // A judge named in the contest file takes its panel, observer flag and conflicts.
    const { judge, conflicts } = applyJudgeEntry(contest, {
      userId: user.id,
      name: displayName(user),
      panel,
      observer: false,
      joinedAt: deps.now(),
    });
    // Conflicts first, so that no moment exists in which the new judge could score a conflicted round.
    await store.integrity.addConflicts(contest.id, user.id, conflicts);
    const result = await store.judges.enrol(contest.id, judge);
    if (result.code === "LOCKED") return "locked";
    if (result.code === "CONTEST_ENDED" || result.code === "NO_CONTEST") return "ended";
    await Promise.all([store.judges.markStarted(user.id), store.judges.setJudging(user.id, contest.id)]);
    deps.logger.info({ contestId: contest.id, judge: user.id, panel }, "judge enrolled");
    await live.refreshJoin(api, contest);
    return "joined";
  };

  composer.command(
    "join",
    contestCommand(
      deps,
      async (ctx, contest, t) => {
        const view = joinView(t, contest, await store.judges.count(contest.id));
        const message = await ctx.reply(view.text, { reply_markup: view.keyboard });
        await store.messages.set(contest.id, messageRole.join(), message.message_id);
      },
      { chairOnly: true },
    ),
  );

  composer.callbackQuery(callbackPattern("j"), async (ctx) => {
    const data = decodeCallback(ctx.callbackQuery.data);
    const contest = data?.kind === "j" ? await store.contests.get(data.args[0]) : undefined;
    if (!data || data.kind !== "j" || !contest || contest.chatId !== ctx.chat?.id)
      return ctx.answerCallbackQuery(ctx.t("common-unknown-button"));
    const t = translatorFor(deps.i18n, contest.language);
    const panel = Math.min(data.args[1], Math.max(contest.setup.panels.length - 1, 0));
    const outcome = await enrol(ctx.api, contest, ctx.from, panel, t);
    if (outcome === "unreachable")
      return ctx.answerCallbackQuery({ url: `https://t.me/${botUsername()}?start=${joinPayload(contest, panel)}` });
    const answers: Record<Exclude<EnrolOutcome, "unreachable">, string> = {
      joined: t("join-done"),
      already: t("join-already"),
      locked: t("join-locked"),
      ended: t("common-contest-ended"),
    };
    return ctx.answerCallbackQuery({ text: answers[outcome], show_alert: outcome !== "joined" && outcome !== "already" });
  });

  /** /start j_<contest>_<panel>: the deep link from the join button. */
  const startJoin = async (ctx: BotContext, payload: string): Promise<boolean> => {
    const parsed = parseJoinPayload(payload);
    if (!parsed || !ctx.from) return false;
    const contest = await store.contests.get(parsed.contestId);
    if (!contest) return false;
    const t = translatorFor(deps.i18n, contest.language);
    const outcome = await enrol(ctx.api, contest, ctx.from, parsed.panel, t);
    if (outcome === "already") await ctx.reply(t("join-already"));
    if (outcome === "locked") await ctx.reply(t("join-locked"));
    if (outcome === "ended") await ctx.reply(t("common-contest-ended"));
    return true;
  };

  return { composer, startJoin };
};
