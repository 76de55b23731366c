// The group's "join as judge" message: one button, or one per panel.
import { InlineKeyboard } from "grammy";
import type { Contest } from "../../domain/contest.js";
import { encodeCallback } from "../callback-data.js";
import type { Translate } from "../i18n.js";
import type { View } from "./ballot.js";

export const joinView = (t: Translate, contest: Contest, count: number): View => {
  const { panels } = contest.setup;
  const buttons =
    panels.length <= 1
      ? [InlineKeyboard.text(t("join-button"), encodeCallback("j", contest.id, 0))]
      : panels.map((panel, i) => InlineKeyboard.text(t("join-button-panel", { panel: panel.name }), encodeCallback("j", contest.id, i)));
  const keyboard = InlineKeyboard.from(buttons.map((button) => [button]));
  return { text: t("join-message", { title: contest.setup.title, count }), keyboard };
};

/** Deep-link payload that completes enrolment in private: j_<contest>_<panel>. */
export const joinPayload = (contest: Contest, panel: number): string => `j_${contest.id}_${panel}`;

export const parseJoinPayload = (payload: string): { contestId: string; panel: number } | undefined => {
  const match = /^j_([a-z0-9]{6,12})_(\d{1,2})$/.exec(payload);
  return match ? { contestId: match[1]!, panel: Number(match[2]) } : undefined;
};
