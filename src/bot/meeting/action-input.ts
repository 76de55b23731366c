// The input of every step the chair takes (see actions.ts): who acts on which contest, in which
// language, and where the answers meant for them go.
import type { Api, InlineKeyboard } from "grammy";
import type { Contest } from "../../domain/contest.js";
import type { Actor } from "../../store/audit.js";
import type { Translate } from "../i18n.js";
import type { BotContext } from "../context.js";

export type Reply = (text: string, other?: { reply_markup?: InlineKeyboard }) => Promise<unknown>;

export type ActionInput = {
  api: Api;
  contest: Contest;
  /** The contest's language. */
  t: Translate;
  actor: Actor;
  /** The group for a command typed there; the chair's private chat for a console button. */
  reply: Reply;
};

/** Posts in the contest's group. */
export const toGroup =
  (api: Api, contest: Contest): Reply =>
  (text, other) =>
    api.sendMessage(contest.chatId, text, other);

/** A command typed in the group: its answers go back to the group. */
export const commandInput = (ctx: BotContext, contest: Contest, t: Translate, now: () => number): ActionInput => ({
  api: ctx.api,
  contest,
  t,
  actor: { by: ctx.from!.id, at: now() },
  reply: (text, other) => ctx.reply(text, other),
});
