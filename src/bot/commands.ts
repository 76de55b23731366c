// The command menu Telegram shows, in both languages, per chat type.
import type { Api } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import { LOCALES } from "../domain/contest.js";

export const GROUP_COMMANDS = [
  "newcontest", "import", "template", "criteria", "presenters", "method", "panels", "prizes", "bands", "blend", "quorum", "outlier", "settings",
  "join", "open", "close", "status", "ranking", "screen", "detail", "export", "finish", "cancel", "lang", "help",
  "cochair", "removejudge", "lockjudges", "unlockjudges", "conflict", "observer", "remind", "reopen",
  "season",
] as const;
export const PRIVATE_COMMANDS = ["start", "receipt", "verify", "help"] as const;

const commandList = (i18n: I18n<never> | I18n<any>, locale: string, names: readonly string[]) =>
  names.map((command) => ({ command, description: i18n.t(locale, `cmd-${command}`) }));

export const setCommands = async (api: Api, i18n: I18n<any>): Promise<void> => {
  for (const locale of LOCALES) {
    const language_code = locale === "zh-CN" ? "zh" : "en";
    await api.setMyCommands(commandList(i18n, locale, GROUP_COMMANDS), { scope: { type: "all_group_chats" }, language_code });
    await api.setMyCommands(commandList(i18n, locale, PRIVATE_COMMANDS), { scope: { type: "all_private_chats" }, language_code });
  }
  await api.setMyCommands(commandList(i18n, "zh-CN", GROUP_COMMANDS), { scope: { type: "all_group_chats" } });
};
