## The scoreboard's draw (抽签) part
screen-draw-title = The draw · presenting order
screen-draw-shuffling = Drawing…
screen-draw-settled = Drawn
screen-draw-method-group = Method: within each group, units not yet scored sorted by SHA-256("seed:unit name"), ascending; scored units keep their place
screen-draw-method-all = Method: units not yet scored sorted by SHA-256("seed:unit name"), ascending; scored units keep their place
screen-draw-seed = Seed: { $seed }
screen-draw-unit = #{ $n }
screen-draw-kept = ✓ scored
