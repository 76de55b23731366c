## Standings: the one standings message of a contest in the group
standings-cannot-pin = ℹ️ The standings message of “{ $title }” is not pinned: the bot is not an administrator of the group, or may not pin messages. Make it an administrator allowed to pin (this note is sent once).
standings-held-finish = 📊 The ranking of “{ $title }” will be announced when the contest finishes (/finish).
standings-held-chair = 📊 The chair will announce the results of “{ $title }”.
