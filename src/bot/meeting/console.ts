// The chairs' consoles: one private message per chair and co-chair, edited in place, showing the
// meeting's state with the buttons that run it (features/console.ts handles the buttons). Sent by
// /console, by itself after /newcontest and to a new co-chair.
//
// Keeping it current: every ballot and round change asks for a refresh. Edits are paced (at most
// one per COUNTER_EDIT_INTERVAL_S per console; the pause is in Redis, shared by replicas), and an
// edit renders the state when it runs, never when it was asked for, so a pending edit that fires
// after a close shows the close. A close refreshes at once. An edit already in flight when the
// round closes (here or on another replica) could still land after the close's own edit: so every
// write reads the state again once Telegram has taken it, and writes again when the state moved
// on. The last write of a console therefore always shows a state read after every earlier write.
import type { Api } from "grammy";
import type { Contest } from "../../domain/contest.js";
import type { BotDeps } from "../deps.js";
import type { ThrottledEditor } from "../throttle.js";
import type { LiveMessages, SubmitSeen } from "../live-messages.js";
import { editIgnoringSame, isForbidden } from "../telegram-errors.js";
import { presenterName } from "../views/round.js";
import { consoleView } from "../views/console.js";
import type { View } from "../views/ballot.js";
import type { ChairMessenger } from "./chair-messages.js";
import { loadMeetingState } from "./state.js";
import { allInNotice } from "../../store/consoles.js";

/** Rewrites after a write found the state moved on (a burst of ballots settles well within this). */
const MAX_REWRITES = 3;

const sameView = (a: View, b: View): boolean =>
  a.text === b.text && JSON.stringify(a.keyboard?.inline_keyboard ?? []) === JSON.stringify(b.keyboard?.inline_keyboard ?? []);

