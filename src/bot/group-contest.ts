// Shared steps of group commands: find the chat's contest, switch to its language, check the chair.
import { isChair, type Contest } from "../domain/contest.js";
import type { BotContext } from "./context.js";
import type { BotDeps } from "./deps.js";
import { type Translate } from "./i18n.js";
import { isForbidden } from "./telegram-errors.js";

export type GroupCommand = (ctx: BotContext, contest: Contest, t: Translate) => Promise<unknown>;

export const isGroupChat = (ctx: BotContext): boolean => ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";

/** Text after the command on its first line, and the lines that follow it. */
export const commandBody = (ctx: BotContext): { args: string; lines: string[] } => {
  const text = ctx.msg?.text ?? "";
  const [first = "", ...rest] = text.split(/\r?\n/);
  const args = first.replace(/^\/\S+\s*/, "").trim();
  return { args, lines: rest };
};

/** The command's name as typed ("open" for "/open@bot 3"). */
const commandName = (ctx: BotContext): string => /^\/([^\s@]+)/.exec(ctx.msg?.text ?? "")?.[1] ?? "";

/**
 * The one refusal of a chair command used by a member who may not: nothing in the group (the
 * meeting is not interrupted and nobody is put on the spot); a private note when the bot may write
 * to them, otherwise silence.
 */
export const refuseInPrivate = async (ctx: BotContext, text: string): Promise<void> => {
  if (!ctx.from) return;
  try {
    await ctx.api.sendMessage(ctx.from.id, text);
  } catch (error) {
    if (!isForbidden(error)) throw error;
  }
};

/** A chair command of `contest` used by a member who is not its chair (see refuseInPrivate). */
export const refuseChairCommand = (ctx: BotContext, contest: Contest, t: Translate): Promise<void> =>
  refuseInPrivate(ctx, t("console-refused", { command: commandName(ctx), title: contest.setup.title }));

export const contestCommand =
  (deps: BotDeps, handler: GroupCommand, options: { chairOnly: boolean; /** also the chat's last contest once it has ended */ ended?: boolean }) =>
  async (ctx: BotContext): Promise<unknown> => {
    if (!isGroupChat(ctx) || !ctx.chat || !ctx.from) return ctx.reply(ctx.t("common-group-only"));
    const contest = await (options.ended ? deps.store.contests.latestForChat(ctx.chat.id) : deps.store.contests.activeForChat(ctx.chat.id));
    if (!contest) return ctx.reply(ctx.t("common-no-contest"));
    ctx.i18n.useLocale(contest.language);
    const t = deps.translate(contest.language);
    if (options.chairOnly && !isChair(contest, ctx.from.id)) return refuseChairCommand(ctx, contest, t);
    return handler(ctx, contest, t);
  };

export const displayName = (user: { first_name: string; last_name?: string; username?: string }): string =>
  [user.first_name, user.last_name].filter(Boolean).join(" ").trim() || user.username || "?";
