-- Keeps a judge's comment with their submitted ballot of an open round (with an audit entry).
-- KEYS: rounds, ballots(p), audit
-- ARGV: presenter, judgeId, comment, now (ms)
-- Returns: {code}: OK, ROUND_CLOSED, or NOT_SUBMITTED when there is no ballot to attach it to
if redis.call('HGET', KEYS[1], ARGV[1]) ~= 'open' then return {'ROUND_CLOSED'} end
local json = redis.call('HGET', KEYS[2], ARGV[2])
if not json then return {'NOT_SUBMITTED'} end
local ballot = cjson.decode(json)
ballot['comment'] = ARGV[3]
local updated = cjson.encode(ballot)
-- cjson encodes an empty table as {}; an abstention has no scores.
updated = string.gsub(updated, '"scores":{}', '"scores":[]')
redis.call('HSET', KEYS[2], ARGV[2], updated)
redis.call('XADD', KEYS[3], '*', 'type', 'comment', 'at', ARGV[4], 'by', ARGV[2], 'data',
  cjson.encode({presenter = tonumber(ARGV[1]), text = ARGV[3]}))
return {'OK'}
