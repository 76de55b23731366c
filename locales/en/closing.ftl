## Closing: the closed round's announcement, a contest that has ended
closing-contest-ended = ⛔ This contest has ended or was cancelled; no more scores are taken.
closing-heading = 🎤 Presenter { $n }/{ $total }{ $moved ->
    [yes] {" "}(unit #{ $unit })
   *[other] {""}
}: { $name }
closing-score = 🏅 Score: { $score } ({ $ballots } counted ballots)
closing-no-score = 🏅 No counted ballots
closing-held-finish = 📣 Results will be announced when the contest finishes.
closing-held-chair = 📣 The chair will announce the results.
closing-cancelled = 🚫 The contest was cancelled.
closing-verify-hint = Your ballot is counted in this round. Send /verify <receipt> to check it at any time.
closing-finished-chair = 🏁 The contest is over. Thank you, judges! The chair will announce the results.
closing-chair-results = 🔐 Only you see this:
closing-publish-button = 📢 Publish the results in the group
closing-publish-hint = Once checked, press the button below or send /ranking public in the group to publish the final ranking there.
closing-published = ✅ Published in the group.
closing-publish-not-finished = The final results can only be published after /finish.
closing-export-digest = Digest of counted ballots
