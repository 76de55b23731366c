// Group messages kept up to date: the join message (judge count) and a round's live counter.
import type { Api } from "grammy";
import type { Contest } from "../domain/contest.js";
import { messageRole } from "../store/messages.js";
import type { BotDeps } from "./deps.js";
import { translatorFor } from "./i18n.js";
import type { ThrottledEditor } from "./throttle.js";
import { editIgnoringSame } from "./telegram-errors.js";
import { joinView } from "./views/join.js";
import { roundCounterView } from "./views/round.js";
import type { View } from "./views/ballot.js";

/** What a stored submit already told about its round (see submit-ballot.lua). */
export type SubmitSeen = {
  /** Whether the submit took the live counter's edit pause; unknown when not told. */
  counterClaimed?: boolean;
  /** The counter's numbers right after the submit. */
  submitted: number;
  judges: number;
  /** Whether the submit completed the current round and claimed its all-in notice; unknown when not told. */
  allInClaimed?: boolean;
  /** How many chairs have a console; unknown when not told. */
  consoles?: number;
};

export const createLiveMessages = (deps: BotDeps, editor: ThrottledEditor, botUsername: () => string) => {
  const { store } = deps;
  const intervalMs = deps.config.COUNTER_EDIT_INTERVAL_S * 1000;

  const edit = async (api: Api, contest: Contest, role: string, render: () => Promise<View>) => {
    const messageId = await store.messages.get(contest.id, role);
    if (messageId === undefined) return;
    const view = await render();
    await editIgnoringSame(() =>
      api.editMessageText(contest.chatId, messageId, view.text, view.keyboard ? { reply_markup: view.keyboard } : {}),
    );
  };

  /** `counts`: numbers read in the same step that claimed this edit (else read now). */
  const counterView = async (contest: Contest, presenter: number, open: boolean, counts?: { submitted: number; judges: number }) => {
    counts ??= await store.ballots.counts(contest.id, presenter);
    return roundCounterView(translatorFor(deps.i18n, contest.language), {
      contest,
      presenter,
      ...counts,
      open,
      botUsername: botUsername(),
    });
  };

  /**
   * Shows the new ballot count, at most once per interval. `seen.counterClaimed` is the pause
   * already taken (or not) by the submit itself; without it the pause is claimed here.
   */
  const refreshCounter = (api: Api, contest: Contest, presenter: number, seen?: SubmitSeen) => {
    const role = messageRole.counter(presenter);
    const claimed = seen?.counterClaimed;
    return editor.request(
      `${contest.id}:${role}`,
      async () => claimed ?? (await store.messages.claimEdit(contest.id, role, intervalMs)),
      // Run at once only when claimed: then the submit's own numbers are the state at the claim.
      // A trailing edit (the pause was taken) reads them when it runs.
      () => edit(api, contest, role, () => counterView(contest, presenter, true, claimed ? seen : undefined)),
    );
  };

  /** The final count of a closed round, shown at once. */
  const closeCounter = (api: Api, contest: Contest, presenter: number) =>
    edit(api, contest, messageRole.counter(presenter), () => counterView(contest, presenter, false));

  const refreshJoin = (api: Api, contest: Contest) => {
    const role = messageRole.join();
    return editor.request(
      `${contest.id}:${role}`,
      () => store.messages.claimEdit(contest.id, role, intervalMs),
      () =>
        edit(api, contest, role, async () =>
          joinView(translatorFor(deps.i18n, contest.language), contest, await store.judges.count(contest.id)),
        ),
    );
  };

  return { refreshCounter, closeCounter, refreshJoin };
};
export type LiveMessages = ReturnType<typeof createLiveMessages>;
