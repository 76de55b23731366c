// Parsed contests, kept per contest version. The meta hash's "cver" counts every write of the
// contest's definition (contests.create and contests.save bump it in the same step as the write),
// so a contest read at version v is the same as any other read at v, on any replica. The ballot
// scripts are told the version this process has and answer the contest's text only when Redis has
// another one; what they always answer is the version, read in the same atomic step as the ballot.
// So a cached contest is used only for the version Redis reported with the tap: never stale.
// The contest carries the presenting order of the draw in force (the meta hash's "draw" field):
// a draw bumps "cver" in the same step (draw-order.lua), and every reader that parses a version
// passes the draw it read with it, so a version also means one draw.
import { ContestStatusSchema, type Contest } from "../domain/contest.js";
import { parseStoredContest } from "./contests.js";

export type ContestCache = {
  /** The version this process holds for the contest ("" when none): the scripts' `known` argument. */
  known(contestId: string): string;
  /** The contest at `version` with `status`, if this process has that version parsed. */
  get(contestId: string, version: string, status: string): Contest | undefined;
  /**
   * Parses `json` (the text read at `version`; undefined version: a contest stored before versions,
   * parsed every time), with the "draw" text read with it (its presenting order), and keeps it.
   * The contests handed out are frozen, since they are shared.
   */
  parse(contestId: string, version: string | undefined, json: string, status: string, draw?: string): Contest;
};

/** How many contests one process keeps parsed (least recently used ones are dropped). */
export const CONTESTS_KEPT = 256;

type Entry = { version: string; json: string; draw: string | undefined; byStatus: Map<string, Contest> };

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
};

const parseFrozen = (json: string, status: string, draw: string | undefined): Contest =>
  deepFreeze(parseStoredContest(json, ContestStatusSchema.parse(status), draw));

/** One per store (so per process), bounded: the latest version of at most `limit` contests. */
export const createContestCache = (limit = CONTESTS_KEPT): ContestCache => {
  const entries = new Map<string, Entry>();
  const touch = (contestId: string, entry: Entry) => {
    entries.delete(contestId);
    entries.set(contestId, entry);
  };
  /** The version's contest with `status`: parsed once per version, the other statuses share its parts. */
  const withStatus = (entry: Entry, status: string): Contest => {
    let contest = entry.byStatus.get(status);
    if (contest) return contest;
    const [first] = entry.byStatus.values();
    contest = first ? Object.freeze({ ...first, status: ContestStatusSchema.parse(status) }) : parseFrozen(entry.json, status, entry.draw);
    entry.byStatus.set(status, contest);
    return contest;
  };
  return {
    known: (contestId) => entries.get(contestId)?.version ?? "",
    get(contestId, version, status) {
      const entry = entries.get(contestId);
      if (!entry || entry.version !== version) return undefined;
      touch(contestId, entry);
      return withStatus(entry, status);
    },
    parse(contestId, version, json, status, draw) {
      if (version === undefined) return parseFrozen(json, status, draw);
      const kept = entries.get(contestId);
      // Versions only grow; a slower reply carrying an older version does not replace a newer one.
      if (kept && kept.version === version) return withStatus(kept, status);
      const entry: Entry = { version, json, draw, byStatus: new Map() };
      const contest = withStatus(entry, status);
      if (!kept || Number(version) > Number(kept.version)) {
        touch(contestId, entry);
        if (entries.size > limit) entries.delete(entries.keys().next().value ?? contestId);
      }
      return contest;
    },
  };
};
