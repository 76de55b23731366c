## Common
common-error = ⚠️ Something went wrong, please try again.
common-not-recorded = ❌ Score NOT recorded: storage is unavailable. Please tap again in a moment.
common-chair-only = 🙏 Sorry, only the chair of this contest can use this command.
common-admin-only = 🙏 Sorry, only group administrators can create a contest.
common-group-only = Please use this command in the meeting group.
common-no-contest = This group has no contest in progress. A group admin can create one with /newcontest <title>.
common-unknown-button = This button is no longer valid.
common-not-your-ballot = This is not your ballot.
common-round-closed = ⛔ This round is closed; the ballot can no longer be changed.
common-not-judge = You are not a judge of this contest.
common-contest-ended = This contest has ended.

## Start
start-welcome = 👋 Hello! I run live scoring in meetings.
    Judges: tap “Join as judge” in the group and your ballots will arrive here.
    Chairs: start a contest in the group with /newcontest, see /help for commands.
start-ready-judge = ✅ All set. Your ballot arrives here when the next presenter's round opens.

## Help
help-everyone = 📖 Commands
    /ranking — show the current ranking
    /detail n — how presenter n scored
    /help — show this help
help-judge = Judges: your ballot arrives in this private chat; tap a score per criterion, review, then ✅ submit. You can change it until the round closes.
help-chair = Chair commands
    /newcontest <title> — create a contest
    /criteria — set the criteria (one per line: name max [step])
    /presenters — set the presenters (one per line, in presenting order)
    /import — import a contest file (JSON, or a CSV of presenters); /template gives a sample
    /method, /panels, /prizes, /bands, /blend — scoring method, panels, prizes, bands, prior-score share
    /tiebreak — tie-break rules (e.g. /tiebreak live, criterion Innovation, chair); /prizes overall — prizes over all groups
    /settings — show the whole setup
    /quorum n, /outlier points — checks before a close (quorum, totals far from the median)
    /join — post the “Join as judge” button
    /console — get the chair's console in private (next, close, remind, reopen, finish as buttons)
    /open [n] — open the round for the next (or n-th) presenter
    /draw [all] — draw the presenting order of the units not yet scored (within groups by default)
    /close — { $close ->
        [ranking] close the round and post the ranking
        [score] close the round and post the unit's score (the ranking comes at the end)
        [end] close the round (results are posted at the end)
        [chair] close the round (results go to the chair only, who publishes them)
       *[other] close the round; what the group sees is set by /reveal (the ranking by default)
    }
    /status — who has submitted (in private)
    /finish — { $finish ->
        [chair] end the contest; the final ranking goes to the chair in private, who publishes it in the group
       *[other] post the final ranking and end the contest
    }
    /reveal live|scores|end|chair — when results are shown (live, scores only, at the end, by the chair)
    /screen — get the big-screen link in private (/screen revoke disables it)
    /screen join|board — the big screen shows the join QR codes | the board; /timer minutes — speaking timer on it (/timer stop)
    /export — get the ballots and standings as CSV in private (/export public: standings only)
    /cancel — discard the contest
    /lang zh|en — switch the group's language

## Setup
setup-created = 🆕 Contest “{ $title }” created; chair: { $chair }.
    Next steps:
    1. /criteria to set the criteria, for example:
    /criteria
    Implementability 30
    Innovation 30
    Sustainability 20
    Replicability 20
    2. /presenters to list the presenters (one per line)
    3. /join to invite the judges
    4. /open to start scoring the first presenter
setup-already-active = This group already has a contest in progress, “{ $title }”. /finish or /cancel it first.
setup-title-missing = Please give the contest a title, e.g. /newcontest Spring review
setup-title-too-long = The title is too long (at most 120 characters).
setup-locked = Scoring has started; criteria and presenters can no longer change.
setup-criteria-usage = Put one criterion per line after /criteria: name max [step], optionally "| description | grades", for example:
    /criteria
    Implementability 30 | Progress against the plan | A 27-30, B 24-26, C 18-23, D 0-17
    Innovation 10 0.5
