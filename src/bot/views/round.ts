// Group messages of a round: the announcement with its live counter, and its closed state.
import { InlineKeyboard } from "grammy";
import type { Contest } from "../../domain/contest.js";
import { contestOrder, placeVars } from "../../domain/draw.js";
import type { Visibility } from "../../domain/release.js";
import type { Translate } from "../i18n.js";
import type { View } from "./ballot.js";

export type CounterInput = {
  contest: Contest;
  presenter: number;
  submitted: number;
  judges: number;
  open: boolean;
  botUsername: string;
};

export const presenterName = (contest: Contest, presenter: number): string =>
  contest.setup.presenters[presenter]?.name ?? `#${presenter + 1}`;

/**
 * The variables of a "第 n/N 位：name" heading: the place in the presenting order the contest
 * carries (its draw's), with the unit's setup number beside it when the draw moved the unit.
 */
export const placeHeading = (contest: Contest, presenter: number) => ({
  ...placeVars(contestOrder(contest), presenter),
  name: presenterName(contest, presenter),
});

/** The round announcement; its counter line is edited as ballots arrive. */
export const roundCounterView = (t: Translate, input: CounterInput): View => {
  const { contest, presenter, submitted, judges, open } = input;
  const text = [
    t("round-opened", placeHeading(contest, presenter)),
    "",
    open ? t("round-counter", { submitted, judges }) : t("round-counter-closed", { submitted, judges }),
  ].join("\n");
  if (!open) return { text };
  return { text, keyboard: new InlineKeyboard().url(t("round-go-score"), `https://t.me/${input.botUsername}`) };
};

export type ClosedInput = {
  contest: Contest;
  presenter: number;
  submitted: number;
  judges: number;
  /** The unit's final score ("83.33"), or null without counted ballots. */
  score: string | null;
  counted: number;
  /** What the group may see (release policy). */
  seen: Visibility;
};

/**
 * The announcement once its round has closed: the count, and the unit's score when the release
 * policy shows it (otherwise when results will come). No invitation to score, no buttons.
 */
export const closedAnnouncementView = (t: Translate, input: ClosedInput): View => {
  const { contest, presenter, submitted, judges, score, counted, seen } = input;
  const result = contest.status === "cancelled"
    ? t("closing-cancelled")
    : seen.unitScore
    ? score === null
      ? t("closing-no-score")
      : t("closing-score", { score, ballots: counted })
    : t(seen.heldUntil === "chair" ? "closing-held-chair" : "closing-held-finish");
  const heading = t("closing-heading", placeHeading(contest, presenter));
  return { text: [heading, "", t("round-counter-closed", { submitted, judges }), result].join("\n") };
};
