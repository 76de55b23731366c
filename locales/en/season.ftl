## Season (the contests of a year add up to one standings table)
cmd-season = Season standings (/season new|add|unit|alias|rules|close)
season-help-everyone = /season — this group's current season standings; /season unit <name> — one unit's season record
season-help-chair = Seasons (administrators of every group of the season)
    /season new <name> — create a season and make it this group's current one (a season of that name in another group you administer: this group joins it)
    /season add [weight] — add this group's last finished contest (weight 1 by default; buttons when several are not added yet)
    /season alias <old name> = <new name> — join a renamed unit
    /season rules — absent rule, bands, prizes
    /season close — end the season and freeze its standings
    /season screen — the season table's big-screen link, in private
    /export season — the season standings as CSV and Excel in private (with colour records)
season-usage = Usage: /season (standings), /season new <name>, /season add [weight], /season unit <name>, /season alias <old name> = <new name>, /season rules, /season close, /season screen
season-no-season = This group has no season yet. A group administrator creates one with /season new <name>, e.g. /season new 2026 annual review
season-new-usage = Put the season's name after /season new, e.g. /season new 2026 annual review
season-name-too-long = The season's name is too long (at most 60 characters).
season-created = 📅 Season "{ $season }" created and made this group's current season.
    After each contest's /finish, add it with /season add [weight] (weight 1 by default); /season rules sets the absent rule, bands and prizes.
season-current-again = 📅 This group's current season is now "{ $season }".
season-joined = 📅 This group joined the season "{ $season }" ({ $groups } groups).
season-admins-only = 🙏 Sorry, only group administrators can manage seasons.
season-admins-only-all = 🙏 Sorry, this season spans { $groups } groups: only someone who is an administrator of each of them can manage it.
season-is-closed = 🔒 Season "{ $season }" is closed: its standings are frozen and cannot change.
season-bad-weight = ❌ Weight "{ $weight }" is not valid: a number above 0 and at most 1000, with at most two decimals, e.g. /season add 2
season-no-finished = This group has no finished contest yet. Add one with /season add after its /finish.
season-choose = { $count } finished contests are not in a season yet. Tap the one to add to "{ $season }" (weight { $weight }):
season-added = ✅ "{ $title }" added to the season "{ $season }" (weight { $weight }; the final results of { $units } units are kept).
season-replaced = 🔁 "{ $title }" was already in the season "{ $season }": its kept results were replaced with its final results as they are now (weight { $weight }, { $units } units).
season-not-finished = "{ $title }" has not finished yet; it can join a season after /finish.
season-other-season = "{ $title }" is already in the season "{ $season }" and cannot join another one.
season-alias-clash = ❌ Not saved: in these contests two units would count as one:
    { $list }
season-clash-line = · "{ $title }": { $names } → { $name }
season-finish-not-admin = ⚠️ The contest file names the season "{ $season }", but you are not an administrator of every group of that season, so this contest was not added. An administrator can add it with /season add.
season-empty = The season "{ $season }" has no contests yet. Add each one with /season add after it finishes.
season-private = The season "{ $season }" includes a contest whose results were for its chair only, so it is not posted in the group. An administrator gets it in private with /export season.
season-absent-skip = absent: not counted
season-absent-zero = absent: counts as 0
season-trend-same = same
season-trend-new = new
season-table-title = 📅 Season "{ $season }" standings ({ $count } contests, { $absent })
season-table-title-closed = 📅 Season "{ $season }" final standings (closed, { $count } contests, { $absent })
season-table-contests = { $list }
season-table-contest = { $mark } { $title } (weight { $weight })
season-group = [{ $group }]
season-row = { $rank }. { $name } — { $score } | { $cells }
season-row-trend = { $rank }. { $name } — { $score } | { $cells } | { $trend }
season-table-legend = Season score = weighted mean of the final scores of the contests; "—" = absent; ↑↓= = rank change since the previous contest.
season-unit-usage = Usage: /season unit <unit name>, e.g. /season unit Potou
season-unit-unknown = There is no "{ $name }" in the season "{ $season }".
season-unit-title = 📋 "{ $name }" · season "{ $season }"
season-unit-former = Former names: { $names }
season-unit-standing = Season rank { $rank } · { $score } · trend { $trend }
season-unit-standing-group = [{ $group }] season rank { $rank } · { $score } · trend { $trend }
season-unit-contest = { $mark } { $title } (weight { $weight }): { $score } · rank { $rank }
season-unit-absent = { $mark } { $title } (weight { $weight }): — (absent)
season-unit-record = Colour record: { $record }
season-alias-usage = Usage: /season alias <old name> = <new name>, e.g. /season alias City Admin = City Management Bureau
season-alias-same = The old and the new name are the same: nothing to join.
season-alias-cycle = ❌ Not saved: "{ $to }" already counts as "{ $from }"; the two cannot be joined the other way round.
season-alias-saved = ✅ "{ $from }" now counts as "{ $to }" in this season ({ $contests } contests).
season-none = none
season-rules-show = ⚙️ Season "{ $season }" rules
    Absent: { $absent }
    Bands: { $bands }
    Prizes: { $prizes }
season-rules-usage = To change them, put one rule per line after /season rules, e.g.:
    /season rules
    absent skip
    bands Red 90, Yellow 75, Black 0
    prizes First 1, Second 2
    absent is "skip" (weights spread over the contests taken part in) or "zero"; "bands none" / "prizes none" clear them.
season-rules-invalid = ❌ Not saved; please fix and send again:
season-rules-line = Line { $line } "{ $text }"
season-rules-line-error = Line { $line } "{ $text }": { $reason }
season-rules-bad-absent = the absent rule is "skip" or "zero"
season-rules-unknown = start the line with absent, bands or prizes
season-closed = 🔒 Season "{ $season }" is closed; its standings are frozen.
season-file-standings = season standings
season-export-caption = 📅 Season "{ $season }" standings and colour records
season-export-sent = 📤 The standings of the season "{ $season }" were sent to you in private.
season-col-group = Group
season-col-rank = Rank
season-col-unit = Unit
season-col-score = Season score
season-col-contest = { $title } (weight { $weight })
season-col-trend = Trend
season-col-prize = Prize
season-col-band = Band
season-col-record = Colour record
season-col-taken = Contests taken part in
season-col-former = Former names
season-screen-usage = Usage: /season screen (the season table's big-screen link, in private) or /season screen revoke (ends the link)
season-screen-link = 📺 Big-screen link of the season "{ $season }" (reloads every 30 seconds):
    { $url }
    /season screen revoke ends it.
season-screen-sent = 📺 The big-screen link of the season "{ $season }" was sent to you in private.
season-screen-revoked = ✅ The season's big-screen link no longer works.
season-screen-none = This season has no big-screen link.
season-page-title = Season "{ $season }" standings
season-page-title-closed = Season "{ $season }" final standings
season-page-private = This season includes a contest whose results were for its chair only, so its table is not shown here.
season-too-many-groups = The season "{ $season }" already spans { $max } groups; no more can join.
season-sheet-standings = Season standings
season-sheet-record = Colour records
season-workbook-title = "{ $season }" season standings ({ $absent })
