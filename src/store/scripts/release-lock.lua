-- Releases a lock only if the caller still holds it (its token), so a holder whose lock expired
-- never frees the lock another replica has taken since.
-- KEYS: lock
-- ARGV: token
-- Returns: 1 when released, 0 when the lock was not (or no longer) the caller's
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
