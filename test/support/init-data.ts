// Telegram's initData for tests, signed by the documented algorithm
// (https://core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app) with plain
// node:crypto, independently of the library the server checks it with:
//   secret = HMAC-SHA256(key "WebAppData", bot token)
//   hash   = hex HMAC-SHA256(key secret, "k=v" lines of every other field, sorted)
import { createHmac } from "node:crypto";
import type { TestUser } from "./bot-api-server.js";

export type InitDataFields = Record<string, string>;

export const signFields = (fields: InitDataFields, botToken: string): string => {
  const check = Object.entries(fields)
    .map(([key, value]) => `${key}=${value}`)
    .sort()
    .join("\n");
  const secret = createHmac("sha256", "WebAppData").update(botToken).digest();
  return createHmac("sha256", secret).update(check).digest("hex");
};

/** The fields Telegram puts in a Mini App's initData for `user`, signed `authDate` (unix seconds). */
export const initDataFields = (user: TestUser, authDate: number): InitDataFields => ({
  query_id: `AAH${user.id}test`,
  user: JSON.stringify({ id: user.id, first_name: user.first_name, language_code: user.language_code ?? "zh-hans", allows_write_to_pm: true }),
  auth_date: String(authDate),
});

/** initData as the page receives it (a query string), signed with `botToken`. */
export const signedInitData = (
  user: TestUser,
  botToken: string,
  options: { authDate?: number; tamper?: (fields: InitDataFields) => InitDataFields } = {},
): string => {
  const fields = initDataFields(user, options.authDate ?? Math.floor(Date.now() / 1000));
  const hash = signFields(fields, botToken);
  const sent = options.tamper ? options.tamper(fields) : fields;
  return new URLSearchParams({ ...sent, hash }).toString();
};
