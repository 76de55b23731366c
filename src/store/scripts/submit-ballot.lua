-- Turns a judge's complete draft into their submitted ballot, atomically with the round state:
-- a submit either happens before the round closes (and is counted) or is refused.
-- KEYS: meta, rounds, judges, drafts(p), ballots(p), audit, conflicts, counter edit pause, notices,
--       consoles, update claim
-- ARGV: presenter, judgeId, now (ms), abstain ("1" or "0"), events channel, event message,
--       counter pause (ms), scores (JSON array, one per criterion; "" = submit the draft as it is),
--       all-in notice (the notices field said once when every ballot of the round is in),
--       known contest version, update claim TTL (both as for ballot-state.lua)
-- Scores given (the Mini App's one submit) are checked like a tap's value (range and step; any bad
-- one refuses the whole submit with BAD_SCORE and nothing is written) and become the draft first.
-- A stored ballot also publishes the "contest changed" event and claims the live counter's edit
-- pause, so that a submit costs one round trip.
-- A judge conflicted with the presenter (member "<judgeId>:<presenter>" of conflicts) is refused,
-- and so is every submit while the contest is not running (finished or cancelled).
-- The stored ballot is appended to the audit stream (ballot-submitted, or ballot-changed for a
-- later version) in the same step. Submitting an unchanged ballot again is a no-op answered OK.
-- Returns: {code, contestJson, status, roundStatus, judgeJson, draftJson, ballotJson, submittedCount, judgeCount,
--          counterClaimed (1 or 0), allInClaimed (1 or 0), consoles (how many chairs have one),
--          contestVersion, drawJson}; contestJson, contestVersion and drawJson as in ballot-state.lua
-- submittedCount and judgeCount are the live counter's numbers, counted by the same function as
-- round-counts.lua (observers and judges conflicted with the presenter are in neither), so that
-- the bot needs no second round trip to know whether every ballot is in.
--!include lib/round-counts.lua
-- The stored ballot that completes the current round claims its all-in notice (once per round),
-- naming itself ("<judgeId>:<now>"), so that a submit whose reply was lost can still learn that
-- it was the one that claimed it (store.ballots.claimedAllIn) and send the notice.
local function claimAllIn(submitted, eligible)
  if eligible == 0 or submitted < eligible or ARGV[9] == nil or ARGV[9] == '' then return 0 end
  if redis.call('HGET', KEYS[1], 'current') ~= ARGV[1] then return 0 end
  return redis.call('HSETNX', KEYS[9], ARGV[9], ARGV[2] .. ':' .. ARGV[3])
end
if ARGV[11] and ARGV[11] ~= '' and not redis.call('SET', KEYS[11], '1', 'EX', ARGV[11], 'NX') then
  return {'DUPLICATE'}
end
local contest = redis.call('HGET', KEYS[1], 'contest')
if not contest then return {'NO_CONTEST'} end
local cver = redis.call('HGET', KEYS[1], 'cver')
-- The contest's text in the reply only when the caller does not have this version.
local function sent()
  if cver and cver == ARGV[10] then return false end
  return contest
end
-- The draw read with the contest's text (its presenting order), only when that text is sent.
local function sentDraw()
  if cver and cver == ARGV[10] then return false end
  return redis.call('HGET', KEYS[1], 'draw') or false
end
local status = redis.call('HGET', KEYS[1], 'status')
local round = redis.call('HGET', KEYS[2], ARGV[1])
if status == 'finished' or status == 'cancelled' or (round == 'open' and status ~= 'running') then return {'CONTEST_ENDED'} end
if round ~= 'open' then return {'ROUND_CLOSED'} end
if redis.call('HEXISTS', KEYS[3], ARGV[2]) == 0 then return {'NOT_JUDGE'} end
if redis.call('SISMEMBER', KEYS[7], ARGV[2] .. ':' .. ARGV[1]) == 1 then return {'CONFLICT'} end
local criteria = cjson.decode(contest)['setup']['criteria']
local draft = redis.call('HGET', KEYS[4], ARGV[2])
local d = draft and cjson.decode(draft) or {scores = {}}
local abstain = ARGV[4] == '1'
if not abstain and ARGV[8] and ARGV[8] ~= '' then
  local ok, given = pcall(cjson.decode, ARGV[8])
  if not ok or type(given) ~= 'table' or #given ~= #criteria then return {'BAD_SCORE'} end
  local scores = {}
  for i = 1, #criteria do
    local value = tonumber(given[i])
    local c = criteria[i]
    if not value then return {'BAD_SCORE'} end
    local v = math.floor(value * 100 + 0.5)
    local m = math.floor(c['max'] * 100 + 0.5)
    local s = math.floor((c['step'] or 1) * 100 + 0.5)
    if v < 0 or v > m or v % s ~= 0 then return {'BAD_SCORE'} end
    scores[tostring(i - 1)] = value
  end
  d = {scores = scores}
  draft = cjson.encode(d)
  redis.call('HSET', KEYS[4], ARGV[2], draft)
end
local scores = {}
if not abstain then
  for i = 1, #criteria do
    local value = type(d['scores']) == 'table' and d['scores'][tostring(i - 1)] or nil
    if value == nil then return {'INCOMPLETE'} end
    scores[i] = value
  end
end
local previous = redis.call('HGET', KEYS[5], ARGV[2])
local version = 1
local comment = nil
if previous then
  local p = cjson.decode(previous)
  -- The same ballot submitted again (a double press, or Telegram delivering the update again after
  -- a crash) changes nothing: no new version, no audit entry, no event. Redelivery is applied once.
  local same = (p['abstain'] == true) == abstain and #p['scores'] == #scores
  for i = 1, #scores do
    if p['scores'][i] ~= scores[i] then same = false end
  end
  if same then
    local judge = redis.call('HGET', KEYS[3], ARGV[2])
    local submitted, eligible = roundCounts(KEYS[3], KEYS[5], KEYS[7], ARGV[1])
    return {'OK', sent(), status, 'open', judge, draft or false, previous,
      submitted, eligible, 0, 0, redis.call('HLEN', KEYS[10]), cver or false, sentDraw()}
  end
  version = (p['version'] or 0) + 1
  comment = p['comment']
end
local ballot = {
  presenter = tonumber(ARGV[1]),
  scores = scores,
  abstain = abstain,
  submittedAt = tonumber(ARGV[3]),
  version = version,
  comment = comment,
}
local json = cjson.encode(ballot)
-- cjson encodes an empty table as {}; an abstention has no scores.
json = string.gsub(json, '"scores":{}', '"scores":[]')
redis.call('HSET', KEYS[5], ARGV[2], json)
redis.call('XADD', KEYS[6], '*', 'type', version == 1 and 'ballot-submitted' or 'ballot-changed',
  'at', ARGV[3], 'by', ARGV[2], 'data', json)
redis.call('PUBLISH', ARGV[5], ARGV[6])
local pause = tonumber(ARGV[7])
local claimed = pause <= 0 or redis.call('SET', KEYS[8], '1', 'PX', pause, 'NX') ~= false
local judge = redis.call('HGET', KEYS[3], ARGV[2])
local submitted, eligible = roundCounts(KEYS[3], KEYS[5], KEYS[7], ARGV[1])
return {'OK', sent(), status, 'open', judge, draft or false, json, submitted, eligible, claimed and 1 or 0,
  claimAllIn(submitted, eligible), redis.call('HLEN', KEYS[10]), cver or false, sentDraw()}
