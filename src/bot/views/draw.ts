// The group's one message of a draw (抽签): the seed, the rule, how to check it, and the order.
import type { Contest } from "../../domain/contest.js";
import type { DrawRecord } from "../../domain/draw.js";
import type { Translate } from "../i18n.js";

/** Telegram's limit is 4096 characters; a longer list is given by unit numbers only. */
const MAX_TEXT = 4000;

export const drawMessage = (t: Translate, contest: Contest, record: DrawRecord): string => {
  const { presenters } = contest.setup;
  const drawn = new Set(record.drawn);
  const grouped = presenters.some((p) => p.group);
  const head = [
    t("draw-title", { title: contest.setup.title }),
    t("draw-seed", { seed: record.seed }),
    t("draw-method", { scope: record.scope }),
    t("draw-verify", { seed: record.seed }),
    "",
    t("draw-order"),
  ];
  const lines: string[] = [];
  let group: string | undefined;
  record.order.forEach((p, place) => {
    const presenter = presenters[p]!;
    if (grouped && (presenter.group ?? "") !== group) {
      group = presenter.group ?? "";
      if (group) lines.push(t("draw-group", { group }));
    }
    const vars = { pos: place + 1, name: presenter.name, n: p + 1 };
    lines.push(t(drawn.has(p) ? "draw-line" : "draw-line-kept", vars));
  });
  const text = [...head, ...lines, "", t("draw-next")].join("\n");
  if (text.length <= MAX_TEXT) return text;
  const compact = record.order.map((p, place) => t("draw-line-compact", { pos: place + 1, n: p + 1 })).join("  ");
  return [...head, compact, "", t("draw-next")].join("\n");
};
