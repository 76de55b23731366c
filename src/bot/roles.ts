// Who may do what, decided on the server for every call.
import type { Api } from "grammy";
import { isChair, type Contest } from "../domain/contest.js";
import type { CallbackArgs, CallbackKind } from "./callback-data.js";
import type { BotContext } from "./context.js";
import type { BotDeps } from "./deps.js";
import type { Translate } from "./i18n.js";

const ADMIN_TTL_MS = 30_000;

/** getChatMember answers, cached briefly so a burst of chair commands costs one call. */
export const createAdminCheck = (now: () => number) => {
  const cache = new Map<string, { admin: boolean; until: number }>();
  return async (api: Api, chatId: number, userId: number): Promise<boolean> => {
    const key = `${chatId}:${userId}`;
    const hit = cache.get(key);
    if (hit && hit.until > now()) return hit.admin;
    const member = await api.getChatMember(chatId, userId);
    const admin = member.status === "creator" || member.status === "administrator";
    if (cache.size > 10_000) cache.clear();
    cache.set(key, { admin, until: now() + ADMIN_TTL_MS });
    return admin;
  };
};
export type AdminCheck = ReturnType<typeof createAdminCheck>;

/**
 * Where a chair's button counts; a press anywhere else is someone else's message (forwarded, or
 * data forged onto another message) and is answered as an expired button.
 * - "group": the contest's group only (the /cancel confirmation is posted there).
 * - "private": the presser's own private chat only (the console lives there).
 * - "group-or-private": either (🗑 of /status and the judges list, the close holds).
 * - "anywhere": no chat is checked; the chair check alone decides (the tie questions, the judges
 *   view, approvals, the publish button).
 */
export type ChairButtonChat = "group" | "private" | "group-or-private" | "anywhere";

const pressedIn = (ctx: BotContext, contest: Contest, chat: ChairButtonChat): boolean => {
  const ownPrivate = ctx.chat?.type === "private" && ctx.chat.id === ctx.from?.id;
  switch (chat) {
    case "group":
      return ctx.chat?.id === contest.chatId;
    case "private":
      return ownPrivate;
    case "group-or-private":
      return ctx.chat?.id === contest.chatId || ownPrivate;
    case "anywhere":
      return true;
  }
};

/** A chair's press that passed the checks: its button data, its contest, the contest's language. */
export type ChairPress<K extends CallbackKind> = { args: CallbackArgs<K>; contest: Contest; t: Translate };

/**
 * The check every chair-only button starts with, made on every press (a modified client can send
 * any data on any message): the press carries button data of `kind`, its contest (the data's first
 * field) exists, it was pressed where `chat` allows, and the presser is one of the contest's chairs.
 * When a check fails the press is answered here and the result is undefined: "this button has
 * expired" for the data, the contest or the chat, an alert only the presser sees (in the contest's
 * language) for a member who is not a chair. What each button then checks of the contest's state
 * (ended, round no longer open) stays with the button.
 */
export const chairButtonPress = async <K extends CallbackKind>(
  deps: Pick<BotDeps, "store" | "translate" | "decodeCallback">,
  ctx: BotContext,
  kind: K,
  chat: ChairButtonChat,
): Promise<ChairPress<K> | undefined> => {
  const data = deps.decodeCallback(ctx.callbackQuery?.data);
  const contest = data?.kind === kind ? await deps.store.contests.get(data.args[0]) : undefined;
  if (!data || !contest || !pressedIn(ctx, contest, chat)) {
    await ctx.answerCallbackQuery(ctx.t("common-unknown-button"));
    return undefined;
  }
  const t = deps.translate(contest.language);
  if (ctx.from === undefined || !isChair(contest, ctx.from.id)) {
    await ctx.answerCallbackQuery({ text: t("common-chair-only"), show_alert: true });
    return undefined;
  }
  return { args: data.args as CallbackArgs<K>, contest, t };
};
