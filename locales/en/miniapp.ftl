## Rubrics and grades on the button ballot
miniapp-ballot-description = 📖 { $description }
miniapp-ballot-grades = Grades: { $grades }
miniapp-ballot-choose-grade = Choose a grade first:
miniapp-ballot-grade-chosen = Grade { $grade }, choose the score:

## Mini App
miniapp-button = 📝 Score in a form
miniapp-unauthorized = Cannot confirm who you are. Open the form again in Telegram with the "📝 Score in a form" button of your ballot.
miniapp-expired = Your sign-in has expired. Close the form and open it again with the "📝 Score in a form" button of your ballot.
miniapp-no-contest = This contest or presenter was not found.
miniapp-submitted = ✅ Submitted (version { $version }). You may change it until the round closes.
miniapp-draft-saved = Saved as draft

## Line errors of /criteria rubrics (codes of setup-lines.ts)
line-description-too-long = the description is too long (at most { $limit } characters)
line-bad-grade = grade "{ $value }" is not written as: name min-max, e.g. A 27-30
line-too-many-grades = too many grades (at most { $limit })
line-grade-min-above-max = grade "{ $name }" has its minimum above its maximum ({ $range })
line-grade-out-of-range = grade "{ $name }" { $range } lies outside 0–{ $limit }
line-grade-off-step = grade "{ $name }" { $range } must use multiples of the step { $step }
line-grade-overlap = grade "{ $name }" { $range } overlaps "{ $other }"
line-grade-duplicate = grade name "{ $name }" is used twice

## Contest file errors of grades (codes of contest-file.ts)
file-grade-min-above-max = the grade's minimum is above its maximum
file-grade-out-of-range = the grade lies out of range (should be within { $expected })
file-grade-off-step = the grade's bounds must be multiples of the step ({ $expected })
file-grade-overlap = overlaps the grade "{ $expected }"
file-grade-duplicate = grade name used twice

## Mini App page
miniapp-page-loading = Loading your ballot…
miniapp-page-presenter = { $n }/{ $total }{ $moved ->
    [yes] {" "}(unit #{ $unit })
   *[other] {""}
}: { $name }
miniapp-page-range = 0–{ $max } points
miniapp-page-step = step { $step }
miniapp-page-grade = Grade: { $grade }
miniapp-page-no-grade = in no grade
miniapp-page-not-scored = Not scored yet
miniapp-page-decrease = Decrease
miniapp-page-increase = Increase
miniapp-page-sending = Submitting…
miniapp-page-submit = Submit
miniapp-page-resubmit = Submit the change
miniapp-page-not-open = This round has not started yet.
miniapp-page-network = No connection: the ballot was not submitted. Please try again.
miniapp-page-off-step = The score must lie within 0–{ $max } and be a multiple of { $step }
miniapp-bad-request = The request is not valid; nothing was stored.
miniapp-too-large = The request is too large; nothing was stored.
