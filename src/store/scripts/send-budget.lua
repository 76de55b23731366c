-- Takes one send from Telegram's budget, shared by every replica (GCRA: each key holds the
-- theoretical arrival time of the next send, in ms of Redis' own clock with microseconds, so
-- replicas' clocks never disagree and no interval is rounded). All keys share the {budget} hash
-- tag (one slot in a Redis Cluster).
-- KEYS: global, chat, group-minute (the chat's key again when the chat is private), pause
-- ARGV: global interval (ms, fractional), chat interval (ms), group interval (ms, 0 for a private chat),
--       mode: "take" (wait if over) or "record" (an interactive send already made: count it, never refuse),
--       horizon (ms): how far ahead a "take" may reserve its slot on the global schedule
-- Returns {delay ms, ""} when the send is granted: it is counted at now + delay, and the caller sends
-- then. The global slot is reserved ahead (at most horizon ms), so an asker that comes a little late
-- for its slot loses no time, and the sends keep the exact interval. Otherwise returns
-- {wait ms, "global"|"chat"|"group"|"pause"}: nothing is counted; ask again after the wait.
-- Delays and waits are strings (a Lua number would reach the caller truncated to an integer).
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local record = ARGV[4] == 'record'
local horizon = tonumber(ARGV[5] or '0')
if not record then
  local pause = tonumber(redis.call('GET', KEYS[4]) or '0')
  if pause > now then return {tostring(pause - now), 'pause'} end
end
local scopes = {'global', 'chat', 'group'}
local tats = {}
for i = 1, 3 do
  if tonumber(ARGV[i]) > 0 then tats[i] = math.max(tonumber(redis.call('GET', KEYS[i]) or '0'), now) end
end
-- When the send goes: now for an interactive send; for a bulk send, its slot on the global schedule.
local at = now
if not record then
  at = tats[1] or now
  local wait, holder = 0, ''
  if at - now > horizon then wait, holder = at - now - horizon, 'global' end
  -- The chat and the group must be free at that time; the longest wait decides, so the caller waits
  -- once, for the limit that really holds it (and sends to another chat meanwhile).
  for i = 2, 3 do
    if tats[i] and tats[i] > at and tats[i] - now > wait then wait, holder = tats[i] - now, scopes[i] end
  end
  if wait > 0 then return {tostring(wait), holder} end
end
for i = 1, 3 do
  if tats[i] then
    local interval = tonumber(ARGV[i])
    local next = math.max(tats[i], at) + interval
    -- Interactive sends beyond the limit put the budget in debt, but never beyond the limit's own
    -- window (a second; a minute for a group): older sends no longer count against it.
    if record then next = math.min(next, now + (i == 3 and 60000 or 1000)) end
    -- A number argument reaches Redis with all its digits (%.17g); tostring would keep 14.
    redis.call('SET', KEYS[i], next, 'PX', math.max(1000, math.ceil(next - now) + 1000))
  end
end
return {tostring(at - now), ''}
