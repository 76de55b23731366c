// Group messages of a round: the announcement with its live counter.
import { InlineKeyboard } from "grammy";
import type { Contest } from "../../domain/contest.js";
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

/** The round announcement; its counter line is edited as ballots arrive. */
export const roundCounterView = (t: Translate, input: CounterInput): View => {
  const { contest, presenter, submitted, judges, open } = input;
  const text = [
    t("round-opened", { n: presenter + 1, total: contest.setup.presenters.length, name: presenterName(contest, presenter) }),
    "",
    open ? t("round-counter", { submitted, judges }) : t("round-counter-closed", { submitted, judges }),
  ].join("\n");
  if (!open) return { text };
  return { text, keyboard: new InlineKeyboard().url(t("round-go-score"), `https://t.me/${input.botUsername}`) };
};
