-- Enrols a judge while the contest takes judges.
-- KEYS: meta, judges, audit
-- ARGV: userId, judgeJson, now (ms)
-- Returns: {code, judgeCount}
local contest = redis.call('HGET', KEYS[1], 'contest')
if not contest then return {'NO_CONTEST'} end
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'draft' and status ~= 'running' then return {'CONTEST_ENDED'} end
local existing = redis.call('HGET', KEYS[2], ARGV[1])
if not existing and cjson.decode(contest)['locked'] == true then return {'LOCKED', redis.call('HLEN', KEYS[2])} end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('XADD', KEYS[3], '*', 'type', existing and 'judge-updated' or 'judge-enrolled', 'at', ARGV[3], 'by', ARGV[1],
  'data', ARGV[2])
return {existing and 'UPDATED' or 'OK', redis.call('HLEN', KEYS[2])}
