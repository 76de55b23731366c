-- Extends a lock the caller still holds (its token) to a new TTL.
-- KEYS: lock
-- ARGV: token, ttl (ms)
-- Returns: 1 when extended, 0 when the lock was not (or no longer) the caller's
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
