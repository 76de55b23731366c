-- Rewrites an enrolled judge's record (e.g. the observer flag), with an audit entry; a judge who
-- is no longer enrolled stays removed.
-- KEYS: judges, audit
-- ARGV: judgeId, judgeJson, now (ms), by (user id)
-- Returns: {code}
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return {'NOT_JUDGE'} end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('XADD', KEYS[2], '*', 'type', 'judge-updated', 'at', ARGV[3], 'by', ARGV[4], 'data', ARGV[2])
return {'OK'}
