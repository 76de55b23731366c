// Shared steps of group commands: find the chat's contest, switch to its language, check the chair.
import { isChair, type Contest } from "../domain/contest.js";
import type { BotContext } from "./context.js";
import type { BotDeps } from "./deps.js";
import { translatorFor, type Translate } from "./i18n.js";

export type GroupCommand = (ctx: BotContext, contest: Contest, t: Translate) => Promise<unknown>;

export const isGroupChat = (ctx: BotContext): boolean => ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";

/** Text after the command on its first line, and the lines that follow it. */
export const commandBody = (ctx: BotContext): { args: string; lines: string[] } => {
  const text = ctx.msg?.text ?? "";
  const [first = "", ...rest] = text.split(/\r?\n/);
  const args = first.replace(/^\/\S+\s*/, "").trim();
  return { args, lines: rest };
};

export const contestCommand =
  (deps: BotDeps, handler: GroupCommand, options: { chairOnly: boolean }) =>
  async (ctx: BotContext): Promise<unknown> => {
    if (!isGroupChat(ctx) || !ctx.chat || !ctx.from) return ctx.reply(ctx.t("common-group-only"));
    const contest = await deps.store.contests.activeForChat(ctx.chat.id);
    if (!contest) return ctx.reply(ctx.t("common-no-contest"));
    ctx.i18n.useLocale(contest.language);
    const t = translatorFor(deps.i18n, contest.language);
    if (options.chairOnly && !isChair(contest, ctx.from.id)) return ctx.reply(t("common-chair-only"));
    return handler(ctx, contest, t);
  };

export const displayName = (user: { first_name: string; last_name?: string; username?: string }): string =>
  [user.first_name, user.last_name].filter(Boolean).join(" ").trim() || user.username || "?";
