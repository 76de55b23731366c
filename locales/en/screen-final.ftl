## Scoreboard: the end of a contest (final view, link expiry)
screen-final-expired = This scoreboard link has expired: the contest ended longer ago than links are kept.
screen-link-expired = 📺 “{ $title }” ended more than { $days } days ago: its scoreboard link has expired and is no longer given out. The final results are in /ranking and /export.
