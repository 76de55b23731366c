## Console: the chair's private console, /status and holds in private, chair commands refused in private

console-title = 🎛 Chair's console · "{ $title }"
console-round = 🎤 Presenter { $n }/{ $total }{ $moved ->
    [yes] {" "}(unit #{ $unit })
   *[other] {""}
}: { $name }
console-ballots = 📥 Submitted { $submitted }/{ $expected } · missing: { $missing }
console-ballots-all = 📥 Submitted { $submitted }/{ $expected } · all in
console-deadline = ⏱ Time limit: closes at { $at }, about { $minutes } min left
console-draft = 📝 Setting up: { $criteria } criteria · { $presenters } presenters · { $judges } judges
console-idle = ⏸ No round is open. Next: presenter { $n }/{ $total }{ $moved ->
    [yes] {" "}(unit #{ $unit })
   *[other] {""}
} { $name }
console-all-done = ✅ All { $total } presenters are scored: you can 🏁 finish the contest.
console-progress = 📊 Closed { $closed }/{ $total } · { $judges } judges
console-policy = 🔓 Results: { $policy }
console-policy-live = each presenter's score and the ranking at every close
console-policy-scores = each presenter's score at its close, the ranking at the finish
console-policy-end = everything at the finish
console-policy-chair = to the chair only; the group hears that scoring ended
console-finished = 🏁 The contest is finished.
console-cancelled = The contest was cancelled.

console-button-next = ▶ Next presenter
console-button-close = ⏹ Close and announce
console-button-remind = 🔔 Remind the missing
console-button-reopen = ↩ Reopen
console-button-judges = 📋 Judges
console-button-screen = 📺 Scoreboard link
console-button-finish = 🏁 Finish

console-ask-close = ❓ Close the scoring of presenter { $n } "{ $name }" and announce it?
console-ask-finish = ❓ Finish the whole contest and announce the final ranking? No scoring is possible afterwards.
console-ask-reopen = ↩ Reopen which presenter? Ballots cast stay; judges may change them.
console-reopen-none = No presenter's round has closed yet.
console-reopen-pick = ↩ { $n }. { $name }
console-confirm-close = ✅ Yes, close
console-confirm-finish = ✅ Yes, finish
console-cancel = ✖ Cancel

console-all-in = ✅ Presenter { $n } "{ $name }": all { $count } ballots are in; you can close the round.
console-judges-title = 📋 Judges of "{ $title }" ({ $count }):
console-judge-observer = observer
console-start-hint = 🎛 { $names }: the chair's console and the scoring details are sent in private only. Tap the button below to open the private chat with the bot, then tap "Start".
console-start-button = 💬 Open the private chat
console-welcome-start = 🎛 The chair's console is sent in private only: open the private chat with me and tap "Start", then send /console in the group.
console-none = You chair no running contest. Send /console in the contest's group and the console comes here.
console-hold-waiting = ⏸ Presenter { $n } "{ $name }": waiting for the chair to confirm.
console-hold-start = Presenter { $n } "{ $name }" needs the chair's confirmation before it closes, and its details are sent in private only: open the private chat, then send /close again.
console-refused = 🙏 /{ $command } is for the chairs of "{ $title }" only.
