// The chair's /status (sent in private): who has and has not submitted for the open round.
import { InlineKeyboard } from "grammy";
import type { Contest, Judge } from "../../domain/contest.js";
import type { MeetingState } from "../../domain/meeting-state.js";
import { ballotTotal } from "../../domain/scoring.js";
import { formatHalfUp } from "../../domain/rational.js";
import { encodeCallback } from "../callback-data.js";
import type { Translate } from "../i18n.js";
import { presenterName } from "./round.js";
import { chunk } from "./keypad.js";

const names = (t: Translate, judges: Judge[]): string =>
  judges.length ? judges.map((j) => j.name).join("、") : t("status-nobody");

export const statusText = (t: Translate, state: MeetingState): string => {
  const { contest, judges, round } = state;
  const lines = [t("status-title", { title: contest.setup.title })];
  if (!round) {
    lines.push(t("status-no-round", { closed: state.closed.length, total: state.total }));
    lines.push(t("status-judges", { count: judges.length, names: names(t, judges) }));
    return lines.join("\n");
  }
  // Observers and conflicted judges are neither counted nor waited for; they get lines of their own.
  const { presenter, submitted, missing, ballots } = round;
  const doneNames = submitted.map((j) => (ballots.get(j.userId)?.abstain ? t("abstain-status-mark", { name: j.name }) : j.name));
  lines.push(
    t("status-round", { n: presenter + 1, name: presenterName(contest, presenter), submitted: submitted.length, judges: round.expected.length }),
    t("status-submitted", { names: doneNames.length ? doneNames.join("、") : t("status-nobody") }),
    t("status-waiting", { names: names(t, missing) }),
  );
  if (round.conflicted.length > 0) lines.push(t("conflict-status", { names: names(t, round.conflicted) }));
  if (round.observers.length > 0) {
    const entries = round.observers.map((j) => {
      const ballot = ballots.get(j.userId);
      const score = !ballot
        ? t("judge-observer-waiting")
        : ballot.abstain || ballot.scores.length !== contest.setup.criteria.length
          ? t("judge-observer-abstained")
          : formatHalfUp(ballotTotal(contest.setup.criteria, ballot.scores));
      return t("judge-observer-entry", { name: j.name, score });
    });
    lines.push(t("judge-observer-status", { entries: entries.join("、") }));
  }
  return lines.join("\n");
};

/** 🗑 per judge: the chair removes a judge from /status (after a confirmation). */
export const statusKeyboard = (t: Translate, contest: Contest, judges: Judge[]): InlineKeyboard | undefined =>
  judges.length === 0
    ? undefined
    : InlineKeyboard.from(
        chunk(
          judges.map((j) => InlineKeyboard.text(t("judge-remove-button", { name: j.name }), encodeCallback("r", contest.id, j.userId, "a"))),
          2,
        ),
      );
