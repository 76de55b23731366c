## The scoreboard's draw (抽签) part
screen-draw-title = 抽签 · 出场顺序
screen-draw-shuffling = 抽签中…
screen-draw-settled = 抽签结果
screen-draw-method-group = 方法：各分组内，尚未评分的单位按 SHA-256("种子:单位名称") 从小到大排列；已评分的单位位置不变
screen-draw-method-all = 方法：尚未评分的单位按 SHA-256("种子:单位名称") 从小到大排列；已评分的单位位置不变
screen-draw-seed = 种子：{ $seed }
screen-draw-unit = { $n }号
screen-draw-kept = ✓ 已评分
