## Console: the chair's private console, /status and holds in private, chair commands refused in private

console-title = 🎛 主持人控制台 ·「{ $title }」
console-round = 🎤 第 { $n }/{ $total } 位{ $moved ->
    [yes] （{ $unit }号）
   *[other] {""}
}：{ $name }
console-ballots = 📥 已提交 { $submitted }/{ $expected } · 未交：{ $missing }
console-ballots-all = 📥 已提交 { $submitted }/{ $expected } · 全部收齐
console-deadline = ⏱ 限时：{ $at } 截止，约剩 { $minutes } 分钟
console-draft = 📝 准备中：评分项 { $criteria } 项 · 汇报人 { $presenters } 位 · 评委 { $judges } 人
console-idle = ⏸ 当前没有进行中的评分。下一位：第 { $n }/{ $total } 位{ $moved ->
    [yes] （{ $unit }号）
   *[other] {""}
} { $name }
console-all-done = ✅ 全部 { $total } 位已评完，可以 🏁 结束评议。
console-progress = 📊 已结束 { $closed }/{ $total } 位 · 评委 { $judges } 人
console-policy = 🔓 结果公布：{ $policy }
console-policy-live = 每位结束即公布得分和排名
console-policy-scores = 每位结束公布其得分，排名在结束评议时公布
console-policy-end = 结束评议时一次公布
console-policy-chair = 只给主持人看，群里只告知评分结束
console-finished = 🏁 评议已结束。
console-cancelled = 评议已取消。

console-button-next = ▶ 下一位
console-button-close = ⏹ 结束并公布
console-button-remind = 🔔 提醒未交
console-button-reopen = ↩ 重新开放
console-button-judges = 📋 评委
console-button-screen = 📺 大屏链接
console-button-finish = 🏁 结束评议

console-ask-close = ❓ 确认结束第 { $n } 位「{ $name }」的评分并公布？
console-ask-finish = ❓ 确认结束整个评议并公布最终排名？结束后不能再评分。
console-ask-reopen = ↩ 重新开放哪一位？已交的评分保留，评委可以修改。
console-reopen-none = 还没有已结束的一位可以重新开放。
console-reopen-pick = ↩ { $n }. { $name }
console-confirm-close = ✅ 确认结束
console-confirm-finish = ✅ 确认结束评议
console-cancel = ✖ 取消

console-all-in = ✅ 第 { $n } 位「{ $name }」：全部 { $count } 份评分已收到，可以结束本轮。
console-judges-title = 📋 「{ $title }」评委（{ $count } 人）：
console-judge-observer = 观察员
console-start-hint = 🎛 { $names }：主持人控制台和评分详情只在私聊中发送。请点下方按钮打开与机器人的私聊并点“开始”。
console-start-button = 💬 打开私聊
console-welcome-start = 🎛 主持人控制台只在私聊中发送：请先打开与我的私聊并点“开始”，再在群里发送 /console。
console-none = 没有你主持的进行中的评议。请在评议群里发送 /console，控制台会私聊发给你。
console-hold-waiting = ⏸ 第 { $n } 位「{ $name }」：等待主持人确认。
console-hold-start = 第 { $n } 位「{ $name }」结束前需要主持人确认，详情只在私聊中发送：打开私聊后请再发一次 /close。
console-refused = 🙏 /{ $command } 只有「{ $title }」的主持人可以使用。
