// The release policy in the chat: /reveal sets it (chair only, until /finish), /ranking re-posts
// the standings message (or says when results come; the chair gets them in private), and the chair
// publishes the final results of a `chair` contest (`/ranking public` or the button sent with them).
import { Composer, InlineKeyboard } from "grammy";
import { isChair, RevealPolicySchema, type Contest, type RevealPolicy } from "../../domain/contest.js";
import { publicView } from "../../domain/release.js";
import type { Announcements } from "../announcements.js";
import { callbackPattern } from "../callback-data.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { commandBody, contestCommand, refuseChairCommand } from "../group-contest.js";
import { type Translate } from "../i18n.js";
import { chairButtonPress } from "../roles.js";
import { loadStandings } from "../standings.js";

/** Names a chair may type for a policy, besides its own: the words a 述职评议 uses for them. */
const POLICY_WORDS: Record<string, RevealPolicy> = {
  实时: "live",
  亮分: "scores",
  结束: "end",
  最后: "end",
  主持人: "chair",
};

export const parsePolicy = (word: string): RevealPolicy | undefined => {
  const parsed = RevealPolicySchema.safeParse(word.toLowerCase());
  return parsed.success ? parsed.data : POLICY_WORDS[word];
};

export const policyText = (t: Translate, policy: RevealPolicy): string => t(`reveal-policy-${policy}`);

export const releaseFeature = (deps: BotDeps, announcements: Announcements, botUsername: () => string) => {
  const composer = new Composer<BotContext>();
  const { store } = deps;
  const ended = (contest: Contest) => contest.status === "finished" || contest.status === "cancelled";

  /** Results held back from the group go to a chair in private; a button to start the bot otherwise. */
  const toChairInPrivate = async (ctx: BotContext, contest: Contest, t: Translate) => {
    const delivered = await announcements.sendToChair(ctx.api, contest, ctx.from!.id, await loadStandings(store, contest));
    if (delivered) return;
    return ctx.reply(t("reveal-start-first"), {
      reply_markup: new InlineKeyboard().url(t("reveal-start-button"), `https://t.me/${botUsername()}?start`),
    });
  };

  composer.command(
    "reveal",
    contestCommand(
      deps,
      async (ctx, contest, t) => {
        if (ended(contest)) return ctx.reply(t("reveal-locked", { policy: policyText(t, contest.setup.reveal) }));
        const arg = commandBody(ctx).args;
        if (!arg) return ctx.reply(t("reveal-usage", { policy: policyText(t, contest.setup.reveal) }));
        const policy = parsePolicy(arg);
        if (!policy) return ctx.reply(t("reveal-unknown", { value: arg.slice(0, 40) }));
        if (policy === contest.setup.reveal) return ctx.reply(t("reveal-saved", { policy: policyText(t, policy) }));
        const updated: Contest = { ...contest, setup: { ...contest.setup, reveal: policy } };
        // Saved with the whole setup, so the audit log records who changed it and when.
        await store.contests.save(updated, { by: ctx.from!.id, at: deps.now() });
        deps.logger.info({ contestId: contest.id, from: contest.setup.reveal, to: policy, by: ctx.from!.id }, "release policy changed");
        await ctx.reply(t("reveal-saved", { policy: policyText(t, policy) }));
        // The standings message already in the group follows the new policy.
        await announcements.refreshStandings(ctx.api, updated);
      },
      { chairOnly: true, ended: true },
    ),
  );

  composer.command(
    "ranking",
    contestCommand(
      deps,
      async (ctx, contest, t) => {
        if (contest.status === "cancelled") return ctx.reply(t("common-contest-ended"));
        const arg = commandBody(ctx).args.toLowerCase();
        const chair = isChair(contest, ctx.from!.id);
        if (arg === "public") {
          if (!chair) return refuseChairCommand(ctx, contest, t);
          const published = await announcements.publish(ctx.api, contest, { by: ctx.from!.id, at: deps.now() });
          if (published === "NOT_FINISHED") return ctx.reply(t("closing-publish-not-finished"));
          return;
        }
        if (arg !== "") return ctx.reply(t("reveal-ranking-usage"));
        if ((await announcements.repost(ctx.api, contest)) === "POSTED") return;
        if (chair) return toChairInPrivate(ctx, contest, t);
        return ctx.reply(announcements.heldText(t, contest));
      },
      { chairOnly: false, ended: true },
    ),
  );

  // The publish button under the final results the chair got in private (checked on press).
  composer.callbackQuery(callbackPattern("rp"), async (ctx) => {
    const pressed = await chairButtonPress(deps, ctx, "rp", "anywhere");
    if (!pressed) return;
    const { contest, t } = pressed;
    const already = publicView(contest).ranking && contest.status === "finished";
    const published = await announcements.publish(ctx.api, contest, { by: ctx.from.id, at: deps.now() });
    if (published === "NOT_FINISHED") return ctx.answerCallbackQuery({ text: t("closing-publish-not-finished"), show_alert: true });
    await ctx.answerCallbackQuery({ text: t(already ? "reveal-already-public" : "closing-published") });
    return ctx.editMessageReplyMarkup({ reply_markup: new InlineKeyboard() }).catch(() => undefined);
  });

  return composer;
};
