// Every Redis key the bot uses. A contest's keys share the hash tag {contestId}
// so that multi-key scripts stay on one Redis Cluster slot.
export type ContestKeys = ReturnType<typeof contestKeys>;

export const contestKeys = (prefix: string, contestId: string) => {
  const base = `${prefix}:c:{${contestId}}`;
  return {
    /**
     * hash: contest (JSON), status, current (open presenter index), draw (the latest draw of the
     * presenting order, DrawRecord JSON; see draws.ts), last-closed ("<presenter>:<ms>", the round
     * closed last and when), ended-at (ms, when it finished or was cancelled)
     */
    meta: `${base}:meta`,
    /** hash: judge user id -> Judge JSON */
    judges: `${base}:judges`,
    /** hash: presenter index -> "open" | "closed" */
    rounds: `${base}:rounds`,
    /** hash per presenter: judge user id -> submitted Ballot JSON */
    ballots: (presenter: number) => `${base}:ballots:${presenter}`,
    /** hash per presenter: judge user id -> Draft JSON (scores tapped so far) */
    drafts: (presenter: number) => `${base}:drafts:${presenter}`,
    /** hash: message role (e.g. "counter:3", "ballot:3:42", "join", "standings") -> Telegram message id */
    messages: `${base}:messages`,
    /** string with a TTL: held while a group message (by role) may not be edited again */
    editPause: (role: string) => `${base}:edit-pause:${role}`,
    /** stream: audit log of every event */
    audit: `${base}:audit`,
    /** string: the contest's current scoreboard token (see screenKeys) */
    screen: `${base}:screen`,
    /**
     * string with a TTL: a lock held by one replica for a contest's job (e.g. "auto-close:3"; see
     * locks.ts), or "counter-write:3" while an open-state edit of round 3's announcement is in flight
     */
    lock: (name: string) => `${base}:lock:${name}`,
    /** set: conflicts of interest, members "<judgeId>:<presenter>" (integrity.ts; checked by the ballot scripts) */
    conflicts: `${base}:conflicts`,
    /**
     * string with a TTL: a webhook update that is a ballot press, claimed by the ballot script
     * itself (in the contest's slot), so that the press costs one round trip; "-" when not claiming.
     */
    updateClaim: (updateId: number | "-") => `${base}:update:${updateId}`,
    /** hash: judge user id -> Judge JSON of judges removed by the chair (their closed rounds still count) */
    removed: `${base}:removed`,
    /** hash: tie ("3,5", its presenters ascending) -> the chair's order of it, JSON (tiebreaks.ts) */
    tiebreaks: `${base}:tiebreaks`,
    /** hash per presenter, with a TTL: outlier ballot number shown to the chair -> judge user id */
    outliers: (presenter: number) => `${base}:outliers:${presenter}`,
    /** hash: chair user id -> message id of their private console (consoles.ts) */
    consoles: `${base}:consoles`,
    /** string with a TTL: the step a chair's console asks them to confirm ("close:3", "finish", "reopen") */
    consoleAsk: (userId: number) => `${base}:console-ask:${userId}`,
    /** hash: notices said once per contest ("start-hint:<userId>", "standings-pin" -> 1; "all-in:<presenter>" -> "<judgeId>:<at>" of the submit that claimed it) */
    notices: `${base}:notices`,
    /** hash: roster entry id -> RosterEntry JSON (the judges the chair named; see seats.ts) */
    roster: `${base}:roster`,
    /** hash: seat token -> Seat JSON (invitations and panel join codes; see seats.ts) */
    seats: `${base}:seats`,
    /** hash: user id -> Judge JSON of a judge waiting for the chair's approval (join mode "approve") */
    pending: `${base}:pending`,
    /** hash per presenter, written when its round closes: judge user id -> panel index at the close */
    roundPanels: (presenter: number) => `${base}:round-panels:${presenter}`,
    /** string with a TTL: the chair's speaking timer on the scoreboard, SpeakingTimer JSON (screen-controls.ts) */
    speakingTimer: `${base}:speaking-timer`,
    /** string: what the scoreboard shows, "board" (default) or "join" (screen-controls.ts) */
    screenView: `${base}:screen-view`,
  };
};

/**
 * string: id of the contest a seat token belongs to. Only an index: the token is valid while the
 * contest's `seats` hash holds it unrevoked and the contest takes judges.
 */
export const seatKeys = (prefix: string, token: string) => ({ contest: `${prefix}:seat:${token}` });

export const screenKeys = (prefix: string, token: string) => ({
  /** string: id of the contest a scoreboard token shows; valid only while the contest's `screen` agrees */
  contest: `${prefix}:screen:${token}`,
});

/** Pub/sub channel of "contest changed" events (see events.ts); one per prefix, not a key. */
export const eventsChannel = (prefix: string): string => `${prefix}:events`;

export const chatKeys = (prefix: string, chatId: number) => ({
  /** string: id of the chat's active contest */
  activeContest: `${prefix}:chat:${chatId}:contest`,
  /** string: id of the chat's most recently created contest, kept after it ends (/export after /finish) */
  lastContest: `${prefix}:chat:${chatId}:last-contest`,
  /** string: the group's language, set by /lang */
  language: `${prefix}:chat:${chatId}:lang`,
});

