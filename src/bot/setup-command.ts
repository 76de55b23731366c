// One shape for every chair command that sets a part of the setup from the lines after it:
// parse all lines, refuse with every bad line named, or store the whole change and echo it.
import type { Contest, ContestSetup } from "../domain/contest.js";
import type { LineError, LinesResult } from "../domain/setup-lines.js";
import type { BotContext } from "./context.js";
import type { BotDeps } from "./deps.js";
import { commandBody, contestCommand } from "./group-contest.js";
import type { Translate } from "./i18n.js";

export const lineErrorsText = (t: Translate, errors: LineError[]): string =>
  t("setup-lines-invalid", {
    errors: errors
      .map((e) =>
        t("setup-line-error", {
          line: e.line,
          text: e.text,
          reason: t(`line-${e.code.replaceAll("_", "-")}`, { limit: "", first: "", value: "", ...e.detail }),
        }),
      )
      .join("\n"),
  });

export type SetupCommand<T> = {
  /** Locale key of the usage text shown when the command has no lines. */
  usage: string;
  parse: (body: string) => LinesResult<T>;
  apply: (setup: ContestSetup, value: T) => ContestSetup;
  saved: (t: Translate, value: T) => string;
  /** Prizes and bands only change how results are shown, so they may change during the meeting. */
  whileRunning?: boolean;
  /** Take the text on the command's own line too (single-line commands like /method trimmed 1). */
  sameLine?: boolean;
};

export const setupCommand = <T>(deps: BotDeps, command: SetupCommand<T>) =>
  contestCommand(
    deps,
    async (ctx: BotContext, contest: Contest, t: Translate) => {
      const editable = contest.status === "draft" || (command.whileRunning && contest.status === "running");
      if (!editable) return ctx.reply(t("setup-locked"));
      const { args, lines } = commandBody(ctx);
      const body = [...(command.sameLine ? [args] : []), ...lines].join("\n");
      if (!body.trim()) return ctx.reply(t(command.usage));
      const parsed = command.parse(body);
      if (!parsed.ok) return ctx.reply(lineErrorsText(t, parsed.errors));
      await deps.store.contests.save(
        { ...contest, setup: command.apply(contest.setup, parsed.value) },
        { by: ctx.from?.id ?? 0, at: deps.now() },
      );
      return ctx.reply(command.saved(t, parsed.value));
    },
    { chairOnly: true },
  );
