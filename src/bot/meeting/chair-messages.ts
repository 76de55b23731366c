// Messages to the chairs in private (console, holds, "all ballots in", /status). When the bot may
// not write to a chair (403: they never opened its private chat, or blocked it), the group is told
// to open the private chat: once per chair and contest for messages the bot sends on its own,
// every time a chair asks for something (a command) and cannot be answered.
import { InlineKeyboard, type Api } from "grammy";
import type { InlineKeyboardMarkup, Message } from "grammy/types";
import { allChairs, type Contest } from "../../domain/contest.js";
import type { BotDeps } from "../deps.js";
import { displayName } from "../group-contest.js";
import type { Translate } from "../i18n.js";
import { escapeHtml } from "../reminders.js";
import { isForbidden } from "../telegram-errors.js";

/** Deep-link payload that opens the private chat and shows the console of contest `id`. */
export const consolePayload = (contestId: string): string => `console-${contestId}`;
export const CONSOLE_PAYLOAD = /^console-([a-z0-9]{6,12})$/;

export type PrivateOptions = { reply_markup?: InlineKeyboard | InlineKeyboardMarkup; link_preview_options?: { is_disabled: boolean } };

export const createChairMessenger = (deps: BotDeps, botUsername: () => string) => {
  const { store } = deps;

  /** Sends to a user in private; undefined when the bot may not write to them. */
  const sendPrivate = async (api: Api, userId: number, text: string, other: PrivateOptions = {}): Promise<Message.TextMessage | undefined> => {
    try {
      return await api.sendMessage(userId, text, other);
    } catch (error) {
      if (isForbidden(error)) return undefined;
      throw error;
    }
  };

  const nameOf = async (api: Api, contest: Contest, userId: number): Promise<string> => {
    try {
      return displayName((await api.getChatMember(contest.chatId, userId)).user);
    } catch {
      return String(userId);
    }
  };

  /**
   * Asks the chairs `userIds` in the group to open the private chat (a button does it). `once`:
   * only chairs who were not asked before in this contest. `extra`: a line to add (plain text).
   */
  const askToStart = async (api: Api, contest: Contest, t: Translate, userIds: number[], once: boolean, extra?: string): Promise<void> => {
    const asked = once
      ? (await Promise.all(userIds.map(async (id) => ((await store.consoles.claimNotice(contest.id, `start-hint:${id}`)) ? id : undefined)))).filter(
          (id): id is number => id !== undefined,
        )
      : userIds;
    if (asked.length === 0) return;
    if (!once) await Promise.all(asked.map((id) => store.consoles.claimNotice(contest.id, `start-hint:${id}`)));
    const names = await Promise.all(asked.map(async (id) => `<a href="tg://user?id=${id}">${escapeHtml(await nameOf(api, contest, id))}</a>`));
    const text = [t("console-start-hint", { names: names.join("、") }), ...(extra ? [escapeHtml(extra)] : [])].join("\n");
    await api.sendMessage(contest.chatId, text, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: startButton(t, contest),
    });
  };

  /** The button that opens the bot's private chat and shows the console there. */
  const startButton = (t: Translate, contest: Contest) =>
    new InlineKeyboard().url(t("console-start-button"), `https://t.me/${botUsername()}?start=${consolePayload(contest.id)}`);

  /**
   * Sends a message to one chair; when the bot may not write to them, asks them in the group to
   * open the private chat (`hint: "once"` for messages the bot sends on its own).
   */
  const toChair = async (
    api: Api,
    contest: Contest,
    t: Translate,
    userId: number,
    text: string,
    other: PrivateOptions = {},
    hint: "once" | "always" = "once",
  ): Promise<Message.TextMessage | undefined> => {
    const sent = await sendPrivate(api, userId, text, other);
    if (!sent) await askToStart(api, contest, t, [userId], hint === "once");
    return sent;
  };

  /** Sends a message to every chair (chair and co-chairs) in private. */
  const toChairs = async (api: Api, contest: Contest, t: Translate, text: string, other: PrivateOptions = {}): Promise<void> => {
    const unreachable: number[] = [];
    for (const userId of allChairs(contest)) if (!(await sendPrivate(api, userId, text, other))) unreachable.push(userId);
    if (unreachable.length > 0) await askToStart(api, contest, t, unreachable, true);
  };

  return { sendPrivate, toChair, toChairs, askToStart, startButton };
};
export type ChairMessenger = ReturnType<typeof createChairMessenger>;
