# Excel workbooks: the /template workbook, /import of a workbook, the XLSX of /export

workbook-template-caption = 📗 Contest set-up template (Excel). Fill in the sheets Settings, Criteria, Presenters, Judges, Panels, Prizes, Bands; the grey italic "※" rows are notes and may stay. Send it back to this group with /import as the caption.
workbook-template-file = contest-template
workbook-font = Calibri

workbook-note-settings-setting = Name of the setting; do not change
workbook-note-settings-value = Type or pick from the list; empty means the default
workbook-note-settings-note = Note
workbook-note-settings-title = Required, at most 120 characters
workbook-note-settings-language = The language the bot uses in this group
workbook-note-settings-aggregate-method = How judges' totals combine: mean, trimmed mean, median
workbook-note-settings-aggregate-trim = For a trimmed mean: totals dropped at each end (0–10, default 1)
workbook-note-settings-blend-live = Weight of the live score when blended with prior scores; leave both empty for no blend
workbook-note-settings-blend-prior = Weight of the prior score when blended with the live score
workbook-note-settings-quorum = Least counted ballots per presenter; below it the chair confirms before the close (empty: no check)
workbook-note-settings-outlier = A total this far from the median is shown to the chair before the close (default 20)
workbook-note-settings-reveal = When the group sees results: live, scores only, at the end, chair only
workbook-note-settings-prizescope = Prizes down each group's ranking, or down one ranking of all units (default: per group)
workbook-note-settings-tiebreak = Equal finals are compared by these in order, higher first, separated by commas: live, a criterion's name, panel, chair (last only); empty: ranks are shared
workbook-note-settings-season-name = At /finish the contest is added to this season (optional), see /season
workbook-note-settings-season-weight = The contest's weight in the season (default 1)
workbook-note-settings-join = How judges join: open (the group button and join codes), approve (the chair approves each new judge), roster (personal invitations only, to the judges of the Judges sheet or /judges); default open, see /joinmode

workbook-note-criteria-name = Criterion name, required, unique
workbook-note-criteria-max = Maximum score, positive, at most two decimals
workbook-note-criteria-step = Scoring step, default 1; max must be a whole multiple of it
workbook-note-criteria-weight = Weight, defaults to the max
workbook-note-criteria-description = Rubric (optional), shown above the judge's buttons
workbook-note-criteria-grades = Grades (optional), e.g. A 27-30, B 24-26; judges pick the grade, then the score
workbook-note-presenters-name = Presenter (unit or person), required, unique; in presenting order
workbook-note-presenters-group = Group (optional); ranked within the group
workbook-note-presenters-prior = Prior score 0–100 (optional)
workbook-note-judges-name = Judge named in advance (the sheet may stay empty; judges can also join in the group)
workbook-note-judges-userid = Telegram user id (optional)
workbook-note-judges-panel = Panel, a name from the Panels sheet
workbook-note-judges-observer = yes: an observer, whose ballots do not count
workbook-note-judges-conflicts = Presenters this judge must not score, separated by commas
workbook-note-panels-name = Panel name (the sheet may stay empty)
workbook-note-panels-weight = The panel's weight in the live score
workbook-note-prizes-name = Prize name, highest first
workbook-note-prizes-count = How many (whole number)
workbook-note-bands-name = Band name, highest minimum first
workbook-note-bands-min = A score (0–100) reaching this is in the band

# An example row for a sheet the example contest leaves empty (shown as a note, never imported).
workbook-note-criteria-example-name = e.g. Delivery
workbook-note-criteria-example-max = 30
workbook-note-criteria-example-step = 1
workbook-note-criteria-example-weight = 30
workbook-note-criteria-example-description = Progress and results against the plan
workbook-note-criteria-example-grades = A 27-30, B 21-26, C 12-20, D 0-11
workbook-note-presenters-example-name = e.g. Potou Town
workbook-note-presenters-example-group = Towns
workbook-note-presenters-example-prior = 88
workbook-note-judges-example-name = e.g. Zhang San
workbook-note-judges-example-userid = 123456789
workbook-note-judges-example-panel = District leaders
workbook-note-judges-example-observer = no
workbook-note-judges-example-conflicts = Potou Town, Maxie Street
workbook-note-panels-example-name = e.g. District leaders
workbook-note-panels-example-weight = 70
workbook-note-prizes-example-name = e.g. First prize
workbook-note-prizes-example-count = 1
workbook-note-bands-example-name = e.g. Red
workbook-note-bands-example-min = 90

workbook-at-cell = { $sheet }, row { $row }, { $column }
workbook-at-row = { $sheet }, row { $row }
workbook-at-column = { $sheet }, { $column }
workbook-at-sheet = Sheet "{ $sheet }"

workbook-error-not-xlsx = not an Excel workbook (.xlsx). Save old .xls or WPS .et files "as" .xlsx first; remove the password of an encrypted workbook
workbook-error-unpacked-too-large = the workbook unpacks too large (at most { $limit } MB); delete extra sheets, pictures or formatting and send it again
workbook-error-too-many-rows = too many rows with content (at most { $limit })
workbook-error-too-many-columns = too many columns with content (at most { $limit })
workbook-error-missing-sheet = the sheet "{ $expected }" is missing
workbook-error-unknown-sheet = unknown sheet (known: { $expected })
workbook-error-duplicate-sheet = the same sheet as "{ $first }"
workbook-error-unknown-setting = unknown setting (known: { $expected })
workbook-error-expected-number = { $expected ->
    [positive] should be a positive number
    [integer] should be a whole number
    [score] should be a number from 0 to 100
   *[other] should be a number
  }
workbook-error-formula-no-value = the formula ({ $ref }) has no saved result: open and save the file in Excel or WPS, or replace the formula by its value
workbook-error-formula-error = the formula ({ $ref }) results in the error { $error }
workbook-error-merged-cells = cells merged across columns ({ $ref }): unmerge them and put one value in each cell
workbook-error-bad-grades = grades are written "name min-max", separated by commas, e.g. A 27-30, B 24-26
workbook-error-bad-tiebreak = the tie-break rule "{ $item }" is not right: use live, a criterion's name (known: { $known }), panel, chair; each once, chair last
workbook-error-no-header = cell { $ref } is in a column without a header: delete the value or name the column

workbook-export-file = summary
workbook-export-caption = 📗 "{ $title }": the score summary (A4, to be signed by judges, scorer and supervisor), every ballot, the scoring sheets of { $judges } judges and the audit log (Excel)
workbook-sheet-summary = Summary
workbook-sheet-ballots = Ballots
workbook-sheet-audit = Audit log
workbook-summary-title = { $title } — score summary
workbook-date = Date: { $date }
workbook-sign-judges = Judges:
workbook-sign-scorer = Scorer:
workbook-sign-supervisor = Supervisor:
workbook-sign-date = Date:
workbook-judge-title = Scoring sheet — { $judge }
workbook-judge-title-panel = Scoring sheet — { $judge } ({ $panel })
workbook-criterion-max = { $criterion } ({ $max })
