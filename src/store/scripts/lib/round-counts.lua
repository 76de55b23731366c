-- The live counter's numbers of a round: ballots in from counted judges, and how many counted
-- judges there are. Observers and judges conflicted with the presenter (member
-- "<judgeId>:<presenter>" of the conflicts set) are in neither number.
-- Included by round-counts.lua and submit-ballot.lua (see scripts.ts), so both count alike.
local function roundCounts(judgesKey, ballotsKey, conflictsKey, presenter)
  local judges = redis.call('HGETALL', judgesKey)
  local eligible, submitted = 0, 0
  for i = 1, #judges, 2 do
    local id = judges[i]
    local ok, judge = pcall(cjson.decode, judges[i + 1])
    local observer = ok and type(judge) == 'table' and judge['observer'] == true
    if not observer and redis.call('SISMEMBER', conflictsKey, id .. ':' .. presenter) == 0 then
      eligible = eligible + 1
      if redis.call('HEXISTS', ballotsKey, id) == 1 then submitted = submitted + 1 end
    end
  end
  return submitted, eligible
end
