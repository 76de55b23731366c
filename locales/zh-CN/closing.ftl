## Closing: the closed round's announcement, a contest that has ended
closing-contest-ended = ⛔ 本次评议已结束或已取消，不再接受评分。
closing-heading = 🎤 第 { $n }/{ $total } 位{ $moved ->
    [yes] （{ $unit }号）
   *[other] {""}
}：{ $name }
closing-score = 🏅 得分：{ $score }（{ $ballots } 份有效评分）
closing-no-score = 🏅 无有效评分
closing-held-finish = 📣 结果将在评议结束时公布。
closing-held-chair = 📣 结果由主持人公布。
closing-cancelled = 🚫 评议已取消。
closing-verify-hint = 你的评分已计入本轮计票。发送 /verify <回执> 可随时核对。
closing-finished-chair = 🏁 评议已结束，感谢各位评委！结果由主持人公布。
closing-chair-results = 🔐 仅你可见：
closing-publish-button = 📢 在群里公布结果
closing-publish-hint = 确认无误后，点下方按钮或在群里发送 /ranking public，把最终排名公布到群里。
closing-published = ✅ 已在群里公布。
closing-publish-not-finished = 只有在 /finish 之后才能公布最终结果。
closing-export-digest = 计票摘要
