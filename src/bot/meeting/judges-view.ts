// The chair's judges view in private (📋 on the console): the roster's view of features/judges.ts
// (every judge and roster entry with panel and state, and buttons to resend or revoke an
// invitation, move, rename, mark as observer or remove), delivered like every console message.
import type { Api } from "grammy";
import type { Contest } from "../../domain/contest.js";
import type { Translate } from "../i18n.js";
import type { View } from "../views/ballot.js";
import type { ChairMessenger } from "./chair-messages.js";

export type ShowJudges = (api: Api, contest: Contest, t: Translate, chairId: number) => Promise<void>;

export const judgesViewForChair =
  (render: (contest: Contest) => Promise<View>, chairs: ChairMessenger): ShowJudges =>
  async (api, contest, t, chairId) => {
    const view = await render(contest);
    await chairs.toChair(api, contest, t, chairId, view.text, view.keyboard ? { reply_markup: view.keyboard } : {});
  };
