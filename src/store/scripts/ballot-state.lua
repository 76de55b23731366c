-- Reads (and with a value, first records) one judge's ballot state in one round trip.
-- KEYS: meta, rounds, judges, drafts(p), ballots(p), audit, conflicts, update claim
-- ARGV: presenter, judgeId, criterion ("" = read only), value, now (ms), known contest version
--       (the meta hash's "cver" the caller has parsed already; "" = none), update claim TTL in
--       seconds ("" = no claim: see below)
-- With a claim TTL, the update (a webhook delivery of this press) is claimed first (SET NX EX on
-- the update claim key): claimed before, the reply is {'DUPLICATE'} and nothing else is done.
-- A recorded value is appended to the audit stream (type ballot-drafted) in the same step.
-- A judge conflicted with the presenter (member "<judgeId>:<presenter>" of conflicts) is refused,
-- and so is every value while the contest is not running (finished or cancelled), whatever the
-- round says.
-- Returns: {code, contestJson, status, roundStatus, judgeJson, draftJson, ballotJson, conflicted (0/1),
--          contestVersion, drawJson}; contestJson is false when the known version is the current one
--          (the caller has that contest already), and contestVersion false for a contest stored
--          before versions were kept (its text is always sent); drawJson, the meta's "draw" (the
--          presenting order), is sent with the contest's text (a draw bumps "cver"), else false.
if ARGV[7] and ARGV[7] ~= '' and not redis.call('SET', KEYS[8], '1', 'EX', ARGV[7], 'NX') then
  return {'DUPLICATE'}
end
local contest = redis.call('HGET', KEYS[1], 'contest')
if not contest then return {'NO_CONTEST'} end
local cver = redis.call('HGET', KEYS[1], 'cver')
local status = redis.call('HGET', KEYS[1], 'status')
local ended = status == 'finished' or status == 'cancelled'
local round = redis.call('HGET', KEYS[2], ARGV[1])
local judge = redis.call('HGET', KEYS[3], ARGV[2])
local draft = redis.call('HGET', KEYS[4], ARGV[2])
local ballot = redis.call('HGET', KEYS[5], ARGV[2])
local conflicted = redis.call('SISMEMBER', KEYS[7], ARGV[2] .. ':' .. ARGV[1])
local code = 'OK'
if ARGV[3] ~= '' then
  if ended or (round == 'open' and status ~= 'running') then
    code = 'CONTEST_ENDED'
  elseif round ~= 'open' then
    code = 'ROUND_CLOSED'
  elseif not judge then
    code = 'NOT_JUDGE'
  elseif conflicted == 1 then
    code = 'CONFLICT'
  else
    local criteria = cjson.decode(contest)['setup']['criteria']
    local c = criteria[tonumber(ARGV[3]) + 1]
    local value = tonumber(ARGV[4])
    if not c or not value then
      code = 'BAD_SCORE'
    else
      local v = math.floor(value * 100 + 0.5)
      local m = math.floor(c['max'] * 100 + 0.5)
      local s = math.floor((c['step'] or 1) * 100 + 0.5)
      if v < 0 or v > m or v % s ~= 0 then
        code = 'BAD_SCORE'
      else
        local d = draft and cjson.decode(draft) or {scores = {}}
        if type(d['scores']) ~= 'table' then d['scores'] = {} end
        d['scores'][ARGV[3]] = value
        draft = cjson.encode(d)
        redis.call('HSET', KEYS[4], ARGV[2], draft)
        redis.call('XADD', KEYS[6], '*', 'type', 'ballot-drafted', 'at', ARGV[5], 'by', ARGV[2], 'data',
          cjson.encode({presenter = tonumber(ARGV[1]), criterion = tonumber(ARGV[3]), value = value}))
      end
    end
  end
end
local sent = contest
local draw = false
if cver and cver == ARGV[6] then sent = false else draw = redis.call('HGET', KEYS[1], 'draw') or false end
return {code, sent, status or false, round or false, judge or false, draft or false, ballot or false, conflicted,
  cver or false, draw}
