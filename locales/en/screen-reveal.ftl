## Scoreboard: the reveal card shown when a round closes
screen-reveal-title = Score reveal
screen-reveal-judge = Judge { $i }
screen-reveal-subtotal = Subtotal { $score }
screen-reveal-live = Live score { $score }
screen-reveal-trimmed = The { $trim } highest and { $trim } lowest (struck out) dropped, then the mean
screen-reveal-median = Median of the judges' totals
screen-reveal-mean = Mean of the judges' totals
screen-reveal-blend = Live { $live } × { $livePercent }% + prior { $prior } × { $priorPercent }%
screen-reveal-final = Final score
screen-reveal-rank = Rank { $rank }
screen-reveal-rank-group = Rank { $rank } in group
screen-reveal-no-score = No counted ballots
screen-reveal-ballots = { $n } counted ballots
screen-reveal-rank-later = The ranking is announced when the meeting ends
screen-reveal-sealed = Score sealed
screen-reveal-sealed-finish = Results are announced when the meeting ends
screen-reveal-sealed-chair = The chair announces the results