export const userKeys = (prefix: string, userId: number) => ({
  /** string: 1 when the user has started the bot in private (the bot may write to them) */
  started: `${prefix}:user:${userId}:started`,
  /** string: id of the contest the user most recently joined as a judge */
  judging: `${prefix}:user:${userId}:judging`,
  /** string with a TTL: "<contestId>|<presenter>" while the judge's next private text is a comment */
  pendingComment: `${prefix}:user:${userId}:pending-comment`,
  /** set: ids of the contests whose console this user (a chair) has in private */
  consoles: `${prefix}:user:${userId}:consoles`,
  /** string with a TTL: "<contestId>|<entry or judge>" while the chair's next private text renames a judge */
  pendingRename: `${prefix}:user:${userId}:pending-rename`,
});

/**
 * sorted set: round timers of every contest, member "<contestId>|<presenter>|<kind>|<deadline>",
 * score = when it is due (ms); polled by the bot's scheduler (timers.ts). The deadline itself is
 * also kept in the contest's meta hash ("deadline:<presenter>"), so a stale member is recognised.
 */
export const timersKey = (prefix: string): string => `${prefix}:timers`;

/** A lock not tied to one contest (see locks.ts). */
export const lockKey = (prefix: string, name: string): string => `${prefix}:lock:${name}`;

/**
 * string with a TTL: set once an update has been claimed by a process (see updates.ts), so a
 * webhook update delivered twice, or to two replicas, is handled once. One key per update, so no
 * multi-key command ever spans two of them (Redis Cluster: any slot is fine).
 */
export const updateKey = (prefix: string, updateId: number): string => `${prefix}:update:${updateId}`;

/** string with a TTL: a user's presses and commands in the current rate-limit window (rate-limits.ts). */
export const rateKey = (prefix: string, userId: string): string => `${prefix}:rate:${userId}`;

/**
 * Telegram's sending budget, shared by every replica (send-budget.ts). One hash tag, so the Lua
 * step that checks the global, chat and group limits together runs on one Cluster slot.
 */
export const budgetKeys = (prefix: string) => ({
  /** string: when the next send may go, over all chats (ms of Redis' clock) */
  global: `${prefix}:{budget}:global`,
  /** string: when the next send to this chat may go */
  chat: (chatId: number) => `${prefix}:{budget}:chat:${chatId}`,
  /** string: when the next message in this group may go (about 20 a minute) */
  group: (chatId: number) => `${prefix}:{budget}:group:${chatId}`,
  /** string: until when every replica waits after a 429 */
  pause: `${prefix}:{budget}:pause`,
  /** sorted set: replica id -> when it was last seen */
  replicas: `${prefix}:{budget}:replicas`,
});

// Redis Cluster audit (issue #5): every multi-key command of the store stays within one contest's
// hash tag {contestId}: the Lua scripts (KEYS of one contest), and the pipeline in
// ballots.forPresenters (HGETALLs of one contest). Commands on chat, user, screen, update and
// lock keys are single-key. ioredis Cluster sends a pipeline to one node only, so a future
// pipeline across contests must be split per slot (or be plain concurrent commands); MULTI or a
// script across contests would fail with CROSSSLOT.
// Seasons have their own hash tag {seasonId}: season-write.lua and the MULTI of a new season touch
// only that season's keys; the chat and user season records are single-key commands.

/** A season's keys share the hash tag {seasonId} (its own, not a contest's): see seasons.ts. */
export const seasonKeys = (prefix: string, seasonId: string) => {
  const base = `${prefix}:s:{${seasonId}}`;
  return {
    /** hash: season (JSON without its status), status ("open" | "closed") */
    meta: `${base}:meta`,
    /** hash: contest id -> frozen ContestSnapshot JSON */
    snapshots: `${base}:snapshots`,
    /** stream: audit log of the season (created, rules, aliases, contests added, closed) */
    audit: `${base}:audit`,
    /** string: the season's current scoreboard token (see seasonScreenKey) */
    screen: `${base}:screen`,
  };
};

/** A chat's season records; each is a single key (no multi-key command spans them). */
export const seasonChatKeys = (prefix: string, chatId: number) => ({
  /** string: id of the chat's current season */
  current: `${prefix}:chat:${chatId}:season`,
  /** hash: season name -> season id, of the seasons this chat belongs to */
  names: `${prefix}:chat:${chatId}:season-names`,
  /** sorted set: the chat's finished contests, score = when they finished (ms) */
  finished: `${prefix}:chat:${chatId}:finished`,
  /** hash: contest id -> id of the season it was added to */
  placed: `${prefix}:chat:${chatId}:season-placed`,
});

/** string: id of the season a season scoreboard token shows; valid only while the season's `screen` agrees */
export const seasonScreenKey = (prefix: string, token: string): string => `${prefix}:season-screen:${token}`;

/** hash: season name -> id of the seasons a user created (to join another group to one of them). */
export const userSeasonsKey = (prefix: string, userId: number): string => `${prefix}:user:${userId}:season-names`;
