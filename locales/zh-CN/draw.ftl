## The draw (抽签) of the presenting order: /draw
cmd-draw = 抽签决定出场顺序（draw 分组内；draw all 全部）
audit-event-order-drawn = 抽签决定出场顺序
draw-usage = 用法：/draw 在各分组内抽签决定尚未评分单位的出场顺序；/draw all（或 /draw 全部）在全部单位中抽签。已评分或正在评分的单位位置不变。
draw-need-presenters = 请先用 /presenters 或 /import 设置汇报单位，再抽签。
draw-nothing = 没有可抽签的单位：需要至少两个尚未开始评分的单位{ $scope ->
    [group] （在同一分组内）
   *[all] {""}
}。
draw-raced = ⚠️ 抽签时「{ $name }」刚开始评分，顺序未改变。请再发送一次 /draw。
draw-raced-draw = ⚠️ 另一次抽签刚刚完成，本次抽签未生效。请查看上面的结果，或再发送一次 /draw。
draw-open-raced = ⚠️ 出场顺序刚被抽签改变，请再开始一次。
draw-title = 🎲 「{ $title }」出场顺序抽签结果
draw-seed = 种子：{ $seed }
draw-method = 方法：{ $scope ->
    [group] 在每个分组内，把尚未评分的单位按 SHA-256("种子:单位名称") 的十六进制值从小到大排列，依次排入该组尚未评分的出场位置；已评分或正在评分的单位位置不变。
   *[all] 把尚未评分的单位按 SHA-256("种子:单位名称") 的十六进制值从小到大排列，依次排入尚未评分的出场位置；已评分或正在评分的单位位置不变。
}
draw-verify = 复核：echo -n "{ $seed }:单位名称" | sha256sum
draw-order = 出场顺序（括号内为 /open 使用的序号）：
draw-group = 【{ $group }】
draw-line = { $pos }. { $name }（{ $n }号）
draw-line-kept = { $pos }. { $name }（{ $n }号）· 已评分，位置不变
draw-line-compact = { $pos }.{ $n }号
draw-next = 主持人发送 /open 或在控制台点“下一位”即按此顺序开始。
