-- The live counter of a round: ballots in from counted judges, and how many counted judges there
-- are. Observers and judges conflicted with the presenter are in neither number.
-- KEYS: judges, ballots(p), conflicts
-- ARGV: presenter
-- Returns: {submitted, eligible}
local judges = redis.call('HGETALL', KEYS[1])
local eligible, submitted = 0, 0
for i = 1, #judges, 2 do
  local id = judges[i]
  local ok, judge = pcall(cjson.decode, judges[i + 1])
  local observer = ok and type(judge) == 'table' and judge['observer'] == true
  if not observer and redis.call('SISMEMBER', KEYS[3], id .. ':' .. ARGV[1]) == 0 then
    eligible = eligible + 1
    if redis.call('HEXISTS', KEYS[2], id) == 1 then submitted = submitted + 1 end
  end
end
return {submitted, eligible}
