// Judges named in the contest file (setup.judges) by Telegram user id who joined before the file
// was imported get its conflicts and observer flag (names alone never match: see features/judges.ts,
// where the file's judges become roster entries with personal invitations).
import type { Contest } from "../domain/contest.js";
import { conflictIndexes, matchJudgeEntry } from "../domain/integrity.js";
import type { Actor } from "../store/audit.js";
import type { Store } from "../store/store.js";

/**
 * Applies the contest file to judges who joined before it was imported: adds the conflicts it
 * names and marks its observers. Never takes anything away (conflicts and observers set by hand stay).
 */
export const syncJudgeEntries = async (store: Store, contest: Contest, actor: Actor): Promise<void> => {
  if (contest.setup.judges.length === 0) return;
  for (const judge of await store.contests.judges(contest.id)) {
    const entry = matchJudgeEntry(contest.setup.judges, { id: judge.userId });
    if (!entry) continue;
    await store.integrity.addConflicts(contest.id, judge.userId, conflictIndexes(contest.setup.presenters, entry));
    if (entry.observer && !judge.observer) await store.integrity.updateJudge(contest.id, { ...judge, observer: true }, actor);
  }
};
