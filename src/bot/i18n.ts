// Translations: Fluent files in locales/, zh-CN first. Views receive a Translate function,
// so the same text can be rendered for a chat other than the one that sent the update.
import { I18n, type I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Locale } from "../domain/contest.js";

export type TranslateVars = Record<string, string | number>;
export type Translate = (key: string, vars?: TranslateVars) => string;

export const LOCALES_DIR = new URL("../../locales", import.meta.url).pathname;

export const localeOfLanguageCode = (code: string | undefined, fallback: Locale): Locale => {
  if (!code) return fallback;
  if (code.toLowerCase().startsWith("zh")) return "zh-CN";
  if (code.toLowerCase().startsWith("en")) return "en";
  return fallback;
};

export const createI18n = <C extends Context & I18nFlavor>(defaultLocale: Locale) =>
  new I18n<C>({
    defaultLocale,
    directory: LOCALES_DIR,
    // Isolation marks (U+2068/U+2069) around variables show up as junk in some Telegram clients.
    fluentBundleOptions: { useIsolating: false },
    // Private chats follow the user's app language; group handlers switch to the contest's
    // language once they have loaded the contest (ctx.i18n.useLocale).
    localeNegotiator: (ctx) =>
      ctx.chat?.type === "private" ? localeOfLanguageCode(ctx.from?.language_code, defaultLocale) : defaultLocale,
  });

export const translatorFor =
  (i18n: I18n<never> | I18n<any>, locale: Locale): Translate =>
  (key, vars) =>
    i18n.t(locale, key, vars);
