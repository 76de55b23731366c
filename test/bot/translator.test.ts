// A translator matches a locale's bundles once and keeps the texts it formatted: what it answers
// must be exactly what i18n.t answers, for every key, both locales, fresh or kept.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createI18n, createTranslators, translatorFor } from "../../src/bot/i18n.js";
import { filesOf, keysOf } from "../support/locale-keys.js";

const LOCALES = ["zh-CN", "en"] as const;

/** Every variable any text of the locale names ({ $name }). */
const variablesOf = (locale: string): string[] => [
  ...new Set(filesOf(locale).flatMap((file) => [...readFileSync(file, "utf8").matchAll(/\$([a-zA-Z][\w-]*)/g)].map((m) => m[1]!))),
];

describe("translatorFor", () => {
  const i18n = createI18n("zh-CN");

  it("answers every key as i18n.t does, with numbers and with text, the first time and again", () => {
    for (const locale of LOCALES) {
      const t = translatorFor(i18n, locale);
      const names = variablesOf(locale);
      expect(names.length).toBeGreaterThan(20);
      const samples = [
        Object.fromEntries(names.map((name) => [name, 1])),
        Object.fromEntries(names.map((name) => [name, 1234.5])),
        Object.fromEntries(names.map((name) => [name, "区教育局"])),
      ];
      for (const key of keysOf(locale)) {
        for (const vars of samples) {
          const expected = i18n.t(locale, key, vars);
          expect(t(key, vars)).toBe(expected);
          expect(t(key, vars)).toBe(expected);
        }
      }
    }
  });

  it("keeps texts apart by variables and their types, and by locale", () => {
    // A bot's translators: one per locale, made once.
    const translate = createTranslators(i18n);
    const zh = translate("zh-CN");
    const en = translate("en");
    expect(translate("zh-CN")).toBe(zh);
    expect(createTranslators(i18n)("zh-CN")).not.toBe(zh);
    expect(zh("round-counter", { submitted: 2, judges: 7 })).toBe(i18n.t("zh-CN", "round-counter", { submitted: 2, judges: 7 }));
    expect(zh("round-counter", { submitted: 3, judges: 7 })).toBe(i18n.t("zh-CN", "round-counter", { submitted: 3, judges: 7 }));
    expect(en("round-counter", { submitted: 2, judges: 7 })).toBe("📥 Ballots: 2/7");
    expect(zh("round-counter", { submitted: 2, judges: 7 })).not.toBe(en("round-counter", { submitted: 2, judges: 7 }));
  });

  it("answers a key no locale has as i18n.t does", () => {
    expect(translatorFor(i18n, "en")("no-such-key")).toBe("{no-such-key}");
  });
});
