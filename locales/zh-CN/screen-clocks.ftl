## Scoreboard clocks: a timed round's countdown, the chair's speaking timer (/timer)
cmd-timer = 大屏发言计时（/timer 分钟，/timer stop 停止）
screen-clocks-left = 剩余时间
screen-clocks-speaking = 发言计时
screen-clocks-speaker = 第 {$n} 位{ $moved ->
    [yes] （{ $unit }号）
   *[other] {""}
} · {$name}
screen-clocks-time-up = 时间到
screen-timer-usage = 用法：/timer 分钟（{$min}–{$max}，可用半分钟，如 /timer 5 或 /timer 2.5）：在大屏上为当前汇报人显示发言倒计时；/timer stop 停止。计时不影响评分。
screen-timer-started = ⏱ 大屏已开始发言计时 {$minutes} 分钟：第 {$n} 位「{$name}」。/timer stop 停止。
screen-timer-started-plain = ⏱ 大屏已开始发言计时 {$minutes} 分钟。/timer stop 停止。
screen-timer-stopped = ⏹ 发言计时已停止，大屏不再显示。
screen-timer-none = 现在没有发言计时。

audit-event-speaking-timer = 发言计时
