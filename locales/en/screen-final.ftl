## Scoreboard: the end of a contest (final view, link expiry)
screen-final-expired = This scoreboard link has expired: the contest ended longer ago than links are kept.
