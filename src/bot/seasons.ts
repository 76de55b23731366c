// Season services shared by /season, its buttons and /finish: who may manage a season (an
// administrator of every group it spans, asked with getChatMember each time), and freezing a
// finished contest's final standings into a season.
import type { Api } from "grammy";
import type { Contest, Locale } from "../domain/contest.js";
import { visibility } from "../domain/release.js";
import { aliasClashes, snapshotRows, type AliasClash, type ContestSnapshot, type Season } from "../domain/season.js";
import { SeasonRulesSchema } from "../domain/season.js";
import type { Actor } from "../store/audit.js";
import { newContestId } from "../store/contests.js";
import type { Store } from "../store/store.js";
import type { BotDeps } from "./deps.js";
import { type Translate } from "./i18n.js";
import { loadStandings } from "./standings.js";

/** Whether the user is an administrator (or the creator) of the chat; false when the bot cannot ask. */
export const isAdministrator = async (api: Api, chatId: number, userId: number): Promise<boolean> => {
  try {
    const member = await api.getChatMember(chatId, userId);
    return member.status === "creator" || member.status === "administrator";
  } catch {
    return false;
  }
};

/** The chats (of `chats`) the user does not administer. */
export const chatsNotAdministered = async (api: Api, chats: readonly number[], userId: number): Promise<number[]> => {
  const unique = [...new Set(chats)];
  const admin = await Promise.all(unique.map((chatId) => isAdministrator(api, chatId, userId)));
  return unique.filter((_, i) => !admin[i]);
};

/** A group's language for season texts: its /lang, else its last contest's, else the default. */
export const groupLocale = async (store: Store, chatId: number, fallback: Locale): Promise<Locale> =>
  (await store.contests.chatLanguage(chatId)) ?? (await store.contests.latestForChat(chatId))?.language ?? fallback;

export const newSeason = (name: string, chatId: number, ownerId: number, now: number): Season => ({
  id: newContestId(),
  name,
  ownerId,
  chats: [chatId],
  createdAt: now,
  status: "open",
  rules: SeasonRulesSchema.parse({}),
  aliases: [],
});

export type AddOutcome =
  | { code: "OK"; replaced: boolean; snapshot: ContestSnapshot }
  | { code: "CLOSED" | "MISSING" | "NOT_FINISHED" }
  | { code: "OTHER_SEASON"; name: string }
  | { code: "CLASH"; clashes: AliasClash[] };

/** The contest's final standings, frozen: what it posted at /finish, exactly. */
export const snapshotOf = async (store: Store, contest: Contest, weight: number, actor: Actor): Promise<ContestSnapshot> => {
  const { standings } = await loadStandings(store, contest);
  return {
    contestId: contest.id,
    chatId: contest.chatId,
    title: contest.setup.title,
    finishedAt: (await store.seasons.finishedAt(contest.chatId, contest.id)) ?? contest.createdAt,
    weight,
    public: visibility(contest.setup.reveal, "public", "finished").ranking,
    addedAt: actor.at,
    addedBy: actor.by,
    rows: snapshotRows(standings),
  };
};

/**
 * Adds a finished contest to a season (again: replaces its snapshot, keeping its weight unless one
 * is given; the default weight is 1). Refused when the season is closed, the contest is in another
 * season, or the season's aliases would join two of its units.
 */
export const addContestToSeason = async (
  store: Store,
  season: Season,
  contest: Contest,
  weightGiven: number | undefined,
  actor: Actor,
): Promise<AddOutcome> => {
  if (contest.status !== "finished") return { code: "NOT_FINISHED" };
  if (season.status !== "open") return { code: "CLOSED" };
  const placedIn = (await store.seasons.placements(contest.chatId)).get(contest.id);
  if (placedIn !== undefined && placedIn !== season.id) {
    const other = await store.seasons.get(placedIn);
    if (other) return { code: "OTHER_SEASON", name: other.name };
  }
  const weight = weightGiven ?? (await store.seasons.snapshot(season.id, contest.id))?.weight ?? 1;
  const snapshot = await snapshotOf(store, contest, weight, actor);
  const clashes = aliasClashes(season.aliases, [snapshot]);
  if (clashes.length > 0) return { code: "CLASH", clashes };
  const { code, replaced } = await store.seasons.putSnapshot(season.id, snapshot, actor);
  return code === "OK" ? { code, replaced, snapshot } : { code };
};

/** The reply to an add, in the season's group language. */
export const addOutcomeText = (t: Translate, season: Season, contest: Contest, outcome: AddOutcome): string => {
  switch (outcome.code) {
    case "OK":
      return t(outcome.replaced ? "season-replaced" : "season-added", {
        title: contest.setup.title,
        season: season.name,
        weight: String(outcome.snapshot.weight),
        units: outcome.snapshot.rows.length,
      });
    case "CLOSED":
    case "MISSING":
      return t("season-is-closed", { season: season.name });
    case "NOT_FINISHED":
      return t("season-not-finished", { title: contest.setup.title });
    case "OTHER_SEASON":
      return t("season-other-season", { title: contest.setup.title, season: outcome.name });
    case "CLASH":
      return t("season-alias-clash", {
        list: outcome.clashes.map((c) => t("season-clash-line", { title: c.title, names: c.names.join("、"), name: c.name })).join("\n"),
      });
  }
};

/**
 * At /finish: notes the finished contest (for /season add) and, when its file names a season,
 * adds it there (creating the season in this group if the group has none of that name), provided
 * the chair administers every group of the season. Returns the text to post, if any.
 */
export const seasonAtFinish = async (deps: BotDeps, api: Api, contest: Contest, by: number): Promise<string | undefined> => {
  const { store } = deps;
  const now = deps.now();
  await store.seasons.recordFinished(contest.chatId, contest.id, now);
  const wanted = contest.setup.season;
  if (!wanted) return undefined;
  const t = deps.translate(contest.language);
  const actor = { by, at: now };
  let season = await store.seasons.byName(contest.chatId, wanted.name);
  if (!season) {
    if (!(await isAdministrator(api, contest.chatId, by))) return t("season-finish-not-admin", { season: wanted.name });
    season = newSeason(wanted.name, contest.chatId, by, now);
    await store.seasons.create(season, actor);
  }
  if ((await chatsNotAdministered(api, season.chats, by)).length > 0) return t("season-finish-not-admin", { season: season.name });
  const finished: Contest = { ...contest, status: "finished" };
  return addOutcomeText(t, season, finished, await addContestToSeason(store, season, finished, wanted.weight, actor));
};
