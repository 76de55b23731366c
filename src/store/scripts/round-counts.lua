-- The live counter of a round: ballots in from counted judges, and how many counted judges there
-- are. Observers and judges conflicted with the presenter are in neither number.
-- KEYS: judges, ballots(p), conflicts
-- ARGV: presenter
-- Returns: {submitted, eligible}
--!include lib/round-counts.lua
local submitted, eligible = roundCounts(KEYS[1], KEYS[2], KEYS[3], ARGV[1])
return {submitted, eligible}
