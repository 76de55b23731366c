## Roster: invitations, join codes, join modes, the chair's judges view

roster-usage =
    Usage: /judges followed by one judge per line:
    name | panel [| observer] [| conflicts: presenter1, presenter2]
    For example:
    /judges
    Zhang Wei | Leaders
    Li Na | Deputies | conflicts: Potou
    Or send a CSV file (columns: name,panel,observer,conflicts,userId) with /judges as its caption.
    /judges alone sends you the list of judges in private.
roster-saved = ✅ Added { $count } to the roster: { $names }. Each judge's personal invitation link and QR code went to the chair in private.
roster-saved-unreachable = ✅ Added { $count } to the roster: { $names }. Open a private chat with the bot, tap Start, then send /judges to get the invitation links.
roster-line-empty = no judges: write one per line after /judges
roster-line-missing-name = the name is missing
roster-line-name-too-long = the name is too long (at most { $limit } characters)
roster-line-too-many-fields = too many parts (at most { $limit }, separated by |)
roster-line-missing-panel = the panel is missing; one of: { $panels }
roster-line-unknown-panel = there is no panel “{ $value }”; one of: { $panels }
roster-line-unknown-field = “{ $value }” is not understood; only “observer” or “conflicts: presenter…”
roster-line-unknown-presenter = there is no presenter “{ $value }” (conflicts name presenters of /presenters)
roster-line-duplicate-name = “{ $name }” is already on line { $first }
roster-line-already-listed = “{ $name }” is already on the roster; open it with /judges to change it
roster-line-duplicate-user = user id { $value } appears twice
roster-line-bad-user-id = user id “{ $value }” is not a number
roster-line-too-many = too many judges (at most { $limit })
roster-line-csv-syntax = the CSV is malformed (unbalanced quotes)
roster-line-unknown-column = unknown column “{ $value }”; columns: name,panel,observer,conflicts,userId
roster-line-missing-column = the “name” column is missing
roster-csv-failed = ❌ Could not read the file; please send a UTF-8 CSV file.
roster-invitation =
    📨 Invitation to judge “{ $title }”
    Judge: { $name }{ $panel }
    Open the link below in Telegram and tap Start to become a judge (this link works once, for you only):
    { $link }
roster-sheet-caption = 🖨 Invitation QR codes of “{ $title }” ({ $count } judges), to print and hand out.
roster-sheet-heading = “{ $title }”: judges' invitations
roster-codes-sheet-heading = “{ $title }”: panel join codes
roster-code-message =
    🔑 Join code of “{ $title }”{ $panel }
    Whoever scans it or opens the link joins{ $panel }. Hand it only to that panel's people in the room:
    { $link }
roster-join-roster-only = 🔒 This contest takes personal invitations only: use the invitation link the chair gave you.
roster-join-roster-mode-group = 🔒 This contest takes personal invitations only (join mode: roster). The chair lists the judges with /judges and gets their invitation links in private.
roster-not-member = Only members of this group can join with the group's button.
roster-welcome = ✅ You are now a judge of “{ $title }”: { $name }{ $panel }. Your ballot arrives here when a presenter's round opens.
roster-token-unknown = ❌ This invitation link is not valid (perhaps mistyped). Please ask the chair for a new one.
roster-token-used = ❌ This invitation was already used by another account and cannot be used again. Please contact the chair.
roster-token-revoked = ❌ The chair revoked this invitation. Please ask the chair for a new one.
roster-token-ended = ❌ “{ $title }” has ended; its invitations are void.
roster-token-busy = Please open the invitation link again in a moment.
roster-chair-reused = ⚠️ “{ $name }”'s invitation was already used, and another account ({ $other }, id { $id }) just opened it: refused. If the invitation leaked, check /judges.
roster-pending-user = ⏳ You asked to judge “{ $title }”{ $panel }; please wait for the chair's approval. Your ballot arrives here once approved.
roster-pending-already = ⏳ Your request is waiting for the chair's approval.
roster-pending-chair = 🙋 { $name } (id { $id }) asks to judge “{ $title }”{ $panel }.
roster-approve = ✅ Approve
roster-refuse = ✖ Refuse
roster-approved = ✅ Approved { $name } as a judge{ $panel }.
roster-refused = ✖ Refused { $name }'s request.
roster-approved-user = ✅ The chair approved: you are now a judge of “{ $title }”{ $panel }. Your ballot arrives here when a presenter's round opens.
roster-refused-user = The chair did not approve you as a judge of “{ $title }”.
roster-decided-already = This request was already handled.
roster-joinmode-usage =
    Usage: /joinmode open|approve|roster
    open: the group's button and each panel's join code;
    approve: the same, but each new judge scores only after the chair approves them in private;
    roster: only personal invitations from the chair's roster.
