// Judges named in the contest file (setup.judges): a joining user is matched to an entry by
// Telegram user id or name, and takes its panel, observer flag and conflicts of interest.
import type { Contest, Judge } from "../domain/contest.js";
import { conflictIndexes, matchJudgeEntry, panelIndex } from "../domain/integrity.js";
import type { Actor } from "../store/audit.js";
import type { Store } from "../store/store.js";

/** The judge as their contest-file entry describes them, and the presenters they may not score. */
export const applyJudgeEntry = (contest: Contest, judge: Judge): { judge: Judge; conflicts: number[] } => {
  const entry = matchJudgeEntry(contest.setup.judges, { id: judge.userId, name: judge.name });
  if (!entry) return { judge, conflicts: [] };
  const panel = entry.panel === undefined ? judge.panel : panelIndex(contest.setup.panels, entry.panel);
  return {
    judge: { ...judge, panel, observer: judge.observer || entry.observer },
    conflicts: conflictIndexes(contest.setup.presenters, entry),
  };
};

/**
 * Applies the contest file to judges who joined before it was imported: adds the conflicts it
 * names and marks its observers. Never takes anything away (conflicts and observers set by hand stay).
 */
export const syncJudgeEntries = async (store: Store, contest: Contest, actor: Actor): Promise<void> => {
  if (contest.setup.judges.length === 0) return;
  for (const judge of await store.contests.judges(contest.id)) {
    const applied = applyJudgeEntry(contest, judge);
    await store.integrity.addConflicts(contest.id, judge.userId, applied.conflicts);
    if (applied.judge.observer && !judge.observer) await store.integrity.updateJudge(contest.id, { ...judge, observer: true }, actor);
  }
};
