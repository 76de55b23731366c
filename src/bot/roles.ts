// Who may do what, decided on the server for every call.
import type { Api } from "grammy";

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

