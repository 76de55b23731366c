## Reveal: the release policy (what the group sees of results, and when)
cmd-reveal = When results are shown (live, scores, end, chair)
reveal-policy-live = live (each presenter's score and the ranking after every round)
reveal-policy-scores = scores (each presenter's own score after their round, the ranking at the end)
reveal-policy-end = at the end (no results before the contest finishes)
reveal-policy-chair = by the chair (results go to the chair only, who publishes them)
reveal-formula-live = results shown live
reveal-formula-scores = each score shown, the ranking at the end
reveal-formula-end = results shown at the end
reveal-formula-chair = results published by the chair
reveal-usage = Release policy now: { $policy }
    Usage: /reveal live|scores|end|chair
    • live: each presenter's score and the ranking after every round
    • scores: only each presenter's own score after their round, the ranking at /finish
    • end: no results before /finish
    • chair: results go to the chair only, who publishes them after /finish with /ranking public
reveal-unknown = There is no release policy “{ $value }”. Choose live, scores, end or chair.
reveal-saved = ✅ Release policy: { $policy }
reveal-locked = The contest has ended; its release policy can no longer change (it is: { $policy }).
reveal-ranking-usage = Usage: /ranking posts the standings again; after /finish the chair may use /ranking public to publish the results.
reveal-start-first = The results go to the chair only: start a private chat with the bot (button below, then “Start”) and send this again.
reveal-start-button = 🤖 Open the bot
reveal-already-public = The results are already public.
reveal-detail-held = Score details come once the results are published.
reveal-export-held = The results are not public yet, so there is no public export. The chair can get everything with /export.
