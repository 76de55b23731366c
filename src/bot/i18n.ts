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

/**
 * The locale of an update's replies: a private chat follows the user's app language, a group the
 * default (group handlers switch to the contest's language once they have loaded the contest).
 */
export const negotiatedLocale = (ctx: Context, defaultLocale: Locale): Locale =>
  ctx.chat?.type === "private" ? localeOfLanguageCode(ctx.from?.language_code, defaultLocale) : defaultLocale;

export const createI18n = <C extends Context & I18nFlavor>(defaultLocale: Locale) =>
  new I18n<C>({
    defaultLocale,
    directory: LOCALES_DIR,
    // Isolation marks (U+2068/U+2069) around variables show up as junk in some Telegram clients.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => negotiatedLocale(ctx, defaultLocale),
  });

/** What this module uses of a Fluent bundle (@fluent/bundle's FluentBundle). */
type Bundle = {
  getMessage(id: string): { value: unknown } | undefined;
  formatPattern(pattern: unknown, args?: TranslateVars): string;
};

/** How many texts of one locale are kept formatted (a meeting repeats the same few on every tap). */
const TEXTS_KEPT = 4096;

/**
 * i18n.t(locale, ...) negotiates the locale against every bundle on each call, which cost a ballot
 * tap more than anything else it does. A translator matches the bundles once per locale, and keeps
 * the texts it formatted (same key, same variables, same text). Keys with an attribute, or that no
 * bundle has, go through i18n.t (its warning and "{key}" fallback).
 */
const createTranslator = (i18n: I18n<never> | I18n<any>, locale: Locale): Translate => {
  const fluent = i18n.fluent as unknown as { matchBundles?: (locales: string[]) => Iterable<Bundle> };
  const bundles = typeof fluent.matchBundles === "function" ? [...fluent.matchBundles.call(i18n.fluent, [locale])] : [];
  const texts = new Map<string, string>();
  const format = (key: string, vars: TranslateVars | undefined): string => {
    if (!key.includes(".")) {
      for (const bundle of bundles) {
        const message = bundle.getMessage(key);
        if (message) return bundle.formatPattern(message.value ?? "", vars);
      }
    }
    return i18n.t(locale, key, vars);
  };
  return (key, vars) => {
    const id = vars === undefined ? key : `${key}\u0000${JSON.stringify(vars)}`;
    const kept = texts.get(id);
    if (kept !== undefined) return kept;
    const text = format(key, vars);
    if (texts.size >= TEXTS_KEPT) texts.clear();
    texts.set(id, text);
    return text;
  };
};

export type Translators = (locale: Locale) => Translate;

/**
 * The update's translator without the i18n plugin's middleware: `ctx.t` where the plugin has run,
 * otherwise the negotiated locale's translator (ballot presses are handled before the plugin runs).
 */
export const translatorOf = (translators: Translators, defaultLocale: Locale) => (ctx: Context & I18nFlavor): Translate =>
  typeof (ctx as Partial<I18nFlavor>).t === "function" ? ctx.t : translators(negotiatedLocale(ctx, defaultLocale));

/** The translator of each locale, made once per locale (one per bot: BotDeps.translate). */
export const createTranslators = (i18n: I18n<never> | I18n<any>): Translators => {
  const byLocale = new Map<Locale, Translate>();
  return (locale) => {
    let t = byLocale.get(locale);
    if (!t) byLocale.set(locale, (t = createTranslator(i18n, locale)));
    return t;
  };
};

/** A translator of one locale, made now (views and tests outside a bot; a bot uses BotDeps.translate). */
export const translatorFor = (i18n: I18n<never> | I18n<any>, locale: Locale): Translate => createTranslator(i18n, locale);
