// Group messages kept up to date: the join message (judge count) and a round's announcement
// (its live counter, then its closed state). The close always wins: an open-state edit is only
// sent while the round is open and is marked in flight in Redis; the close waits for any such
// edit (of any replica) before writing the closed state, and an edit that finds the round closed
// writes nothing.
import type { Api } from "grammy";
import type { Contest } from "../domain/contest.js";
import { publicView } from "../domain/release.js";
import { messageRole } from "../store/messages.js";
import type { BotDeps } from "./deps.js";
import { loadStandings, type LoadedResults } from "./standings.js";
import type { ThrottledEditor } from "./throttle.js";
import { editIgnoringSame } from "./telegram-errors.js";
import { joinView } from "./views/join.js";
import { closedAnnouncementView, roundCounterView } from "./views/round.js";
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

/**
 * How long an open-state edit may stay marked in flight (a Telegram call, retries included);
 * the close waits at most this long for it.
 */
const COUNTER_WRITE_TTL_MS = 15_000;

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
  const openView = async (contest: Contest, presenter: number, counts?: { submitted: number; judges: number }) => {
    counts ??= await store.ballots.counts(contest.id, presenter);
    return roundCounterView(deps.translate(contest.language), {
      contest,
      presenter,
      ...counts,
      open: true,
      botUsername: botUsername(),
    });
  };

  /** The closed state: the count, and the unit's score when the release policy shows it. */
  const closedView = async (contest: Contest, presenter: number, loaded?: LoadedResults) => {
    const [counts, results] = await Promise.all([store.ballots.counts(contest.id, presenter), loaded ?? loadStandings(store, contest)]);
    const row = results.standings.groups.flatMap((g) => g.rows).find((r) => r.presenter === presenter);
    return closedAnnouncementView(deps.translate(contest.language), {
      contest,
      presenter,
      ...counts,
      score: row?.finalText ?? null,
      counted: row?.counted ?? 0,
      seen: publicView(contest),
    });
  };

  /** The open state, only while the round is open, marked in flight so that a close waits for it. */
  const editOpenCounter = async (api: Api, contest: Contest, presenter: number, counts?: { submitted: number; judges: number }) => {
    const write = await store.messages.claimCounterWrite(contest.id, presenter, COUNTER_WRITE_TTL_MS);
    if (!write) return;
    try {
      await edit(api, contest, messageRole.counter(presenter), () => openView(contest, presenter, counts));
    } finally {
      await write.release();
    }
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
      () => editOpenCounter(api, contest, presenter, claimed ? seen : undefined),
    );
  };

  /**
   * The closed state of a round that has just closed, written once no open-state edit is in
   * flight, so that it is the last. `loaded`: the results, when the caller has them already.
   */
  const closeCounter = async (api: Api, contest: Contest, presenter: number, loaded?: LoadedResults) => {
    await store.messages.awaitCounterWrites(contest.id, presenter, COUNTER_WRITE_TTL_MS);
    await edit(api, contest, messageRole.counter(presenter), () => closedView(contest, presenter, loaded));
  };

  const refreshJoin = (api: Api, contest: Contest) => {
    const role = messageRole.join();
    return editor.request(
      `${contest.id}:${role}`,
      () => store.messages.claimEdit(contest.id, role, intervalMs),
      () =>
        edit(api, contest, role, async () =>
          joinView(deps.translate(contest.language), contest, await store.judges.count(contest.id)),
        ),
    );
  };

  return { refreshCounter, closeCounter, refreshJoin };
};
export type LiveMessages = ReturnType<typeof createLiveMessages>;
