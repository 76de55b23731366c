// The contest's one standings message in the group: posted at the first close the release policy
// lets the group see, edited in place after every later close, and re-posted (the old one removed)
// by /ranking and at /finish. Pinned when the bot may pin; when it may not, the chair is told so
// once, in private.
import { GrammyError, type Api } from "grammy";
import type { Contest } from "../domain/contest.js";
import { messageRole } from "../store/messages.js";
import type { BotDeps } from "./deps.js";
import { isNotModified } from "./telegram-errors.js";

/** The edit's target is gone (deleted in the group, or too old): post a new one instead. */
const isGone = (error: unknown): boolean =>
  error instanceof GrammyError && error.error_code === 400 && /message to edit not found|message can't be edited/i.test(error.description);

export const createStandingsMessage = (deps: BotDeps, botId: () => number) => {
  const { store, logger } = deps;
  const role = messageRole.standings();

  /** May the bot pin in the group? (An administrator with can_pin_messages, or the creator.) */
  const mayPin = async (api: Api, chatId: number): Promise<boolean> => {
    try {
      const member = await api.getChatMember(chatId, botId());
      return member.status === "creator" || (member.status === "administrator" && member.can_pin_messages === true);
    } catch (error) {
      logger.warn({ err: error, chatId }, "could not read the bot's rights in the group");
      return false;
    }
  };

  /** Tells the chair, once per contest and in private, that the standings message is not pinned. */
  const noticeNotPinned = async (api: Api, contest: Contest) => {
    if (!(await store.messages.once(contest.id, "standings-pin"))) return;
    const t = deps.translate(contest.language);
    await api.sendMessage(contest.chairId, t("standings-cannot-pin", { title: contest.setup.title })).catch((error: unknown) => {
      logger.info({ err: error, contestId: contest.id }, "pin notice not delivered to the chair");
    });
  };

  const pin = async (api: Api, contest: Contest, messageId: number) => {
    if (await mayPin(api, contest.chatId)) {
      try {
        await api.pinChatMessage(contest.chatId, messageId, { disable_notification: true });
        return;
      } catch (error) {
        logger.warn({ err: error, contestId: contest.id }, "standings message not pinned");
      }
    }
    await noticeNotPinned(api, contest);
  };

  /** Posts `text` as the new standings message (pinned), removing the previous one. */
  const post = async (api: Api, contest: Contest, text: string): Promise<number> => {
    const previous = await store.messages.get(contest.id, role);
    const message = await api.sendMessage(contest.chatId, text);
    await store.messages.set(contest.id, role, message.message_id);
    await pin(api, contest, message.message_id);
    // Bots may delete their own messages in groups; if this one cannot go, at least unpin it.
    if (previous !== undefined)
      await api.deleteMessage(contest.chatId, previous).catch(() => api.unpinChatMessage(contest.chatId, previous).catch(() => undefined));
    return message.message_id;
  };

  /** Shows `text` in the standings message: edited in place, or posted when there is none (or it is gone). */
  const show = async (api: Api, contest: Contest, text: string): Promise<void> => {
    const messageId = await store.messages.get(contest.id, role);
    if (messageId !== undefined) {
      try {
        await api.editMessageText(contest.chatId, messageId, text);
        return;
      } catch (error) {
        if (isNotModified(error)) return;
        if (!isGone(error)) throw error;
        await store.messages.remove(contest.id, role);
      }
    }
    await post(api, contest, text);
  };

  /** Edits the standings message if there is one (e.g. after the release policy changed). */
  const refresh = async (api: Api, contest: Contest, text: string): Promise<void> => {
    const messageId = await store.messages.get(contest.id, role);
    if (messageId === undefined) return;
    await api.editMessageText(contest.chatId, messageId, text).catch((error: unknown) => {
      if (!isNotModified(error)) logger.warn({ err: error, contestId: contest.id }, "standings message not refreshed");
    });
  };

  return { show, post, refresh };
};
export type StandingsMessage = ReturnType<typeof createStandingsMessage>;
