// Every kind of audit entry has a name in both languages: the signed Excel record's audit sheet
// and the audit CSV show it (features/export.ts), never a raw "audit-event-…" key.
import { describe, expect, it } from "vitest";
import { AUDIT_TYPES } from "../../src/store/audit.js";
import { createI18n, createTranslators } from "../../src/bot/i18n.js";
import { keysOf } from "../support/locale-keys.js";

describe("audit event names", () => {
  const translate = createTranslators(createI18n("zh-CN"));

  for (const locale of ["zh-CN", "en"] as const) {
    it(`names every audit entry type in ${locale}`, () => {
      const keys = new Set(keysOf(locale));
      const missing = AUDIT_TYPES.filter((type) => !keys.has(`audit-event-${type}`));
      expect(missing).toEqual([]);
      for (const type of AUDIT_TYPES) expect(translate(locale)(`audit-event-${type}`)).not.toContain("audit-event");
    });
  }
});
