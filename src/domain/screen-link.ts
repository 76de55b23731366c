// How long a scoreboard link works: until revoked, and at most `days` after its contest ended.
const DAY_MS = 86_400_000;

/** True once a contest that ended at `endedAt` (ms; undefined while it runs) is `days` past its end. */
export const screenLinkExpired = (endedAt: number | undefined, days: number, now: number): boolean =>
  endedAt !== undefined && now >= endedAt + days * DAY_MS;