/** The console's message is gone (deleted by the chair) or may not be written (blocked). */
const isGone = (error: unknown): boolean =>
  isForbidden(error) || (error instanceof Error && /message to edit not found|message can't be edited/.test(error.message));

export type ConsoleParts = { editor: ThrottledEditor; chairs: ChairMessenger };

export const createConsoles = (deps: BotDeps, parts: ConsoleParts) => {
  const { store, logger } = deps;
  const { editor, chairs } = parts;
  const intervalMs = deps.config.COUNTER_EDIT_INTERVAL_S * 1000;
  /** One write at a time per console in this process (a later write waits for the earlier one). */
  const writing = new Map<string, Promise<void>>();

  const serially = (key: string, job: () => Promise<void>): Promise<void> => {
    const previous = writing.get(key) ?? Promise.resolve();
    const next = previous.then(job, job);
    const tail = next.catch(() => undefined);
    writing.set(key, tail);
    void tail.then(() => {
      if (writing.get(key) === tail) writing.delete(key);
    });
    return next;
  };

  /** The console as the meeting is now (undefined when the contest is gone). */
  const render = async (contestId: string, chairId: number): Promise<View | undefined> => {
    const contest = await store.contests.get(contestId);
    if (!contest) return undefined;
    const [state, asked, screenView] = await Promise.all([
      loadMeetingState(store, contest),
      store.consoles.asking(contestId, chairId),
      store.screenControls.view(contestId),
    ]);
    // A question about a round that is no longer open has no answer any more.
    const ask = asked?.step === "close" && state.round?.presenter !== asked.presenter ? undefined : asked;
    return consoleView(deps.translate(contest.language), state, ask, deps.now(), screenView);
  };

  const write = (api: Api, contestId: string, chairId: number): Promise<void> =>
    serially(`${contestId}:${chairId}`, async () => {
      const messageId = await store.consoles.get(contestId, chairId);
      if (messageId === undefined) return;
      let view = await render(contestId, chairId);
      for (let round = 0; view && round <= MAX_REWRITES; round++) {
        const shown: View = view;
        try {
          await editIgnoringSame(() =>
            api.editMessageText(chairId, messageId, shown.text, shown.keyboard ? { reply_markup: shown.keyboard } : {}),
          );
        } catch (error) {
          if (!isGone(error)) throw error;
          await store.consoles.forget(contestId, chairId);
          return;
        }
        view = await render(contestId, chairId);
        if (view && sameView(view, shown)) return;
      }
    });

  const writeSafely = async (api: Api, contestId: string, chairId: number) => {
    try {
      await write(api, contestId, chairId);
    } catch (error) {
      logger.warn({ err: error, contestId, chair: chairId }, "console not updated");
    }
  };

  /**
   * Brings every console of the contest up to date: at once when `now` (a close, a button), else
   * paced like the group's live counter.
   */
  const refresh = async (api: Api, contest: Contest, options: { now?: boolean } = {}): Promise<void> => {
    try {
      const consoles = await store.consoles.all(contest.id);
      await Promise.all(
        [...consoles.keys()].map((chairId) =>
          options.now
            ? writeSafely(api, contest.id, chairId)
            : editor.request(
                `${contest.id}:console:${chairId}`,
                () => store.messages.claimEdit(contest.id, `console:${chairId}`, intervalMs),
                () => write(api, contest.id, chairId),
              ),
        ),
      );
    } catch (error) {
      logger.warn({ err: error, contestId: contest.id }, "consoles not refreshed");
    }
  };

  /**
   * A ballot came in (or a judge left, or became an observer): refresh, and when the round now
   * has every expected ballot, tell each chair with a new message (an edit makes no sound).
   * `seen` (a stored submit's answer) spares a submit the reads: see followCounter, and the
   * all-in check starts from the submit's own numbers.
   */
  const roundChanged = async (api: Api, contest: Contest, presenter: number, seen?: SubmitSeen): Promise<void> => {
    // No chair has a console: nothing to write (a console sent later shows the state then).
    const follow = seen?.consoles === 0 ? Promise.resolve() : followCounter(api, contest, seen?.counterClaimed);
    await Promise.all([follow, allIn(api, contest, presenter, seen)]);
  };

  /**
   * After a submit the consoles ride on the live counter's pause (one per contest and interval,
   * shared by replicas): written at once by the submit that took it, else once in this process
   * when the interval ends (rendering the state then, like any paced edit). Submits in between
   * cost no Redis call. Without a submit's answer, the consoles' own paced refresh.
   */
  const followCounter = (api: Api, contest: Contest, counterClaimed: boolean | undefined): Promise<void> => {
    if (counterClaimed === undefined) return refresh(api, contest);
    if (counterClaimed) return refresh(api, contest, { now: true });
    return editor.request(
      `${contest.id}:consoles`,
      async () => false,
      () => refresh(api, contest, { now: true }),
    );
  };

  /**
   * Whether this change completed the current round and claimed its all-in notice (once per
   * round). A stored submit has told it (`told`: its script claims the notice).
   */
  const claimAllIn = async (contest: Contest, presenter: number, counts: { submitted: number; judges: number }, told?: boolean) => {
    if (told !== undefined) return told;
    if (counts.judges === 0 || counts.submitted < counts.judges) return false;
    if ((await store.contests.currentRound(contest.id)) !== presenter) return false;
    return store.consoles.claimNotice(contest.id, allInNotice(presenter));
  };

  const allIn = async (api: Api, contest: Contest, presenter: number, seen?: SubmitSeen): Promise<void> => {
    try {
      const counts = seen ?? (await store.ballots.counts(contest.id, presenter));
      if (!(await claimAllIn(contest, presenter, counts, seen?.allInClaimed))) return;
      const t = deps.translate(contest.language);
      const text = t("console-all-in", { n: presenter + 1, name: presenterName(contest, presenter), count: counts.submitted });
      await chairs.toChairs(api, contest, t, text);
    } catch (error) {
      logger.warn({ err: error, contestId: contest.id, presenter }, "all-ballots-in notice failed");
    }
  };

  /**
   * Sends the console anew to `chairIds` (the older message of each is deleted, so each chair has
   * one); returns the chairs the bot may not write to.
   */
  const send = async (api: Api, contest: Contest, chairIds: number[]): Promise<number[]> => {
    const unreachable: number[] = [];
    for (const chairId of chairIds) {
      const view = await render(contest.id, chairId);
      if (!view) continue;
      const sent = await chairs.sendPrivate(api, chairId, view.text, view.keyboard ? { reply_markup: view.keyboard } : {});
      if (!sent) {
        unreachable.push(chairId);
        continue;
      }
      const older = await store.consoles.get(contest.id, chairId);
      await store.consoles.set(contest.id, chairId, sent.message_id);
      if (older !== undefined) await api.deleteMessage(chairId, older).catch(() => undefined);
      logger.info({ contestId: contest.id, chair: chairId }, "console sent");
    }
    return unreachable;
  };

  /**
   * The console for a new contest or a new co-chair: sent at once when the bot may write to them;
   * otherwise the line to show in the group asking them to open the private chat.
   */
  const welcome = async (api: Api, contest: Contest, chairId: number): Promise<string | undefined> => {
    try {
      if ((await send(api, contest, [chairId])).length === 0) return undefined;
    } catch (error) {
      logger.warn({ err: error, contestId: contest.id, chair: chairId }, "console not sent");
      return undefined;
    }
    await store.consoles.claimNotice(contest.id, `start-hint:${chairId}`);
    return deps.translate(contest.language)("console-welcome-start");
  };

  return { refresh, roundChanged, send, welcome, writeNow: writeSafely };
};
export type Consoles = ReturnType<typeof createConsoles>;

/**
 * The group's live messages, with every chair's console following them: a ballot or a judge change
 * refreshes the consoles (paced), a close refreshes them at once.
 */
export const withConsoles = (live: LiveMessages, consoles: Consoles): LiveMessages => ({
  ...live,
  refreshCounter: async (api, contest, presenter, seen) => {
    await live.refreshCounter(api, contest, presenter, seen);
    await consoles.roundChanged(api, contest, presenter, seen);
  },
  closeCounter: async (api, contest, presenter) => {
    await live.closeCounter(api, contest, presenter);
    await consoles.refresh(api, contest, { now: true });
  },
  refreshJoin: async (api, contest) => {
    await live.refreshJoin(api, contest);
    await consoles.refresh(api, contest);
  },
});