roster-joinmode-current = Join mode now: { $mode }
roster-joinmode-set = ✅ Join mode set to: { $mode }
roster-mode-open = open (group button, join codes)
roster-mode-approve = approve (the chair approves each judge)
roster-mode-roster = roster (personal invitations only)
roster-settings-join = Join mode: { $mode }
roster-removed-user = The chair removed you from the judges of “{ $title }”; you will get no more ballots. Your ballots of closed rounds stand.
roster-view-title = 🧑‍⚖️ Judges of “{ $title }” ({ $count }, join mode: { $mode })
roster-view-empty = No judges yet. Add a roster with /judges, or send /join in the group.
roster-view-row = { $n }. { $name } · { $panel } · { $state }
roster-view-row-no-panel = { $n }. { $name } · { $state }
roster-view-page = page { $page }/{ $pages }
roster-state-joined = ✅ joined
roster-state-waiting = ⏳ invitation not used
roster-state-revoked = ⛔ invitation revoked
roster-state-pending = ⌛ waiting for approval
roster-state-observer = 👁 observer
roster-state-direct = ✅ joined (button/join code)
roster-no-panel = no panel
roster-view-sent = 📋 The list of judges went to you in private.
roster-view-unreachable = Please open a private chat with the bot, tap Start, then send /judges.
roster-card =
    🧑‍⚖️ { $name }
    Panel: { $panel }
    State: { $state }
    Telegram: { $telegram }
roster-card-nobody = no account yet
roster-btn-open = { $name }
roster-btn-prev = ◀
roster-btn-next = ▶
roster-btn-back = ⬅ Back to the list
roster-btn-resend = 🔁 Resend invitation
roster-btn-revoke = ⛔ Revoke invitation
roster-btn-move = 🔀 Move
roster-btn-rename = ✏️ Rename
roster-btn-observer = 👁 Observer
roster-btn-unobserver = 👁 Not an observer
roster-btn-remove = 🗑 Remove
roster-btn-remove-yes = ✅ Remove
roster-btn-remove-no = ✖ Keep
roster-move-choose = Move “{ $name }” to which panel?
roster-moved = 🔀 Moved “{ $name }” from { $from } to { $to }.
roster-moved-closed = The { $count } closed rounds keep counting in { $from } (history is not rewritten); rounds not yet closed count in { $to }.
roster-revoked = ⛔ Revoked “{ $name }”'s invitation; the old link no longer works. Tap “🔁 Resend invitation” for a new one.
roster-resent = 🔁 “{ $name }”'s invitation, ready to forward:
roster-rename-ask = ✏️ Send the new name for “{ $name }” (1–80 characters).
roster-rename-bad = A name has 1–80 characters; tap “✏️ Rename” again.
roster-renamed = ✏️ Renamed “{ $from }” to “{ $to }”.
roster-remove-confirm = Remove “{ $name }” from the judges? Their invitation becomes void and their ballot of the open round is discarded; ballots of closed rounds stand.
roster-removed = 🗑 Removed “{ $name }” from the judges.
roster-removed-kept = OK, “{ $name }” stays.
roster-gone = This judge is no longer on the list.
roster-changed-meanwhile = The list just changed; please tap again.
roster-name-taken = “{ $name }” is already on the roster.
roster-imported = 📨 The contest file's { $count } judges are on the roster; their personal invitations went to the chair in private.
roster-imported-unreachable = 📨 The contest file's { $count } judges are on the roster. Chair: open a private chat with the bot, tap Start, then send /judges to get their invitations.
