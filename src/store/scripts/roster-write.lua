-- One change of the roster, a seat and/or an enrolled judge, with its audit entry, written only if
-- none of them changed since the caller read them (compare and set; '' = must not exist).
-- KEYS: roster, seats, judges, audit
-- ARGV: 1 entryId, 2 entry as read, 3 entry new ('' deletes), 4 token, 5 seat as read, 6 seat new,
--       7 judgeId, 8 judge as read, 9 judge new, 10 audit type, 11 audit data JSON, 12 now, 13 by
--       (an id of '' leaves that record alone)
-- Returns: {code}; RETRY when something changed in between
local function same(key, field, expected)
  return field == '' or (redis.call('HGET', key, field) or '') == expected
end
local function put(key, field, value)
  if field == '' then return end
  if value == '' then redis.call('HDEL', key, field) else redis.call('HSET', key, field, value) end
end
if not (same(KEYS[1], ARGV[1], ARGV[2]) and same(KEYS[2], ARGV[4], ARGV[5]) and same(KEYS[3], ARGV[7], ARGV[8])) then
  return {'RETRY'}
end
put(KEYS[1], ARGV[1], ARGV[3])
put(KEYS[2], ARGV[4], ARGV[6])
put(KEYS[3], ARGV[7], ARGV[9])
redis.call('XADD', KEYS[4], '*', 'type', ARGV[10], 'at', ARGV[12], 'by', ARGV[13], 'data', ARGV[11])
return {'OK'}
