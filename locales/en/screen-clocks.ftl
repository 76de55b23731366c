## Scoreboard clocks: a timed round's countdown, the chair's speaking timer (/timer)
cmd-timer = Speaking timer on the scoreboard (/timer minutes, /timer stop)
screen-clocks-left = Time left
screen-clocks-speaking = Speaking time
screen-clocks-speaker = No. {$n}{ $moved ->
    [yes] {" "}(unit #{ $unit })
   *[other] {""}
} · {$name}
screen-clocks-time-up = Time is up
screen-timer-usage = Usage: /timer minutes ({$min}–{$max}, half minutes allowed, e.g. /timer 5 or /timer 2.5): shows a speaking countdown for the current presenter on the scoreboard; /timer stop ends it. The timer never affects scoring.
screen-timer-started = ⏱ Speaking timer of {$minutes} min started on the scoreboard: No. {$n} “{$name}”. /timer stop ends it.
screen-timer-started-plain = ⏱ Speaking timer of {$minutes} min started on the scoreboard. /timer stop ends it.
screen-timer-stopped = ⏹ Speaking timer stopped; the scoreboard no longer shows it.
screen-timer-none = No speaking timer is running.

audit-event-speaking-timer = speaking timer
