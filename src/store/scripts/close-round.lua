-- Closes a round. After this no ballot for it is accepted (see submit-ballot.lua). The panel of
-- every judge is kept as it was at the close, so moving a judge later changes only open rounds.
-- KEYS: meta, rounds, audit, judges, roundPanels(presenter)
-- ARGV: presenter, by (user id; 0 = the bot), now (ms)
-- The meta hash's "last-closed" ("<presenter>:<now>") is what the scoreboard reveals (screen-moments.ts).
if redis.call('HGET', KEYS[2], ARGV[1]) ~= 'open' then return {'NOT_OPEN'} end
redis.call('HSET', KEYS[2], ARGV[1], 'closed')
redis.call('XADD', KEYS[3], '*', 'type', 'round-closed', 'at', ARGV[3], 'by', ARGV[2],
  'data', cjson.encode({presenter = tonumber(ARGV[1])}))
redis.call('HSET', KEYS[1], 'last-closed', ARGV[1] .. ':' .. ARGV[3])
if redis.call('HGET', KEYS[1], 'current') == ARGV[1] then redis.call('HDEL', KEYS[1], 'current') end
redis.call('DEL', KEYS[5])
local judges = redis.call('HGETALL', KEYS[4])
for i = 1, #judges, 2 do
  local panel = cjson.decode(judges[i + 1])['panel']
  redis.call('HSET', KEYS[5], judges[i], tostring(math.floor(tonumber(panel) or 0)))
end
return {'OK'}