setup-presenters-usage = Put one presenter per line after /presenters (in presenting order), optionally “| group | prior score”, for example:
    /presenters
    Transport Bureau
    Education Bureau | Lead units | 88.5
setup-criteria-saved = ✅ Saved { $count } criteria (maxima add up to { $max }):
    { $list }
setup-presenters-saved = ✅ Saved { $count } presenters (presenting order):
    { $list }
setup-lines-invalid = ❌ Nothing saved; please fix and send again:
    { $errors }
setup-line-error = Line { $line } “{ $text }”: { $reason }
setup-lang-usage = Usage: /lang zh or /lang en
setup-lang-set = ✅ The group's language is now English.
setup-cancel-confirm = Really cancel the contest “{ $title }”? All ballots will be discarded.
setup-cancel-yes = ✅ Yes, cancel it
setup-cancel-no = ✖ No, keep it
setup-cancelled = 🗑 The contest “{ $title }” was cancelled.
setup-cancel-kept = OK, the contest goes on.

## Line errors
line-empty = nothing there
line-missing-max = the maximum is missing (a number after the name)
line-bad-number = not a valid number
line-step-not-divisor = the maximum must be a whole multiple of the step
line-duplicate-name = the name is used twice (see line { $first })
line-too-many = too many lines (at most { $limit })
line-bad-prior = the prior score must be between 0 and 100
line-bad-weight = the weight must be greater than 0
line-bad-count = the count must be a positive whole number
line-bad-method = the method must be mean, trimmed [n] or median
line-invalid = not in the expected format
line-missing-name = the name is missing
line-missing-weight = the weight is missing (a number after the name)
line-missing-count = the count is missing (a number after the name)
line-missing-min = the minimum score is missing (a number after the name)
line-bad-max = the maximum must be above 0 and at most 1000, with at most two decimals
line-bad-step = the step must be above 0, with at most two decimals
line-too-many-decimals = at most two decimals
line-bad-min = the minimum score must be between 0 and 100
line-bad-trim = the number of highest/lowest totals to drop must be a whole number from 0 to 10
line-bad-blend = write two positive numbers: live weight and prior weight, e.g. 60 40
line-bad-quorum = must be a whole number from 0 to 1000
line-bad-outlier = must be a number above 0 and at most 100
line-too-many-fields = too many fields
line-name-too-long = the name is too long
line-group-too-long = the group name is too long

## Enrolment
join-message = 🧑‍⚖️ Judges, tap the button below to join “{ $title }”.
    Judges so far: { $count }
join-button = 🙋 Join as judge
join-button-panel = 🙋 Join: { $panel }
join-welcome = ✅ You are now a judge of “{ $title }”{ $panel }. Your ballot arrives here when a presenter's round opens.
join-already = You are already a judge.
join-start-first = Please open a private chat with the bot and tap Start to finish joining.
join-locked = The list of judges is locked.
join-done = Joined ✅

