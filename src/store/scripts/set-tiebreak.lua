-- Replaces the chair's decision on one tie, if it is still what the caller read (compare and
-- set), while the contest is running; a confirmed decision is audited in the same step.
-- KEYS: meta, tiebreaks, audit
-- ARGV: tie key, expected value ("" = none), new value ("" = remove), now (ms), by, audit data ("" = none)
-- Returns: {code}: OK, STALE (changed since it was read), CONTEST_ENDED (not running)
if redis.call('HGET', KEYS[1], 'status') ~= 'running' then return {'CONTEST_ENDED'} end
local current = redis.call('HGET', KEYS[2], ARGV[1]) or ''
if current ~= ARGV[2] then return {'STALE'} end
if ARGV[3] == '' then
  redis.call('HDEL', KEYS[2], ARGV[1])
else
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
end
if ARGV[6] ~= '' then
  redis.call('XADD', KEYS[3], '*', 'type', 'tiebreak-decided', 'at', ARGV[4], 'by', ARGV[5], 'data', ARGV[6])
end
return {'OK'}
