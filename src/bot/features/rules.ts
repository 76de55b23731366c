// Scoring rules for small meetings typed in the chat: /method, /panels, /prizes, /bands, /blend,
// and the checks before a close: /quorum, /outlier.
// (A whole contest, rules included, can also come from a file: see contest-file.ts.)
import { Composer } from "grammy";
import {
  parseBandLines,
  parseBlendLine,
  parseMethodLine,
  parsePanelLines,
  parseOutlierLine,
  parsePrizeLines,
  parseQuorumLine,
} from "../../domain/setup-lines.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { setupCommand } from "../setup-command.js";
import { methodText } from "../views/formula.js";
import { withPrizeScope } from "./ties.js";

export const rulesFeature = (deps: BotDeps) => {
  const composer = new Composer<BotContext>();

  composer.command(
    "method",
    setupCommand(deps, {
      usage: "rules-method-usage",
      sameLine: true,
      parse: parseMethodLine,
      apply: (setup, aggregate) => ({ ...setup, aggregate }),
      saved: (t, aggregate) => t("rules-method-saved", { method: methodText(t, aggregate) }),
    }),
  );

  composer.command(
    "panels",
    setupCommand(deps, {
      usage: "rules-panels-usage",
      parse: parsePanelLines,
      apply: (setup, panels) => ({ ...setup, panels }),
      saved: (t, panels) => t("rules-panels-saved", { count: panels.length, list: panels.map((p) => `${p.name} ${p.weight}`).join("\n") }),
    }),
  );

  composer.command(
    "prizes",
    // `/prizes overall|group` sets the prize scope too (features/ties.ts).
    withPrizeScope(
      deps,
      setupCommand(deps, {
        usage: "rules-prizes-usage",
        whileRunning: true,
        parse: parsePrizeLines,
        apply: (setup, prizes) => ({ ...setup, prizes }),
        saved: (t, prizes) => t("rules-prizes-saved", { list: prizes.map((p) => `${p.name} × ${p.count}`).join("\n") }),
      }),
    ),
  );

  composer.command(
    "bands",
    setupCommand(deps, {
      usage: "rules-bands-usage",
      whileRunning: true,
      parse: parseBandLines,
      apply: (setup, bands) => ({ ...setup, bands }),
      saved: (t, bands) => t("rules-bands-saved", { list: bands.map((b) => `${b.name} ≥ ${b.min}`).join("\n") }),
    }),
  );

  composer.command(
    "blend",
    setupCommand(deps, {
      usage: "rules-blend-usage",
      sameLine: true,
      parse: parseBlendLine,
      apply: ({ blend: _old, ...setup }, blend) => (blend ? { ...setup, blend } : setup),
      saved: (t, blend) => (blend ? t("rules-blend-saved", { live: blend.live, prior: blend.prior }) : t("rules-blend-off")),
    }),
  );

  composer.command(
    "quorum",
    setupCommand(deps, {
      usage: "rules-quorum-usage",
      sameLine: true,
      whileRunning: true,
      parse: parseQuorumLine,
      apply: ({ quorum: _old, ...setup }, quorum) => (quorum > 0 ? { ...setup, quorum } : setup),
      saved: (t, quorum) => (quorum > 0 ? t("rules-quorum-saved", { quorum }) : t("rules-quorum-off")),
    }),
  );

  composer.command(
    "outlier",
    setupCommand(deps, {
      usage: "rules-outlier-usage",
      sameLine: true,
      whileRunning: true,
      parse: parseOutlierLine,
      apply: (setup, outlier) => ({ ...setup, outlier }),
      saved: (t, outlier) => t("rules-outlier-saved", { outlier: String(outlier) }),
    }),
  );

  return composer;
};
