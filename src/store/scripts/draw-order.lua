-- Stores a drawn presenting order (the draw, 抽签) and audits it, in one step, if nothing changed
-- since the caller read the state it drew from: the contest is still draft or running, the stored
-- draw is still the one it read, and no presenter whose place was drawn has had a round opened.
-- Bumps the contest's version ("cver"; see contest-cache.ts) with it.
-- KEYS: meta, rounds, audit
-- ARGV: expected draw ("" = none), new draw (JSON), by (user id), now (ms), audit data (JSON),
--       then the drawn presenters' indexes
-- Returns: {code, presenter?}: OK; CONTEST_ENDED; STALE (another draw came first);
--          ALREADY_OPEN with the presenter whose round was opened meanwhile
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'draft' and status ~= 'running' then return {'CONTEST_ENDED'} end
if (redis.call('HGET', KEYS[1], 'draw') or '') ~= ARGV[1] then return {'STALE'} end
for i = 6, #ARGV do
  if redis.call('HEXISTS', KEYS[2], ARGV[i]) == 1 then return {'ALREADY_OPEN', ARGV[i]} end
end
redis.call('HSET', KEYS[1], 'draw', ARGV[2])
-- The contest as cached carries its presenting order: a new draw is a new version of it.
redis.call('HINCRBY', KEYS[1], 'cver', 1)
redis.call('XADD', KEYS[3], '*', 'type', 'order-drawn', 'at', ARGV[4], 'by', ARGV[3], 'data', ARGV[5])
return {'OK'}
