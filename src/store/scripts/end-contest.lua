-- Ends a contest (finished or cancelled) and closes its open round in the same step, so no ballot
-- for that round is accepted afterwards (see submit-ballot.lua, ballot-state.lua).
-- KEYS: meta, rounds, audit
-- ARGV: status ("finished" or "cancelled"), by (user id; 0 = the bot), now (ms)
-- Returns: {code, closedPresenter or false}; code NOT_ACTIVE when the contest had already ended
-- The meta hash keeps "last-closed" (as close-round.lua) and "ended-at" (ms) for the scoreboard.
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'draft' and status ~= 'running' then return {'NOT_ACTIVE', false} end
local current = redis.call('HGET', KEYS[1], 'current')
local closed = false
if current and redis.call('HGET', KEYS[2], current) == 'open' then
  redis.call('HSET', KEYS[2], current, 'closed')
  redis.call('XADD', KEYS[3], '*', 'type', 'round-closed', 'at', ARGV[3], 'by', ARGV[2],
    'data', cjson.encode({presenter = tonumber(current)}))
  redis.call('HSET', KEYS[1], 'last-closed', current .. ':' .. ARGV[3])
  closed = current
end
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'ended-at', ARGV[3])
redis.call('HDEL', KEYS[1], 'current')
redis.call('XADD', KEYS[3], '*', 'type', ARGV[1] == 'finished' and 'contest-finished' or 'contest-cancelled',
  'at', ARGV[3], 'by', ARGV[2], 'data', '{}')
return {'OK', closed}
