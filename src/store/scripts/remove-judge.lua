-- Removes a judge. Their ballot and draft in the open round are discarded (with an audit entry);
-- ballots of closed rounds stay, and the judge's record moves to the `removed` hash so that
-- those ballots still count.
-- KEYS: meta, judges, removed, drafts(p), ballots(p), audit
-- ARGV: judgeId, p (the open round the caller saw, or "" for none), now (ms), by (user id)
-- Returns: {code, judgeJson, discardedBallot (0/1), discardedDraft (0/1)}
--   RETRY: the open round is no longer p (the caller reads it again)
local judge = redis.call('HGET', KEYS[2], ARGV[1])
if not judge then return {'NOT_JUDGE'} end
local current = redis.call('HGET', KEYS[1], 'current')
if (current or '') ~= ARGV[2] then return {'RETRY'} end
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HSET', KEYS[3], ARGV[1], judge)
local ballot, draft = 0, 0
if ARGV[2] ~= '' then
  ballot = redis.call('HDEL', KEYS[5], ARGV[1])
  draft = redis.call('HDEL', KEYS[4], ARGV[1])
  if ballot == 1 or draft == 1 then
    -- Ids are integers checked by the caller; written as text so no float rounding touches them.
    redis.call('XADD', KEYS[6], '*', 'type', 'ballot-removed', 'at', ARGV[3], 'by', ARGV[4], 'data',
      '{"presenter":' .. ARGV[2] .. ',"judgeId":' .. ARGV[1] .. ',"reason":"judge-removed"}')
  end
end
return {'OK', judge, ballot, draft}
