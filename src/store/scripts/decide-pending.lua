-- The chair's ✅/✖ on a judge waiting for approval (join mode "approve").
-- KEYS: meta, judges, pending, audit
-- ARGV: userId, '1' approve | '0' refuse, now (ms), by (the chair), refusal audit data JSON
-- Returns: {code, judgeJson}; NOT_JUDGE when nobody with that id is waiting
local judge = redis.call('HGET', KEYS[3], ARGV[1])
if not judge then return {'NOT_JUDGE'} end
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'draft' and status ~= 'running' then return {'CONTEST_ENDED'} end
redis.call('HDEL', KEYS[3], ARGV[1])
if ARGV[2] ~= '1' then
  redis.call('XADD', KEYS[4], '*', 'type', 'judge-refused', 'at', ARGV[3], 'by', ARGV[4], 'data', ARGV[5])
  return {'OK', judge}
end
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return {'ALREADY', judge} end
redis.call('HSET', KEYS[2], ARGV[1], judge)
redis.call('XADD', KEYS[4], '*', 'type', 'judge-enrolled', 'at', ARGV[3], 'by', ARGV[4], 'data', judge)
return {'OK', judge}
