// The chair's /status: who has and has not submitted for the open round.
import { InlineKeyboard } from "grammy";
import type { Ballot, Contest, Judge } from "../../domain/contest.js";
import { ballotTotal } from "../../domain/scoring.js";
import { formatHalfUp } from "../../domain/rational.js";
import { encodeCallback } from "../callback-data.js";
import type { Translate } from "../i18n.js";
import { presenterName } from "./round.js";
import { chunk } from "./keypad.js";

export type StatusInput = {
  contest: Contest;
  judges: Judge[];
  current: number | undefined;
  ballots: Ballot[];
  closedCount: number;
  /** Judges conflicted with the open round's presenter: neither counted nor waited for. */
  conflicted?: ReadonlySet<number>;
};

const names = (t: Translate, judges: Judge[]): string =>
  judges.length ? judges.map((j) => j.name).join("、") : t("status-nobody");

export const statusText = (t: Translate, input: StatusInput): string => {
  const { contest, judges, current, ballots, closedCount } = input;
  const lines = [t("status-title", { title: contest.setup.title })];
  if (current === undefined) {
    lines.push(t("status-no-round", { closed: closedCount, total: contest.setup.presenters.length }));
    lines.push(t("status-judges", { count: judges.length, names: names(t, judges) }));
    return lines.join("\n");
  }
  // Observers and conflicted judges are neither counted nor waited for; they get lines of their own.
  const conflicted = input.conflicted ?? new Set<number>();
  const counted = judges.filter((j) => !j.observer && !conflicted.has(j.userId));
  const byJudge = new Map(ballots.map((b) => [b.judgeId, b]));
  const done = counted.filter((j) => byJudge.has(j.userId));
  const doneNames = done.map((j) => (byJudge.get(j.userId)?.abstain ? t("abstain-status-mark", { name: j.name }) : j.name));
  lines.push(
    t("status-round", { n: current + 1, name: presenterName(contest, current), submitted: done.length, judges: counted.length }),
    t("status-submitted", { names: doneNames.length ? doneNames.join("、") : t("status-nobody") }),
    t("status-waiting", { names: names(t, counted.filter((j) => !byJudge.has(j.userId))) }),
  );
  const conflictedJudges = judges.filter((j) => conflicted.has(j.userId));
  if (conflictedJudges.length > 0) lines.push(t("conflict-status", { names: names(t, conflictedJudges) }));
  const observers = judges.filter((j) => j.observer && !conflicted.has(j.userId));
  if (observers.length > 0) {
    const entries = observers.map((j) => {
      const ballot = byJudge.get(j.userId);
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
