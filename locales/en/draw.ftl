## The draw (抽签) of the presenting order: /draw
cmd-draw = Draw the presenting order (draw: within groups; draw all: overall)
audit-event-order-drawn = Presenting order drawn
draw-usage = Usage: /draw draws the presenting order of the units not yet scored, within each group; /draw all draws among all units. Units already scored, or being scored, keep their place.
draw-need-presenters = Set the presenters with /presenters or /import first, then draw.
draw-nothing = Nothing to draw: at least two units whose round has not started are needed{ $scope ->
    [group] {" "}(in one group)
   *[all] {""}
}.
draw-raced = ⚠️ "{ $name }" started being scored during the draw; the order did not change. Send /draw again.
draw-raced-draw = ⚠️ Another draw has just been made, so this one did not take effect. See its result above, or send /draw again.
draw-open-raced = ⚠️ The presenting order was just changed by a draw; please open again.
draw-title = 🎲 "{ $title }": presenting order drawn
draw-seed = Seed: { $seed }
draw-method = Method: { $scope ->
    [group] within each group, the units not yet scored are sorted by the SHA-256 hex of "seed:unit name", ascending, and fill the group's places not yet scored, in order; units already scored, or being scored, keep their place.
   *[all] the units not yet scored are sorted by the SHA-256 hex of "seed:unit name", ascending, and fill the places not yet scored, in order; units already scored, or being scored, keep their place.
}
draw-verify = Check: echo -n "{ $seed }:unit name" | sha256sum
draw-order = Presenting order (in brackets, the number /open uses):
draw-group = [{ $group }]
draw-line = { $pos }. { $name } (#{ $n })
draw-line-kept = { $pos }. { $name } (#{ $n }) · already scored, keeps its place
draw-line-compact = { $pos }.#{ $n }
draw-next = /open (or "Next" on the console) now follows this order.
