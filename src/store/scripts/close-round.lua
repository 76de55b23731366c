-- Closes a round. After this no ballot for it is accepted (see submit-ballot.lua).
-- KEYS: meta, rounds
-- ARGV: presenter
if redis.call('HGET', KEYS[2], ARGV[1]) ~= 'open' then return {'NOT_OPEN'} end
redis.call('HSET', KEYS[2], ARGV[1], 'closed')
if redis.call('HGET', KEYS[1], 'current') == ARGV[1] then redis.call('HDEL', KEYS[1], 'current') end
return {'OK'}
