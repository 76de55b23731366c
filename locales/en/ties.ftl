## Ties: tie-break rules, prize scope, the chair's decision at /finish

# The command menu (the cmd- prefix is what commands.ts looks up)
cmd-tiebreak = Set the tie-break rules

# The rules in words
ties-rule-live = live score
ties-rule-criterion = mean of “{ $name }”
ties-rule-panel = score of the highest-weight panel “{ $name }”
ties-rule-panel-none = panel score
ties-rule-chair = chair's decision
ties-none = (none: equal finals share their rank)

# /settings and the formula line
ties-formula = ties broken by { $rules }
ties-formula-overall = prizes over all units together
ties-settings-rules = Tie-break: { $rules }
ties-settings-none = Tie-break: none (equal finals share their rank)
ties-settings-scope-group = Prizes: per group
ties-settings-scope-overall = Prizes: over all units together

# /tiebreak
ties-usage = ⚖️ Tie-break rules: when final scores (two decimals) are equal, the rules are compared in order, higher first.
    Now:
    { $current }

    To set them, list the rules after /tiebreak, separated by commas, e.g.:
    /tiebreak live, criterion Innovation, panel, chair
    • live: the live score before blending with the prior score
    • criterion <name> (or just the criterion's name): that criterion's mean
    • panel: the score of the panel with the highest weight
    • chair: what is still tied is ordered by the chair in private at /finish (last only)
    /tiebreak off — no tie-break rules
ties-saved = ✅ Tie-break rules (compared in order when finals are equal, higher first):
    { $list }
ties-saved-chair = Units still tied after them are ordered by the chair in private at /finish.
ties-off = ✅ Tie-break rules removed: equal finals share their rank.
ties-invalid = ❌ The tie-break rules have errors; nothing was saved:
    { $errors }
    Send /tiebreak to see how to write them.
ties-error-empty = no rule given
ties-error-unknown-rule = unknown rule (use: live, a criterion's name, panel, chair)
ties-error-unknown-criterion = no criterion “{ $name }” (criteria: { $known })
ties-error-duplicate-rule = rule listed twice
ties-error-chair-not-last = “chair” must be the last rule
ties-error-too-many = too many rules (at most { $limit })

# /prizes overall|group
ties-scope-saved-overall = ✅ Prizes are given down one ranking of all units (not per group).
ties-scope-saved-group = ✅ Prizes are given down each group's ranking.
ties-scope-no-prizes = No prizes yet: send /prizes with one prize and its count per line.

# The /finish post
ties-note-title = ⚖️ Ties
ties-note-split = Tied at { $score }: separated by { $rule }: { $order }
ties-note-chair = Tied at { $score }: ordered by the chair: { $order }
ties-note-remaining = Tied at { $score }: { $names } remain tied (no rule separates them)
ties-note-awaiting = Tied at { $score }: { $names } wait for the chair's decision
ties-order-block = { $names } { $value }
ties-name-separator = {", "}
ties-name-with-group = { $name } ({ $group })

# The chair's decision
ties-finish-waiting = ⚖️ { $count } tie(s) need the chair's decision; the chair has been asked in private. The final ranking follows the decision.
ties-finish-unreachable = ⚖️ A tie needs the chair's decision in private, but the bot cannot write to you yet. Tap the button below, press “Start”, then send /finish again.
ties-open-private = 💬 Open the private chat
ties-ask-title = ⚖️ “{ $title }”: a tie to decide
ties-ask-tie = Final score { $score }{ $group }: { $names }
ties-ask-group = {" "}({ $group })
ties-ask-tried = Compared { $rules } in turn; still tied.
ties-ask-pick = Tap the unit for place { $place }:
ties-ask-placed = Placed: { $order }
ties-ask-confirm = Order: { $order }
    Once confirmed, the ranking follows this order and cannot be changed.
ties-ask-done = ✅ Decided: { $order }
ties-button-confirm = ✅ Confirm
ties-button-reset = ↩ Start again
ties-ask-more = { $count } more tie(s) to decide.
ties-ask-published = 🏆 The final ranking has been posted in the group.
ties-press-stale = This is the current state; please use the buttons shown.
ties-press-gone = This tie no longer exists (scores changed). Send /finish in the group again.
ties-press-decided = This tie has already been decided.

audit-event-tiebreak-decided = tie order decided by the chair