## Rounds
round-need-setup = Not yet: set the criteria with /criteria and the presenters with /presenters first.
round-need-judges = There are no judges yet. Invite them with /join first.
round-bad-number = There is no presenter { $n } (there are { $count }).
round-all-done = Every presenter has been scored. Use /finish to post the final ranking.
round-other-open = Presenter { $n } “{ $name }” is still being scored; /close it first.
round-already-open = Presenter { $n } is already being scored.
round-already-closed = Presenter { $n } has already been scored.
round-none-open = No round is open. Use /open to start one.
round-opened = 🎤 Presenter { $n }/{ $total }{ $moved ->
    [yes] {" "}(unit #{ $unit })
   *[other] {""}
}: { $name }
    Judges, please score in your private chat.
round-counter = 📥 Ballots: { $submitted }/{ $judges }
round-counter-closed = 🔒 Scoring closed: { $submitted }/{ $judges } ballots
round-go-score = ✍️ Score now
round-unreachable = ⚠️ { $count } judge(s) could not get the ballot (they never started the bot): { $names }
    Please ask them to open a private chat with the bot and tap Start.
round-closed = 🔒 Scoring of presenter { $n } “{ $name }” is closed with { $ballots } ballot(s).
round-finish-open = Presenter { $n } is still being scored; /close before /finish.

## Ballot
ballot-header = 📝 { $title }
    Presenter { $n }/{ $total }{ $moved ->
        [yes] {" "}(unit #{ $unit })
       *[other] {""}
    }: { $name }
ballot-criterion = Criterion { $index }/{ $count }: { $criterion } (0–{ $max }{ $step })
ballot-step = , step { $step }
ballot-choose-tens = Choose a range first:
ballot-chosen = Scored: { $scores }
ballot-back = ◀ Back
ballot-review-button = 📋 Review
ballot-review = Please check your scores:
ballot-total = Total: { $total }
ballot-total-scaled = Total: { $sum } points ({ $total } of 100)
ballot-submit = ✅ Submit ballot
ballot-resubmit = ✅ Submit changes
ballot-change = ✏️ { $criterion }
ballot-submitted = ✅ Submitted (version { $version }, { $time }). You can change it until the round closes.
ballot-unsaved = ⚠️ Changes not yet submitted.
ballot-incomplete = Some criteria have no score yet.
ballot-recorded = ✅ Recorded
ballot-closed = 🔒 This round is closed. Your ballot:
ballot-not-submitted = 🔒 This round is closed; you did not submit a ballot.
ballot-bad-score = That score is not allowed.
ballot-score-saved = { $criterion }: { $value }

## Results
results-title = 📊 “{ $title }” ranking so far
results-final-title = 🏆 “{ $title }” final ranking
results-row = { $rank }. { $name } — { $score } ({ $ballots } ballots)
results-row-unranked = –. { $name } — no counted ballots
results-marker = ◀ just closed
results-none = No presenter's round has closed yet.
results-group = [{ $group }]
results-finished = The contest is over. Thank you, judges!

## Status
status-title = 📋 “{ $title }” status
status-round = Now: presenter { $n } “{ $name }”, ballots { $submitted }/{ $judges }
status-no-round = No round is open ({ $closed }/{ $total } presenters done).
status-submitted = ✅ Submitted: { $names }
status-waiting = ⏳ Not yet: { $names }
status-judges = Judges ({ $count }): { $names }
status-nobody = none

## Command menu
cmd-start = Start / finish joining as a judge
cmd-help = Commands
cmd-newcontest = Create a contest (admins)
cmd-criteria = Set the criteria
cmd-presenters = Set the presenters
cmd-join = Invite judges to join
cmd-open = Open the next presenter's round
cmd-close = Close the round and post the ranking
cmd-status = Who has submitted
cmd-ranking = Show the current ranking
cmd-finish = Post the final ranking and end
cmd-cancel = Cancel the contest
cmd-lang = Switch language zh|en
cmd-quorum = Set the quorum
cmd-outlier = Set the outlier threshold
cmd-import = Import a contest file
cmd-template = Get a sample contest file
cmd-settings = Show the whole setup
cmd-method = Set the scoring method
cmd-panels = Set the panels of judges
cmd-prizes = Set the prizes
cmd-bands = Set the bands
cmd-blend = Set the prior-score share
cmd-detail = How a presenter scored

## Screen
screen-link = 📺 Scoreboard of “{ $title }” for the projector:
    { $url }
    Read-only: it shows the live ballot counter and the standings of closed rounds, and updates by itself. Anyone with the link can see it; /screen revoke in the group disables it.
screen-sent = 📺 I sent you the scoreboard link in private.
screen-start-first = I can't write to you in private yet. Open a chat with me (@{ $bot }), press Start, then send /screen here again.
screen-revoked = 🚫 The scoreboard link no longer works. /screen makes a new one.
screen-none = There is no scoreboard link to revoke.
screen-usage = /screen — sends you the scoreboard link in private; /screen revoke — disables it.
screen-page-live = Live
screen-page-reconnecting = Reconnecting…
screen-page-now = Now scoring
screen-page-next = Up next
screen-page-progress = Presenter { $n } of { $total }{ $moved ->
    [yes] {" "}(unit #{ $unit })
   *[other] {""}
}
screen-page-ballots = Ballots in
screen-page-standings = Standings
screen-page-final = Final results
screen-page-col-rank = Rank
screen-page-col-name = Presenter
screen-page-col-score = Score
screen-page-col-ballots = Ballots
screen-page-empty = Standings appear here as rounds close.
screen-page-not-started = The contest has not started yet.
screen-page-finished = The contest is over
screen-page-cancelled = This contest was cancelled.
screen-page-unranked = no counted ballots
screen-page-done = { $closed } of { $total } presenters scored
screen-page-gone = The chair revoked this scoreboard link.
screen-page-not-found = This scoreboard link does not exist or was revoked.
cmd-screen = Get the scoreboard link for the projector (chair)

## Scoring rules
formula-line = Scoring: { $formula }
formula-separator = {", "}
formula-mean = mean of the judges' totals
formula-median = median of the judges' totals
formula-trimmed = drop the { $trim } highest and { $trim } lowest totals, then the mean
formula-blend = live { $live }% + prior { $prior }%
rules-method-usage = Usage: /method mean, /method trimmed 1 (drop one highest and one lowest total) or /method median
rules-method-saved = ✅ Scoring: { $method }
rules-panels-usage = Put one panel of judges per line after /panels, with its weight, for example:
    /panels
    District leaders 70
    Deputies 30
rules-panels-saved = ✅ Saved { $count } panels (weights):
    { $list }
rules-prizes-usage = Put one prize per line after /prizes with how many get it, best first, for example:
    /prizes
    First prize 1
    Second prize 2
    Third prize 3
    Prizes go down each group's ranking; /prizes overall gives them down one ranking of all units (/prizes group: back).
rules-prizes-saved = ✅ Prizes (given down the ranking, best first):
    { $list }
rules-bands-usage = Put one band per line after /bands with its minimum score, best first, for example:
    /bands
    Red 90
    Yellow 75
    Black 0
rules-bands-saved = ✅ Bands (by final score):
    { $list }
rules-blend-usage = Usage: /blend 60 40 (live 60%, prior score 40%) or /blend off
rules-blend-saved = ✅ Final score = live { $live }% + prior { $prior }% (prior scores come from /presenters or the contest file)
rules-blend-off = ✅ The final score is the live score alone.
rules-quorum-usage = Usage: /quorum 5 (with fewer counted ballots, the chair confirms before a round closes); /quorum 0 turns it off
rules-quorum-saved = ✅ Quorum: { $quorum } counted ballots (with fewer, the chair confirms the close)
rules-quorum-off = ✅ No quorum is checked any more.
rules-outlier-usage = Usage: /outlier 20 (a total further than 20 points from the median makes the chair confirm the close)
rules-outlier-saved = ✅ A total further than { $outlier } points from the median makes the chair confirm the close.

## Contest file
import-usage = Send the contest file (JSON, or a CSV of presenters) with /import as its caption; or reply to the file with /import, or paste the JSON after /import. /template gives you a sample file.
import-too-large = The file is too large (at most { $max } KB).
import-invalid = ❌ The file has errors; nothing was imported. Please fix and send again:
    { $errors }
import-received = (got { $received })
import-more-errors = …and { $count } more errors
import-done = ✅ Imported “{ $title }”: { $criteria } criteria, { $presenters } presenters ({ $groups } groups), { $panels } panels, { $judges } judges listed.
import-next = Check everything with /settings, then invite the judges with /join.
template-caption = 📄 A sample contest file. Edit it and send it back to this group with /import as the caption.
template-fields = Fields (only title, criteria and presenters are required):
    • title: the contest's name
    • criteria: name, max, step (default 1), weight (default = max), description (the rubric), grades (name, min, max, e.g. { "{" }"name": "A", "min": 27, "max": 30{ "}" })
    • presenters: name, group, prior (prior score 0–100)
    • panels: name, weight
    • aggregate: method mean / trimmed / median, trim = totals dropped at each end
    • blend: live and prior weights
    • prizes: name, count; bands: name, min
    • prizeScope: group (prizes per group, the default) or overall (over all units)
    • tiebreak: tie-break rules in order, e.g. ["live", { "{" }"criterion": "Innovation"{ "}" }, "panel", "chair"]
    • judges: name, userId, panel, observer, conflicts (presenters they must not score)
    • join: how judges join, open (the default), approve or roster (see /joinmode)
    • quorum: fewest counted ballots; language: zh-CN or en
    A CSV of presenters alone works too (header: name,group,prior).
file-json-syntax = JSON syntax error (line { $line }, column { $column })
file-csv-syntax = CSV syntax error (a quote is not closed)
file-unknown-key = unknown field (known: { $expected })
file-duplicate-name = the name is used twice (see { $first })
file-duplicate-user = the user id is used twice (see { $first })
file-unknown-panel = no such panel (known: { $expected })
file-unknown-presenter = no such presenter
file-empty = the file is empty
file-missing-column = missing column: { $expected }
file-unknown-column = unknown column (known: { $expected })
file-duplicate-column = the column appears twice
file-too-many-fields = too many fields (expected { $expected })
file-bad-number = not a valid number
file-required = required
file-wrong-type = wrong type (expected { $expected })
file-not-integer = must be a whole number
file-too-small = too small (must be { $expected })
file-too-big = too big (must be { $expected })
file-empty-text = must not be empty
file-too-short = too short (must be { $expected } characters)
file-too-long = too long (must be { $expected } characters)
file-too-few = too few (must be { $expected })
file-too-many = too many (must be { $expected })
file-not-one-of = must be one of: { $expected }
file-too-many-decimals = at most two decimals
file-step-not-divisor = the maximum must be a whole multiple of the step
file-out-of-range = out of range (must be { $expected })
file-duplicate-rule = tie-break rule listed twice (each rule at most once)
file-chair-not-last = "chair" (the chair decides) must be the last tie-break rule
file-unknown-criterion = no such criterion (known: { $expected })
file-invalid = not valid ({ $expected })

## Settings
settings-title = ⚙️ “{ $title }” ({ $status })
settings-status-draft = being set up
settings-status-running = in progress
settings-status-finished = finished
settings-status-cancelled = cancelled
settings-none = (none)
settings-criteria = Criteria ({ $count }):
settings-presenters = Presenters ({ $count }):
settings-panels = Panels: { $panels }
settings-prizes = Prizes: { $prizes }
settings-bands = Bands: { $bands }
settings-quorum = Fewest counted ballots: { $quorum }
settings-judges = Judges: { $count } · language: { $language }

## Detail
detail-usage = Usage: /detail n, e.g. /detail 3
detail-not-closed = Presenter { $n }'s round has not closed yet.
detail-title = 🔎 How presenter { $n } “{ $name }” scored
detail-criterion = { $name }: mean { $average } / { $max }
detail-panel = { $name }: { $score }
detail-ballots = Counted ballots: { $counted } (of { $total }; { $dropped } dropped)
detail-live = Live score: { $score }
detail-prior = Prior score: { $score }
detail-final = Final score: { $score }
detail-comments = Comments:

## Audit and export
receipt-line = 🧾 Receipt: { $receipt }… (/receipt shows it in full)
receipt-title = 🧾 Your ballot receipts for “{ $title }” (one per submit; after a change only the latest counts):
receipt-row = #{ $n } { $name } (version { $version }):
    { $receipt }
receipt-how = When a round closes the group sees its digest (SHA-256 over the sorted receipts of the counted ballots). Send /verify <receipt> to check that your ballot was counted.
receipt-none = You have not submitted a ballot in “{ $title }” yet.
receipt-no-contest = You are not a judge of any contest, so there are no receipts to show.
receipt-private-only = Receipts are for the judge only: send this command to me in private.
receipt-round-digest = 🔏 Digest of the counted ballots ({ $count }): { $digest }
    Judges can send /verify <receipt> to me in private to check their ballot was counted.
receipt-verify-usage = Usage: /verify <receipt> (at least its first 12 characters). The receipt is under your ballot; /receipt shows them all.
receipt-verify-counted = ✅ Receipt { $receipt }… is counted for #{ $n } { $name } ({ $count } ballots).
    The round's digest: { $digest }
receipt-verify-not-counted = ⚠️ Receipt { $receipt }… is a ballot for #{ $n } { $name }, but it was not counted: { $reason }.
receipt-verify-open = ⏳ Receipt { $receipt }… is a ballot for #{ $n } { $name }; the round is still open and its digest comes when it closes.
receipt-verify-unknown = ❌ No receipt { $receipt }… in “{ $title }”. If you changed your ballot later, only the latest receipt is valid (/receipt shows it).
receipt-reason-abstained = an abstention
receipt-reason-observer = observers' ballots do not count
receipt-reason-excluded = a conflict of interest, or the judge was removed
export-usage = /export — sends the chair, in private, every ballot, the standings and the audit log (CSV files Excel opens); /export public — posts the standings and criterion averages here (no judges).
export-nothing = No round has closed yet, so there is nothing to export.
export-sent = 📤 I sent you the ballots, standings and audit log of “{ $title }” in private.
export-start-first = I can't write to you in private yet. Open a chat with me (@{ $bot }) with the button below, press Start, then send /export here again.
export-start-button = 💬 Open a private chat
export-public-caption = 📊 “{ $title }”: standings and criterion averages (no judges)
export-caption-ballots = 📄 “{ $title }”: { $ballots } ballots of { $rounds } closed rounds (each with its receipt)
export-caption-standings = 📊 “{ $title }”: standings and criterion averages
export-caption-audit = 🧾 “{ $title }”: audit log, { $entries } entries (every tap, submit, change and chair action)
export-file-ballots = ballots
export-file-standings = standings
export-file-audit = audit-log
export-chair = chair
export-col-number = No.
export-col-presenter = Presenter
export-col-group = Group
export-col-judge = Judge
export-col-judge-id = Judge ID
export-col-panel = Panel
export-col-total = Total (0–100)
export-col-status = Counted
export-col-comment = Comment
export-col-version = Version
export-col-submitted-at = Submitted (UTC)
export-col-receipt = Receipt
export-col-rank = Rank
export-col-final = Final
export-col-live = Live
export-col-prior = Prior
export-col-ballots = Counted ballots
export-col-prize = Prize
export-col-band = Band
export-col-average = Average: { $criterion }
export-status-counted = counted
export-status-dropped = dropped (highest/lowest)
export-status-abstained = abstained
export-status-observer = observer (not counted)
export-status-excluded = not counted (conflict or removed)
audit-col-time = Time (UTC)
audit-col-user-id = User ID
audit-col-user = User
audit-col-event = Event
audit-col-values = Values
audit-col-entry = Entry
audit-system = the bot
audit-event-contest-created = contest created
audit-event-setup-saved = setup saved
audit-event-contest-finished = contest finished
audit-event-contest-cancelled = contest cancelled
audit-event-judge-enrolled = judge joined
audit-event-judge-updated = judge updated
audit-event-judge-requested = asked to judge (waiting for the chair)
audit-event-judge-refused = refused by the chair
audit-event-roster-changed = roster changed
audit-event-round-opened = round opened
audit-event-round-reopened = round reopened
audit-event-round-closed = round closed
audit-event-ballot-drafted = score tapped
audit-event-ballot-submitted = ballot submitted
audit-event-ballot-changed = ballot changed
audit-event-ballot-removed = ballot removed
audit-event-comment = comment
cmd-export = Export ballots and standings (CSV)
cmd-receipt = My ballot receipts
cmd-verify = Check a receipt was counted

## Integrity
help-chair-integrity = Keeping order (chair)
    /cochair — in reply to a member's message: makes them co-chair (/cochair remove undoes it; without a reply it lists the chairs)
    /removejudge — in reply to a judge's message, or with the judge's name: removes the judge (or tap 🗑 in /status)
    /lockjudges, /unlockjudges — closes / reopens enrolment
    /conflict judge-name n — records a conflict of interest (or in reply to the judge: /conflict n; /conflict remove … withdraws it; no arguments lists them)
    /observer — in reply to a judge's message, or with the name: makes them an observer or not (their ballots don't count)
    /remind — reminds judges who have not submitted, in private
    /open n minutes — a timed round: a reminder one minute before, closed automatically at the end
    /reopen n — reopens a closed round
cmd-cochair = Add a co-chair
cmd-removejudge = Remove a judge
cmd-lockjudges = Close enrolment
cmd-unlockjudges = Reopen enrolment
cmd-conflict = Record a conflict of interest
cmd-observer = Make a judge an observer
cmd-judges = Roster of judges and their invitations
cmd-joinmode = How judges join: open|approve|roster
cmd-remind = Remind judges who haven't submitted
cmd-reopen = Reopen a round
cmd-console = The chair's console (sent in private)
cochair-list = 👥 Chair: { $chair }
    Co-chairs: { $cochairs }
cochair-usage = Usage: reply to a member's message with /cochair to make them co-chair (same rights as the chair); reply with /cochair remove to undo it.
cochair-added = ✅ { $name } is now a co-chair, with the same rights as the chair.
cochair-already = { $name } already chairs this contest.
cochair-removed = { $name } is no longer a co-chair.
cochair-not-cochair = { $name } is not a co-chair.
cochair-is-chair = { $name } created the contest and stays its chair.
judge-not-a-judge = { $name } is not a judge of this contest.
judge-not-found = There is no judge named “{ $name }”. /status lists the judges; or reply to the judge's message with the command.
judge-ambiguous = Several judges are named “{ $name }”; reply to one of their messages with the command.
judge-remove-usage = Usage: reply to a judge's message with /removejudge, or /removejudge judge-name; or tap 🗑 in /status.
judge-remove-button = 🗑 { $name }
judge-remove-confirm = Remove the judge { $name }? Their ballot and draft in the current round are discarded; ballots of closed rounds stay.
judge-remove-yes = ✅ Remove
judge-remove-no = ✖ Keep
judge-remove-kept = OK, { $name } stays a judge.
judge-removed = 🗑 { $name } is no longer a judge.
judge-removed-discarded = Their ballot for #{ $n } { $name } was discarded (recorded in the audit log).
judge-already-removed = This judge is no longer on the list.
judge-lock-usage = Usage: /lockjudges (no arguments) closes enrolment.
judge-unlock-usage = Usage: /unlockjudges (no arguments) reopens enrolment.
judge-locked = 🔒 Enrolment closed ({ $count } judges); nobody else can join. /unlockjudges reopens it.
judge-unlocked = 🔓 Enrolment is open again ({ $count } judges so far).
judge-already-locked = Enrolment is already closed ({ $count } judges).
judge-already-unlocked = Enrolment is not closed ({ $count } judges so far).
judge-observer-usage = Usage: reply to a judge's message with /observer, or /observer judge-name: makes them an observer (they score, but their ballots don't count); again to undo.
judge-observer-list = 👁 Observers: { $names }
judge-observer-on = 👁 { $name } is now an observer: they score, but their ballots don't count.
judge-observer-off = { $name } is no longer an observer; their ballots count.
judge-observer-status = 👁 Observers (not counted): { $entries }
judge-observer-entry = { $name } { $score }
judge-observer-waiting = not submitted
judge-observer-abstained = abstained
conflict-usage = Usage: /conflict judge-name n (or in reply to the judge's message: /conflict n) records a conflict of interest: the judge gets no ballot for presenter n; /conflict remove judge-name n withdraws it.
conflict-list-title = 🚫 Conflicts of interest:
conflict-row = • { $judge } — #{ $n } { $name }
conflict-none = No conflicts of interest recorded.
conflict-added = 🚫 Conflict recorded: { $judge } does not score #{ $n } { $name }.
conflict-already = The conflict of { $judge } with #{ $n } { $name } was already recorded.
conflict-removed = Conflict withdrawn: { $judge } may score #{ $n } { $name }.
conflict-not-found = No conflict of { $judge } with #{ $n } { $name } was recorded.
conflict-discarded = Their ballot in this round was discarded (recorded in the audit log).
conflict-closed-round = Round #{ $n } has closed already: their ballot no longer counts in the standings.
conflict-status = 🚫 Conflicted (not counted): { $names }
conflict-ballot-refused = You have a conflict of interest with this presenter and do not score them.
abstain-button = 🚫 Abstain
abstain-confirm = Abstain on #{ $n } { $name }? An abstention does not count towards their score; you can still score them until the round closes.
abstain-yes = ✅ Abstain
abstain-recorded = Abstention recorded
abstain-done = 🚫 You abstained (version { $version }, { $time }). You can still score until the round closes.
abstain-closed = 🔒 This round has closed. You abstained.
abstain-status-mark = { $name } (abstained)
quorum-confirm-title = ⚠️ Before closing #{ $n } { $name }, please confirm:
quorum-short = • { $counted } counted ballots, fewer than the quorum of { $quorum }.
quorum-confirm-question = Close the round anyway?
quorum-close-button = ✅ Close
quorum-keep-button = ✖ Keep open
quorum-kept = OK, the round stays open.
quorum-confirmed = ✅ Closing confirmed by the chair.
quorum-notice-title = ⚠️ For the chair, about #{ $n } { $name }:
outlier-title = • These ballots are more than { $limit } points from the median (judges not named):
outlier-line = ballot #{ $ref }: { $total } vs median { $median }
outlier-show-name = 👁 Show who cast ballot #{ $ref }
outlier-name = Ballot #{ $ref } was cast by { $name }
outlier-expired = This notice has expired; the name can no longer be shown.
remind-usage = Usage: /remind (no arguments) reminds, in private, the judges who have not submitted in this round.
remind-nobody = #{ $n } { $name }: every judge has submitted; nobody to remind.
remind-done = ⏰ #{ $n } { $name }: reminded { $reminded } judges in private{ $unreachable ->
        [0] .
       *[other] ; { $unreachable } can't be reached in private and were reminded in the group.
    }
remind-private = ⏰ Reminder: you have not submitted your ballot for #{ $n } { $name } yet.
remind-group = ⏰ Still waiting for ballots for #{ $n } { $name }: { $names }
    I can't write to you in private: tap the button below, open the chat with me and press Start to get your ballot.
remind-open-button = ✍️ Open my ballot
remind-time-usage = Usage: /open n minutes (1–{ $max }), e.g. /open 3 5: 5 minutes, a reminder one minute before, closed automatically at the end.
remind-time-set = ⏱ This round closes automatically in { $minutes } minutes and the standings are posted{ $minutes ->
        [1] .
       *[other] ; judges who haven't submitted get a reminder one minute before.
    }
reopen-usage = Usage: /reopen n [minutes] reopens a closed round; ballots cast before stay and judges can change them.
reopen-not-closed = #{ $n } { $name } has not closed yet, so it can't be reopened (a round that hasn't run yet: /open { $n }).
reopen-done = 🔁 #{ $n } { $name } is open again: ballots cast before stay, judges can change them, and the standings are posted again when it closes.
comment-add-button = 💬 Add a comment
comment-change-button = 💬 Change my comment
comment-shown = 💬 Your comment: { $comment }
comment-prompt = 💬 Send your comment on #{ $n } { $name } as one text message (at most { $max } characters, within { $minutes } minutes). Comments are shown without names in the results detail.
comment-saved = ✅ Your comment on #{ $n } { $name } is saved.
comment-too-long = That comment is too long ({ $length } characters, at most { $max }); please shorten it and send it again.
comment-empty = The comment is empty; nothing was saved.
comment-not-submitted = Submit your ballot first, then add a comment.
comment-round-closed = This round has closed; the comment was not saved.
