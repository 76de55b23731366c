// The chair's judges list in private (📋 on the console): every judge with their panel, and a 🗑
// per judge to remove them (after a confirmation, see features/roster.ts). One function, so a
// richer judges view can take its place without touching the console.
import type { Api } from "grammy";
import type { Contest } from "../../domain/contest.js";
import type { BotDeps } from "../deps.js";
import type { Translate } from "../i18n.js";
import { statusKeyboard } from "../views/status.js";
import type { ChairMessenger } from "./chair-messages.js";

export type ShowJudges = (api: Api, contest: Contest, t: Translate, chairId: number) => Promise<void>;

export const judgesListView =
  (deps: BotDeps, chairs: ChairMessenger): ShowJudges =>
  async (api, contest, t, chairId) => {
    const judges = await deps.store.contests.judges(contest.id);
    const lines = judges.map((j, i) => {
      const panel = contest.setup.panels[j.panel]?.name;
      const marks = [panel, j.observer ? t("console-judge-observer") : undefined].filter(Boolean).join("，");
      return `${i + 1}. ${j.name}${marks ? `（${marks}）` : ""}`;
    });
    const text = [t("console-judges-title", { title: contest.setup.title, count: judges.length }), ...(lines.length ? lines : [t("status-nobody")])].join("\n");
    const keyboard = statusKeyboard(t, contest, judges);
    await chairs.toChair(api, contest, t, chairId, text, keyboard ? { reply_markup: keyboard } : {});
  };
