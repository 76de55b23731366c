-- A 429 told one replica to wait: every replica waits (the pause only ever grows).
-- KEYS: pause. ARGV: wait (ms). Returns the pause's end (ms of Redis' clock).
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ends = now + tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if ends > current then
  redis.call('SET', KEYS[1], ends, 'PX', tonumber(ARGV[1]) + 1000)
  return ends
end
return current
