-- Takes one send from Telegram's budget, shared by every replica (GCRA: each key holds the
-- theoretical arrival time of the next send, in ms of Redis' own clock, so replicas' clocks
-- never disagree). All keys share the {budget} hash tag (one slot in a Redis Cluster).
-- KEYS: global, chat, group-minute (the chat's key again when the chat is private), pause
-- ARGV: global interval (ms), chat interval (ms), group interval (ms, 0 for a private chat),
--       mode: "take" (wait if over) or "record" (an interactive send already made: count it, never refuse)
-- Returns {0, ""} when the send may go now (and is counted), else {wait ms, "global"|"chat"|"group"|"pause"}.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local record = ARGV[4] == 'record'
if not record then
  local pause = tonumber(redis.call('GET', KEYS[4]) or '0')
  if pause > now then return {pause - now, 'pause'} end
end
local scopes = {'global', 'chat', 'group'}
local tats = {}
local wait, holder = 0, ''
for i = 1, 3 do
  local interval = tonumber(ARGV[i])
  if interval > 0 then
    local tat = math.max(tonumber(redis.call('GET', KEYS[i]) or '0'), now)
    -- The longest wait decides, so the caller waits once, for the limit that really holds it.
    if tat - now > wait then wait, holder = tat - now, scopes[i] end
    tats[i] = tat + interval
    -- Interactive sends beyond the limit put the budget in debt, but never beyond the limit's own
    -- window (a second; a minute for a group): older sends no longer count against it.
    if record then tats[i] = math.min(tats[i], now + (i == 3 and 60000 or 1000)) end
  end
end
if wait > 0 and not record then return {wait, holder} end
for i = 1, 3 do
  if tats[i] then redis.call('SET', KEYS[i], tats[i], 'PX', math.max(1000, tats[i] - now + 1000)) end
end
return {0, ''}
