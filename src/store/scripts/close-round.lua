-- Closes a round. After this no ballot for it is accepted (see submit-ballot.lua).
-- KEYS: meta, rounds, audit
-- ARGV: presenter, by (user id; 0 = the bot), now (ms)
if redis.call('HGET', KEYS[2], ARGV[1]) ~= 'open' then return {'NOT_OPEN'} end
redis.call('HSET', KEYS[2], ARGV[1], 'closed')
redis.call('XADD', KEYS[3], '*', 'type', 'round-closed', 'at', ARGV[3], 'by', ARGV[2],
  'data', cjson.encode({presenter = tonumber(ARGV[1])}))
if redis.call('HGET', KEYS[1], 'current') == ARGV[1] then redis.call('HDEL', KEYS[1], 'current') end
return {'OK'}
