// The command menus Telegram shows, by role, in both languages: members of a group see what they
// may use (ranking, detail, help); its administrators (who may chair) see the chair's commands
// too; private chats show the judge's commands (and /console, which brings a chair's console back).
import type { Api } from "grammy";
import type { BotCommandScope } from "grammy/types";
import type { I18n } from "@grammyjs/i18n";
import { LOCALES, type Locale } from "../domain/contest.js";

/** Every command the bot handles in a group. */
export const GROUP_COMMANDS = [
  "newcontest", "import", "template", "criteria", "presenters", "method", "panels", "prizes", "tiebreak", "bands", "blend", "quorum", "outlier", "settings",
  "join", "open", "close", "status", "ranking", "screen", "detail", "export", "finish", "cancel", "lang", "help",
  "cochair", "removejudge", "lockjudges", "unlockjudges", "conflict", "observer", "remind", "reopen", "judges", "joinmode",
  "season", "console", "reveal",
  "draw",
  "timer",
] as const;
/** What every member of a group may use. */
export const MEMBER_COMMANDS = ["ranking", "detail", "help"] as const;
/** The chair's menu (shown to group administrators): the meeting's steps first, then the set-up. */
export const CHAIR_COMMANDS = [
  "console",
  ...GROUP_COMMANDS.filter((c) => c !== "console" && !(MEMBER_COMMANDS as readonly string[]).includes(c)),
  ...MEMBER_COMMANDS,
];
export const PRIVATE_COMMANDS = ["start", "receipt", "verify", "console", "help"] as const;

/** Which menu each scope gets. */
export const COMMAND_MENUS: ReadonlyArray<{ scope: BotCommandScope; commands: readonly string[] }> = [
  { scope: { type: "all_group_chats" }, commands: MEMBER_COMMANDS },
  { scope: { type: "all_chat_administrators" }, commands: CHAIR_COMMANDS },
  { scope: { type: "all_private_chats" }, commands: PRIVATE_COMMANDS },
];

const commandList = (i18n: I18n<never> | I18n<any>, locale: string, names: readonly string[]) =>
  names.map((command) => ({ command, description: i18n.t(locale, `cmd-${command}`) }));

const languageCode = (locale: Locale): "zh" | "en" => (locale === "zh-CN" ? "zh" : "en");

/**
 * Sets every menu for each language, and once more without a language for users whose app
 * speaks neither (in `fallback`, the bot's default locale).
 */
export const setCommands = async (api: Api, i18n: I18n<any>, fallback: Locale = "zh-CN"): Promise<void> => {
  for (const { scope, commands } of COMMAND_MENUS) {
    for (const locale of LOCALES) await api.setMyCommands(commandList(i18n, locale, commands), { scope, language_code: languageCode(locale) });
    await api.setMyCommands(commandList(i18n, fallback, commands), { scope });
  }
};
