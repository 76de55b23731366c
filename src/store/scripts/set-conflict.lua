-- Records (or withdraws) a judge's conflict of interest with a presenter. A judge conflicted with
-- the presenter of the open round loses their ballot and draft for it (with an audit entry).
-- KEYS: rounds, conflicts, drafts(p), ballots(p), audit
-- ARGV: judgeId, p, add ("1" or "0"), now (ms), by (user id)
-- Returns: {code, changed (0/1), roundStatus, discardedBallot (0/1)}
local member = ARGV[1] .. ':' .. ARGV[2]
local round = redis.call('HGET', KEYS[1], ARGV[2]) or ''
if ARGV[3] ~= '1' then
  return {'OK', redis.call('SREM', KEYS[2], member), round, 0}
end
local changed = redis.call('SADD', KEYS[2], member)
local discarded = 0
if round == 'open' then
  discarded = redis.call('HDEL', KEYS[4], ARGV[1])
  redis.call('HDEL', KEYS[3], ARGV[1])
  if discarded == 1 then
    redis.call('XADD', KEYS[5], '*', 'type', 'ballot-removed', 'at', ARGV[4], 'by', ARGV[5], 'data',
      '{"presenter":' .. ARGV[2] .. ',"judgeId":' .. ARGV[1] .. ',"reason":"conflict"}')
  end
end
return {'OK', changed, round, discarded}
