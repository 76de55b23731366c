-- Opens (or reopens) a presenter's round; at most one round is open at a time.
-- KEYS: meta, rounds, audit
-- ARGV: presenter, reopen ("1" or "0"), by (user id), now (ms),
--       expected draw ("*" = any; else the meta's "draw" field the caller chose the presenter by,
--       "" = none: "the next presenter" is refused as STALE when a draw changed the order since)
-- Returns: {code, otherPresenter?}
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'draft' and status ~= 'running' then return {'CONTEST_ENDED'} end
if ARGV[5] and ARGV[5] ~= '*' and (redis.call('HGET', KEYS[1], 'draw') or '') ~= ARGV[5] then return {'STALE'} end
local current = redis.call('HGET', KEYS[1], 'current')
if current and current ~= ARGV[1] then return {'OTHER_OPEN', current} end
local round = redis.call('HGET', KEYS[2], ARGV[1])
if round == 'open' then return {'ALREADY_OPEN'} end
if ARGV[2] == '1' and round ~= 'closed' then return {'NOT_CLOSED'} end
if ARGV[2] ~= '1' and round == 'closed' then return {'ALREADY_CLOSED'} end
redis.call('HSET', KEYS[2], ARGV[1], 'open')
redis.call('HSET', KEYS[1], 'current', ARGV[1], 'status', 'running')
redis.call('XADD', KEYS[3], '*', 'type', ARGV[2] == '1' and 'round-reopened' or 'round-opened',
  'at', ARGV[4], 'by', ARGV[3], 'data', cjson.encode({presenter = tonumber(ARGV[1])}))
return {'OK'}
