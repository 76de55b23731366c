-- Changes an open season and appends the change to its audit log, in one step; a closed season
-- is refused (it is frozen).
-- KEYS: meta, snapshots, audit
-- ARGV: op ("save" | "close" | "snapshot"), payload (season JSON, or snapshot JSON), contest id
--       (snapshot only), audit type, at (ms), by (user id), audit data (JSON),
--       audit type when a snapshot replaces one (snapshot only)
-- Returns: {code, replaced (1 when a snapshot replaced one of the same contest, else 0)}
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return {'MISSING', 0} end
if status ~= 'open' then return {'CLOSED', 0} end
local replaced = 0
local kind = ARGV[4]
if ARGV[1] == 'snapshot' then
  replaced = 1 - redis.call('HSET', KEYS[2], ARGV[3], ARGV[2])
  if replaced == 1 then kind = ARGV[8] end
else
  redis.call('HSET', KEYS[1], 'season', ARGV[2])
  if ARGV[1] == 'close' then redis.call('HSET', KEYS[1], 'status', 'closed') end
end
redis.call('XADD', KEYS[3], '*', 'type', kind, 'at', ARGV[5], 'by', ARGV[6], 'data', ARGV[7])
return {'OK', replaced}
