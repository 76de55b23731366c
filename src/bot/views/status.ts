// The chair's /status: who has and has not submitted for the open round.
import type { Ballot, Contest, Judge } from "../../domain/contest.js";
import type { Translate } from "../i18n.js";
import { presenterName } from "./round.js";

export type StatusInput = {
  contest: Contest;
  judges: Judge[];
  current: number | undefined;
  ballots: Ballot[];
  closedCount: number;
};

const names = (t: Translate, judges: Judge[]): string =>
  judges.length ? judges.map((j) => j.name).join("、") : t("status-nobody");

export const statusText = (t: Translate, { contest, judges, current, ballots, closedCount }: StatusInput): string => {
  const lines = [t("status-title", { title: contest.setup.title })];
  if (current === undefined) {
    lines.push(t("status-no-round", { closed: closedCount, total: contest.setup.presenters.length }));
    lines.push(t("status-judges", { count: judges.length, names: names(t, judges) }));
    return lines.join("\n");
  }
  const submitted = new Set(ballots.map((b) => b.judgeId));
  lines.push(
    t("status-round", { n: current + 1, name: presenterName(contest, current), submitted: submitted.size, judges: judges.length }),
    t("status-submitted", { names: names(t, judges.filter((j) => submitted.has(j.userId))) }),
    t("status-waiting", { names: names(t, judges.filter((j) => !submitted.has(j.userId))) }),
  );
  return lines.join("\n");
};
