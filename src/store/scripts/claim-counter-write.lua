-- Lets a live-counter edit (the open state of a round's announcement) start only while the round
-- is open and its contest running, and marks it in flight until released (release-lock.lua) or
-- until the TTL ends. A close waits until no such edit is in flight before it writes the closed
-- state, so the closed state is always the last one Telegram receives.
-- KEYS: meta, rounds, counter write lock
-- ARGV: presenter, token, ttl (ms)
-- Returns: {code}: OK (taken), NOT_OPEN (the round is not open: write nothing), RETRY (another
-- edit is in flight)
if redis.call('HGET', KEYS[2], ARGV[1]) ~= 'open' or redis.call('HGET', KEYS[1], 'status') ~= 'running' then
  return {'NOT_OPEN'}
end
if redis.call('SET', KEYS[3], ARGV[2], 'PX', ARGV[3], 'NX') then return {'OK'} end
return {'RETRY'}
