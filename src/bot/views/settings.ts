// /settings: the contest as the bot understood it.
import type { Contest, Judge } from "../../domain/contest.js";
import type { Translate } from "../i18n.js";
import { formulaText } from "./formula.js";
import { rubricLines } from "./rubric.js";
import { tieSettingsLines } from "./ties.js";

const criterionLine = (c: Contest["setup"]["criteria"][number], i: number): string =>
  `${i + 1}. ${c.name} 0–${c.max}${c.step === 1 ? "" : ` (${c.step})`}${c.weight === undefined ? "" : ` ×${c.weight}`}`;

const presenterLine = (p: Contest["setup"]["presenters"][number], i: number): string =>
  `${i + 1}. ${p.name}${p.group ? ` [${p.group}]` : ""}${p.prior === undefined ? "" : ` · ${p.prior}`}`;

export const settingsText = (t: Translate, contest: Contest, judges: Judge[]): string => {
  const { setup } = contest;
  const none = t("settings-none");
  const lines = [
    t("settings-title", { title: setup.title, status: t(`settings-status-${contest.status}`) }),
    "",
    t("settings-criteria", { count: setup.criteria.length }),
    ...(setup.criteria.length ? setup.criteria.flatMap((c, i) => [criterionLine(c, i), ...rubricLines(c)]) : [none]),
    "",
    t("settings-presenters", { count: setup.presenters.length }),
    ...(setup.presenters.length ? setup.presenters.map(presenterLine) : [none]),
    "",
    formulaText(t, setup),
  ];
  if (setup.panels.length) {
    const counts = setup.panels.map((_, i) => judges.filter((j) => j.panel === i).length);
    lines.push(t("settings-panels", { panels: setup.panels.map((p, i) => `${p.name} ${p.weight}（${counts[i]}）`).join("、") }));
  }
  if (setup.prizes.length) lines.push(t("settings-prizes", { prizes: setup.prizes.map((p) => `${p.name}×${p.count}`).join("、") }));
  lines.push(...tieSettingsLines(t, setup));
  if (setup.bands.length) lines.push(t("settings-bands", { bands: setup.bands.map((b) => `${b.name}≥${b.min}`).join("、") }));
  if (setup.quorum !== undefined) lines.push(t("settings-quorum", { quorum: setup.quorum }));
  lines.push(t("settings-judges", { count: judges.length, language: contest.language }));
  lines.push(t("roster-settings-join", { mode: t(`roster-mode-${setup.join}`) }));
  return lines.join("\n");
};
