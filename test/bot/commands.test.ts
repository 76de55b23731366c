// The command menus by role: members of a group see /ranking, /detail, /help; its administrators
// see the chair's commands; private chats show the judge's commands and /console. Both languages,
// and a fallback for apps in other languages.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BotCommandScope } from "grammy/types";
import { CHAIR_COMMANDS, GROUP_COMMANDS, setCommands } from "../../src/bot/commands.js";
import { createI18n } from "../../src/bot/i18n.js";
import { createHarness, type Harness } from "./harness.js";

describe("command menus", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    await setCommands(h.bot.api, createI18n("zh-CN"), "zh-CN");
  });
  afterEach(() => h.close());

  const menu = async (scope: BotCommandScope, language_code?: "zh" | "en") =>
    (await h.bot.api.getMyCommands({ scope, ...(language_code ? { language_code } : {}) })).map((c) => `/${c.command} ${c.description}`);

  it("shows group members only what they may use", async () => {
    expect(await menu({ type: "all_group_chats" }, "zh")).toEqual(["/ranking 查看当前排名", "/detail 查看得分明细", "/help 命令说明"]);
    expect(await menu({ type: "all_group_chats" }, "en")).toEqual([
      "/ranking Show the current ranking",
      "/detail How a presenter scored",
      "/help Commands",
    ]);
    expect(await menu({ type: "all_group_chats" })).toEqual(await menu({ type: "all_group_chats" }, "zh"));
  });

  it("shows group administrators the chair's commands, the console first", async () => {
    const zh = await menu({ type: "all_chat_administrators" }, "zh");
    expect(zh[0]).toBe("/console 主持人控制台（私聊发送）");
    expect(zh).toContain("/open 开始下一位的评分");
    expect(zh).toContain("/close 结束本轮并公布排名");
    expect(zh).toContain("/ranking 查看当前排名");
    expect(zh.map((line) => line.split(" ")[0]!.slice(1)).sort()).toEqual([...GROUP_COMMANDS].sort());
    expect(CHAIR_COMMANDS).toHaveLength(GROUP_COMMANDS.length);
    expect((await menu({ type: "all_chat_administrators" }, "en"))[0]).toBe("/console The chair's console (sent in private)");
  });

  it("shows the judge's commands in private, with /console for chairs", async () => {
    expect((await menu({ type: "all_private_chats" }, "zh")).map((line) => line.split(" ")[0])).toEqual([
      "/start",
      "/receipt",
      "/verify",
      "/console",
      "/help",
    ]);
    expect(await menu({ type: "all_private_chats" })).toEqual(await menu({ type: "all_private_chats" }, "zh"));
  });
});
