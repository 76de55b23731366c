-- Seats a judge: by invitation (the seat and its roster entry are consumed), by a panel's join
-- code or the group button. The caller read the seat and entry and passes what it read; if either
-- changed since (used by another account, revoked, moved), nothing is written and RETRY returned.
-- KEYS: meta, judges, seats, roster, pending, conflicts, audit
-- ARGV: 1 userId, 2 judgeJson, 3 now (ms), 4 token ('' none), 5 seat as read, 6 seat as used,
--       7 entryId ('' none), 8 entry as read, 9 entry as bound, 10 'judge' | 'pending',
--       11 conflict members separated by spaces, 12 audit data JSON,
--       13 '1' when /lockjudges applies, 14 join mode the caller decided under ('' = any)
-- Returns: {code, judgeCount | judgeJson}
--   ALREADY (judge already enrolled; their record), PENDING (waiting for the chair; 1 = new request)
local contest = redis.call('HGET', KEYS[1], 'contest')
if not contest then return {'NO_CONTEST'} end
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'draft' and status ~= 'running' then return {'CONTEST_ENDED'} end
local existing = redis.call('HGET', KEYS[2], ARGV[1])
if existing then return {'ALREADY', existing} end
if ARGV[4] ~= '' and (redis.call('HGET', KEYS[3], ARGV[4]) or '') ~= ARGV[5] then return {'RETRY'} end
if ARGV[7] ~= '' and (redis.call('HGET', KEYS[4], ARGV[7]) or '') ~= ARGV[8] then return {'RETRY'} end
local decoded = cjson.decode(contest)
if ARGV[13] == '1' and decoded['locked'] == true then return {'LOCKED', redis.call('HLEN', KEYS[2])} end
if ARGV[14] ~= '' then
  local setup = decoded['setup']
  local mode = (type(setup) == 'table' and setup['join']) or 'open'
  if mode ~= ARGV[14] then return {'RETRY'} end
end
if ARGV[10] == 'pending' then
  if redis.call('HEXISTS', KEYS[5], ARGV[1]) == 1 then return {'PENDING', 0} end
  redis.call('HSET', KEYS[5], ARGV[1], ARGV[2])
  redis.call('XADD', KEYS[7], '*', 'type', 'judge-requested', 'at', ARGV[3], 'by', ARGV[1], 'data', ARGV[12])
  return {'PENDING', 1}
end
if ARGV[4] ~= '' then redis.call('HSET', KEYS[3], ARGV[4], ARGV[6]) end
if ARGV[7] ~= '' then redis.call('HSET', KEYS[4], ARGV[7], ARGV[9]) end
-- Conflicts first in the same step: there is no moment in which the judge could score them.
for member in string.gmatch(ARGV[11], '%S+') do redis.call('SADD', KEYS[6], member) end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('HDEL', KEYS[5], ARGV[1])
redis.call('XADD', KEYS[7], '*', 'type', 'judge-enrolled', 'at', ARGV[3], 'by', ARGV[1], 'data', ARGV[12])
return {'OK', redis.call('HLEN', KEYS[2])}
