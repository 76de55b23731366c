# 限时评分（/open 序号 分钟）：结束前 1 分钟私聊提醒未提交的评委和主持人；到时自动结束，群里只看到结束本身

timer-warn-judge = ⏰ 第 { $n } 位「{ $name }」的评分还剩 1 分钟，请尽快提交。
timer-warn-chair = ⏰ 第 { $n } 位「{ $name }」的评分还剩 1 分钟{ $pending ->
        [0] ，所有评委都已提交。
       *[other] ：{ $pending } 位评委未提交，已私聊提醒 { $reminded } 位{ $unreachable ->
            [0] 。
           *[other] ；无法私聊：{ $names }（请当面提醒）。
        }
    }
timer-up-chair = ⏰ 时间到：第 { $n } 位「{ $name }」的评分已自动结束。
