// Every text a user sees exists in zh-CN and en, and every key the code uses is defined.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LINE_ERROR_CODES } from "../../src/domain/setup-lines.js";
import { createI18n } from "../../src/bot/i18n.js";
import { GROUP_COMMANDS, PRIVATE_COMMANDS } from "../../src/bot/commands.js";
import { keysOf } from "../support/locale-keys.js";

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });

describe("translations", () => {
  const zh = keysOf("zh-CN");
  const en = keysOf("en");

  it("has the same keys in zh-CN and en", () => {
    expect([...zh].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !zh.has(k))).toEqual([]);
  });

  it("defines every key the source code names", () => {
    const used = new Set<string>();
    for (const file of sourceFiles("src")) {
      for (const match of readFileSync(file, "utf8").matchAll(/\bt\(\s*"([a-z][a-z0-9-]+)"/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(30);
    expect([...used].filter((k) => !zh.has(k))).toEqual([]);
  });

  it("describes every command of the menu in both languages", () => {
    const keys = [...GROUP_COMMANDS, ...PRIVATE_COMMANDS].map((c) => `cmd-${c}`);
    expect(keys.filter((k) => !zh.has(k) || !en.has(k))).toEqual([]);
  });

  it("translates every line error code", () => {
    const missing = LINE_ERROR_CODES.map((code) => `line-${code.replaceAll("_", "-")}`).filter((k) => !zh.has(k) || !en.has(k));
    expect(missing).toEqual([]);
  });

  it("renders every message (a Fluent syntax error drops the message and shows its key)", () => {
    const i18n = createI18n("zh-CN");
    for (const [locale, keys] of [["zh-CN", zh], ["en", en]] as const) {
      const rendersItsKey = (key: string): boolean => {
        try {
          return i18n.t(locale, key) === `{${key}}`;
        } catch {
          return false; // a message that needs variables exists
        }
      };
      const broken = [...keys].filter(rendersItsKey);
      expect(broken, locale).toEqual([]);
    }
  });

  it("parses both files without Fluent errors and renders without isolation marks", () => {
    const i18n = createI18n("zh-CN");
    const text = i18n.t("zh-CN", "round-counter", { submitted: 2, judges: 7 });
    expect(text).toBe("📥 已提交：2/7");
    expect(i18n.t("en", "round-counter", { submitted: 2, judges: 7 })).toBe("📥 Ballots: 2/7");
  });
});
