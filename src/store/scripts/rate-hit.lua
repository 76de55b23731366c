-- One hit of a user's rate-limit window: count it and start the window on the first hit, in one
-- atomic step (a crash between INCR and PEXPIRE would otherwise leave a counter that never expires).
-- KEYS: the user's counter. ARGV: window (ms). Returns the hits in the current window.
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return hits
