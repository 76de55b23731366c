// Messages to a person's private chat, which they may never have opened (or have blocked).
import type { Api } from "grammy";
import type { InlineKeyboard } from "grammy";
import type { BotContext } from "./context.js";
import { isForbidden } from "./telegram-errors.js";

/** Sends `text` in private; false when the bot may not write to the user (403), other errors thrown. */
export const sendPrivate = async (api: Api, userId: number, text: string, keyboard?: InlineKeyboard): Promise<boolean> => {
  try {
    await api.sendMessage(userId, text, keyboard ? { reply_markup: keyboard } : {});
    return true;
  } catch (error) {
    if (isForbidden(error)) return false;
    throw error;
  }
};

/** Tells the chair who typed a command: in private, else (never started the bot) in the group. */
export const noteToChair = async (ctx: BotContext, text: string): Promise<unknown> =>
  (await sendPrivate(ctx.api, ctx.from!.id, text)) ? undefined : ctx.reply(text);

/**
 * True when the user is still in the group: creator, administrator, member, or restricted but
 * still a member. Left, kicked, or unknown to Telegram: false.
 */
export const isGroupMember = async (api: Api, chatId: number, userId: number): Promise<boolean> => {
  try {
    const member = await api.getChatMember(chatId, userId);
    if (member.status === "restricted") return member.is_member;
    return member.status === "creator" || member.status === "administrator" || member.status === "member";
  } catch {
    return false;
  }
};
