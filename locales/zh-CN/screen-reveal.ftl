## Scoreboard: the reveal card (亮分) shown when a round closes
screen-reveal-title = 亮分
screen-reveal-judge = 评委 { $i }
screen-reveal-subtotal = 小计 { $score }
screen-reveal-live = 现场得分 { $score }
screen-reveal-trimmed = 去掉{ $trim }个最高分和{ $trim }个最低分（划线）后取平均
screen-reveal-median = 取评委总分的中位数
screen-reveal-mean = 取评委总分的平均分
screen-reveal-blend = 现场 { $live } × { $livePercent }% + 平时 { $prior } × { $priorPercent }%
screen-reveal-final = 最终得分
screen-reveal-rank = 第 { $rank } 名
screen-reveal-rank-group = 组内第 { $rank } 名
screen-reveal-no-score = 无有效评分
screen-reveal-ballots = { $n } 份有效评分
screen-reveal-rank-later = 排名在评议结束时公布
screen-reveal-sealed = 评分已封存
screen-reveal-sealed-finish = 结果将在评议结束时公布
screen-reveal-sealed-chair = 结果由主持人公布
